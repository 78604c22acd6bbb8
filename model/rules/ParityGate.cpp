#include "ParityGate.h"

#include <QHash>

#include <algorithm>

namespace daybreak {

ParityGate::Evaluation ParityGate::evaluate(QList<ParityResult> results, const QDate &asOf) const
{
    // A comparison dated after tomorrow is no evidence of tonight's parity: it is ignored, so
    // seven clean nights in 2031 pass nothing and one mistyped year blocks nothing.
    if (asOf.isValid())
        results.erase(std::remove_if(results.begin(), results.end(),
                                     [&](const ParityResult &r) {
                                         return r.businessDate > asOf.addDays(kFutureDays);
                                     }),
                      results.end());
    std::sort(results.begin(), results.end(), [](const ParityResult &a, const ParityResult &b) {
        return a.businessDate < b.businessDate;
    });
    Evaluation e;
    e.runsRequired = m_runsRequired;
    if (results.isEmpty())
        return e;
    e.latest = results.last();
    QHash<QDate, const ParityResult *> byDate;
    for (const ParityResult &r : std::as_const(results)) {
        byDate.insert(r.businessDate, &r);
        if (isBreach(r))
            e.openBreaches.append(r);
    }
    const QDate first = results.first().businessDate;
    QDate end = byDate.contains(asOf) || !asOf.isValid() ? asOf : asOf.addDays(-1);
    if (!asOf.isValid() || results.last().businessDate > end)
        end = results.last().businessDate;
    for (QDate d = end; d >= first && d > end.addDays(-m_runsRequired); d = d.addDays(-1))
        if (!byDate.contains(d))
            e.missingNights.prepend(d);
    for (QDate d = end; d >= first; d = d.addDays(-1)) {
        const ParityResult *r = byDate.value(d);
        if (!r || isBreach(*r))
            break;
        ++e.cleanRuns;
    }
    if (!e.openBreaches.isEmpty() || !e.missingNights.isEmpty())
        e.status = Status::Failed;
    else if (e.cleanRuns >= m_runsRequired)
        e.status = Status::Passed;
    return e;
}

QString gateStatusName(ParityGate::Status status)
{
    switch (status) {
    case ParityGate::Status::Pending:
        return QStringLiteral("pending");
    case ParityGate::Status::Passed:
        return QStringLiteral("passed");
    case ParityGate::Status::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

} // namespace daybreak
