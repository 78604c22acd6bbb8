#include "ParityGate.h"

#include <algorithm>

ParityGate::Evaluation ParityGate::evaluate(QList<ParityResult> results) const
{
    std::sort(results.begin(), results.end(),
              [](const ParityResult &a, const ParityResult &b) { return a.businessDate < b.businessDate; });
    Evaluation e;
    e.runsRequired = m_runsRequired;
    if (!results.isEmpty())
        e.latest = results.last();
    for (const ParityResult &r : results)
        if (isBreach(r))
            e.openBreaches.append(r);
    for (auto it = results.crbegin(); it != results.crend() && !isBreach(*it); ++it)
        ++e.cleanRuns;
    if (!e.openBreaches.isEmpty())
        e.status = Status::Failed;
    else if (e.cleanRuns >= m_runsRequired)
        e.status = Status::Passed;
    else
        e.status = Status::Pending;
    return e;
}

QString gateStatusName(ParityGate::Status status)
{
    switch (status) {
    case ParityGate::Status::Pending: return QStringLiteral("pending");
    case ParityGate::Status::Passed: return QStringLiteral("passed");
    case ParityGate::Status::Failed: return QStringLiteral("failed");
    }
    return {};
}
