#pragma once

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace daybreak {

// What Daybreak needs to measure parity itself (model/parity): a named warehouse of one side
// (kind "source": its URL and the password file it reads, never a password) or what a pipeline
// compares (kind "mapping", named by the pipeline). The store keeps the spec as JSON; the parity
// room reads and checks it.
struct ParitySetting
{
    QString kind; // kParitySource or kParityMapping
    QString name;
    QJsonObject spec;
    QString updatedBy;
    QDateTime updatedAt;
};

inline constexpr const char *kParitySource = "source";
inline constexpr const char *kParityMapping = "mapping";

// A comparison Daybreak measured, kept beside the night's parity row: the counts are in the
// row, what differed (keys, columns and both values, the first of each kind) is in `detail`.
struct MeasuredParity
{
    QString pipeline;
    QDate businessDate;
    QDateTime measuredAt;
    QJsonObject detail;
};

} // namespace daybreak
