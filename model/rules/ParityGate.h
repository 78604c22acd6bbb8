#pragma once

#include "ParityResult.h"

#include <QList>

#include <optional>

namespace daybreak {

// The parity gate, a recurring check: passed when the last N nightly results are all within
// tolerance and no breach is open. A night without a comparison counts against the gate.
class ParityGate
{
public:
    // How far ahead of today a comparison may be dated: tonight's runs feed tomorrow's date.
    static constexpr int kFutureDays = 1;
    enum class Status
    {
        Pending,
        Passed,
        Failed
    };

    struct Evaluation
    {
        Status status = Status::Pending;
        int cleanRuns = 0; // consecutive clean (or resolved) nights, newest first
        int runsRequired = 7;
        QList<ParityResult> openBreaches; // out of tolerance and not resolved, oldest first
        QList<QDate> missingNights;       // in the last N nights since the dual run began
        std::optional<ParityResult> latest;
    };

    ParityGate(int runsRequired, double tolerance)
        : m_runsRequired(runsRequired), m_tolerance(tolerance)
    {
    }

    // `results`: this pipeline's, any order. `asOf`: today's business date; its comparison may
    // still be running, so a missing result for today alone is not held against the gate.
    Evaluation evaluate(QList<ParityResult> results, const QDate &asOf) const;
    bool isBreach(const ParityResult &r) const
    {
        return !r.isWithin(m_tolerance) && !r.isResolved();
    }

private:
    int m_runsRequired;
    double m_tolerance;
};

QString gateStatusName(ParityGate::Status status);

} // namespace daybreak
