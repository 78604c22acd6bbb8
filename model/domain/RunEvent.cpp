#include "RunEvent.h"

namespace daybreak {

QString runEventKindName(RunEvent::Kind kind)
{
    switch (kind) {
    case RunEvent::Kind::Scheduled:
        return QStringLiteral("scheduled");
    case RunEvent::Kind::Started:
        return QStringLiteral("started");
    case RunEvent::Kind::Succeeded:
        return QStringLiteral("succeeded");
    case RunEvent::Kind::Failed:
        return QStringLiteral("failed");
    case RunEvent::Kind::Retrying:
        return QStringLiteral("retrying");
    }
    return {};
}

std::optional<RunEvent::Kind> runEventKindFromName(const QString &name)
{
    for (RunEvent::Kind k :
         {RunEvent::Kind::Scheduled, RunEvent::Kind::Started, RunEvent::Kind::Succeeded,
          RunEvent::Kind::Failed, RunEvent::Kind::Retrying})
        if (runEventKindName(k) == name)
            return k;
    return std::nullopt;
}

} // namespace daybreak
