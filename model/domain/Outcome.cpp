#include "Outcome.h"

#include <QStringList>

namespace daybreak {

QString Outcome::describe() const
{
    if (kind != Kind::Refused || decision.reasons.isEmpty())
        return message;
    QStringList reasons;
    for (const Reason &r : decision.reasons)
        reasons << r.text;
    return QStringLiteral("%1: %2").arg(message, reasons.join(QStringLiteral("; ")));
}

QString outcomeKindName(Outcome::Kind kind)
{
    switch (kind) {
    case Outcome::Kind::Done:
        return QStringLiteral("done");
    case Outcome::Kind::Refused:
        return QStringLiteral("refused");
    case Outcome::Kind::Conflict:
        return QStringLiteral("conflict");
    case Outcome::Kind::Unknown:
        return QStringLiteral("unknown");
    case Outcome::Kind::BadInput:
        return QStringLiteral("bad_input");
    case Outcome::Kind::StoreFailure:
        return QStringLiteral("store_failure");
    }
    return {};
}

} // namespace daybreak
