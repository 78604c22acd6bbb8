#pragma once

#include "ParitySetting.h"

#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace daybreak {

// One side's table of a mapping: SOURCE:schema.table (the schema may be left out).
struct TableRef
{
    QString source;
    QString schema;
    QString table;
    QString toString() const;
    static std::optional<TableRef> parse(const QString &text, QString *why);
};

// How a compared column may differ and still count as equal.
struct Tolerance
{
    enum class Kind
    {
        Relative,  // |a - b| <= value * max(|a|, |b|)
        Absolute,  // |a - b| <= value
        Precision, // timestamps compared to the second, millisecond or microsecond
    };
    Kind kind = Kind::Relative;
    double value = 0.0;
    QString precision; // s, ms or us (Precision only)
    QString toString() const;
    // "0.01" (relative), "rel:0.01", "abs:0.5", "precision:ms"
    static std::optional<Tolerance> parse(const QString &text, QString *why);
};

// A normalisation applied to a text column on both sides before comparing.
inline const QStringList kNormalisations = {QStringLiteral("rtrim"), QStringLiteral("lower")};

// What a pipeline's parity diff compares: the table on each side, the key, the columns (all the
// on-prem table's but the excluded, or those named), tolerances, normalisations, and the filter
// that selects the night's partition, with :date bound to the business date.
struct ParityMapping
{
    QString pipeline;
    TableRef onprem;
    TableRef cloud;
    QStringList key;
    QStringList columns; // empty: every column of the on-prem table
    QStringList exclude;
    QMap<QString, Tolerance> tolerances;
    QMap<QString, QString> normalise; // column -> rtrim | lower
    QString where;

    QJsonObject toSpec() const;
    static std::optional<ParityMapping> fromSetting(const ParitySetting &setting, QString *why);
    // One line each, for the audit row's before/after.
    QString describe() const;
};

} // namespace daybreak
