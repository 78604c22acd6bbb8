#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

#include <optional>

namespace daybreak {

// How a breach was closed: accepted as is, or explained as a bug on either side.
enum class BreachResolution
{
    None,
    Accepted,
    LegacyBug,
    NewBug
};
QString resolutionName(BreachResolution r);
std::optional<BreachResolution> resolutionFromName(const QString &name);

// One dual-run comparison of a pipeline's two outputs for one business date.
struct ParityResult
{
    QString pipeline;
    QDate businessDate;
    qint64 onpremRows = 0;
    qint64 cloudRows = 0;
    qint64 mismatchedRows = 0;
    double maxRelativeDiff = 0.0;
    std::optional<bool> checksumMatch;
    QString note;
    // Measured by Daybreak itself (parity diff), its differing keys kept beside it; otherwise
    // imported or typed in from somebody else's diff.
    bool measured = false;
    QDateTime recordedAt;
    QString recordedBy;
    // A resolved breach no longer holds the gate; who, why and how stay on record.
    BreachResolution resolution = BreachResolution::None;
    QString resolvedBy;
    QString resolvedReason;
    QDateTime resolvedAt;

    // The largest of: row-count difference, mismatched share and value diff, all relative.
    double worstRelativeDiff() const;
    bool isWithin(double tolerance) const;
    bool isResolved() const { return resolution != BreachResolution::None; }

    bool operator==(const ParityResult &) const = default;
};

} // namespace daybreak
