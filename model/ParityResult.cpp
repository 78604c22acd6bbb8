#include "ParityResult.h"

#include <algorithm>
#include <cstdlib>

double ParityResult::worstRelativeDiff() const
{
    const double rows = double(std::max<qint64>({onpremRows, cloudRows, 1}));
    const double countDiff = double(std::llabs(onpremRows - cloudRows)) / rows;
    const double mismatchShare = double(mismatchedRows) / rows;
    return std::max({countDiff, mismatchShare, maxRelativeDiff});
}
