#include "CommandLine.h"

namespace daybreak {

qsizetype commandIndex(const QStringList &args)
{
    qsizetype at = 0;
    while (at < args.size() && args.at(at).startsWith(QLatin1Char('-'))) {
        if (args.at(at) == QLatin1String("--store"))
            ++at;
        ++at;
    }
    return at < args.size() ? at : -1;
}

} // namespace daybreak
