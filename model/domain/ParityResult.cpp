#include "ParityResult.h"

#include <algorithm>
#include <cstdlib>

namespace daybreak {

QString resolutionName(BreachResolution r)
{
    switch (r) {
    case BreachResolution::None:
        return {};
    case BreachResolution::Accepted:
        return QStringLiteral("accepted");
    case BreachResolution::LegacyBug:
        return QStringLiteral("legacy_bug");
    case BreachResolution::NewBug:
        return QStringLiteral("new_bug");
    }
    return {};
}

std::optional<BreachResolution> resolutionFromName(const QString &name)
{
    for (BreachResolution r : {BreachResolution::None, BreachResolution::Accepted,
                               BreachResolution::LegacyBug, BreachResolution::NewBug})
        if (resolutionName(r) == name)
            return r;
    return std::nullopt;
}

double ParityResult::worstRelativeDiff() const
{
    const double rows = double(std::max<qint64>({onpremRows, cloudRows, 1}));
    const double countDiff = double(std::llabs(onpremRows - cloudRows)) / rows;
    const double mismatchShare = double(mismatchedRows) / rows;
    return std::max({countDiff, mismatchShare, maxRelativeDiff});
}

bool ParityResult::isWithin(double tolerance) const
{
    return worstRelativeDiff() <= tolerance && checksumMatch.value_or(true);
}

} // namespace daybreak
