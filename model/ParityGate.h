#pragma once

#include "ParityResult.h"

#include <QList>

#include <optional>

// The parity gate: passed when the last N results are all within tolerance and no breach among
// them is open (an accepted breach no longer counts against it).
class ParityGate
{
public:
    enum class Status { Pending, Passed, Failed };

    struct Evaluation
    {
        Status status = Status::Pending;
        int cleanRuns = 0;            // consecutive clean (or accepted) results, newest first
        int runsRequired = 7;
        QList<ParityResult> openBreaches; // out of tolerance and not accepted, oldest first
        std::optional<ParityResult> latest;
    };

    ParityGate(int runsRequired, double tolerance) : m_runsRequired(runsRequired), m_tolerance(tolerance) {}

    // `results` in any order; only this pipeline's results.
    Evaluation evaluate(QList<ParityResult> results) const;
    bool isBreach(const ParityResult &r) const { return !r.isWithin(m_tolerance) && !r.isAccepted(); }

private:
    int m_runsRequired;
    double m_tolerance;
};

QString gateStatusName(ParityGate::Status status);
