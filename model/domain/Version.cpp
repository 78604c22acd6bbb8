#include "Version.h"

#include "DaybreakVersion.h"

namespace daybreak {

QString daybreakVersion()
{
    return QStringLiteral(DAYBREAK_VERSION_TEXT);
}

QString daybreakCommit()
{
    return QStringLiteral(DAYBREAK_COMMIT_TEXT);
}

QString versionLine(const QString &program)
{
    return QStringLiteral("%1 %2 (commit %3)").arg(program, daybreakVersion(), daybreakCommit());
}

} // namespace daybreak
