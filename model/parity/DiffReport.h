#pragma once

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace daybreak {

// One value that differs beyond its tolerance, with both sides' canonical forms.
struct ChangedValue
{
    QString column;
    QString onprem; // "NULL" for a NULL
    QString cloud;
};

struct ChangedRow
{
    QStringList key;
    QList<ChangedValue> values;
};

// A known cause a set of differences fits, the rule that would absorb it (suggested, never
// applied by itself) and the keys of rows that show it.
struct DiffCause
{
    QString cause; // time-zone shift, float noise, trailing whitespace, lost precision, collation
    QString column;
    QString rule; // the daybreakctl option that would absorb it
    qint64 rows = 0;
    QList<QStringList> examples;
};

struct AggregateCheck
{
    QString name; // rows, count(col), sum(col)
    QString onprem;
    QString cloud;
    bool equal = true;
};

// What one parity diff found, as `parity diff` prints it and the gate reads it.
struct DiffReport
{
    enum class Status
    {
        Clean,      // within tolerance
        Breach,     // beyond it
        BadMapping, // exit 2: a table, column, key, type pair or filter is wrong
        Unreachable // exit 6: a source could not be reached or was lost
    };
    Status status = Status::Clean;
    QString error; // BadMapping and Unreachable: one sentence naming what
    QString pipeline;
    QDate businessDate;
    QStringList keyColumns;
    QStringList comparedColumns;
    QString onpremEngine;
    QString cloudEngine;

    qint64 onpremRows = 0;
    qint64 cloudRows = 0;
    qint64 missingOnCloudCount = 0; // keys on-prem has and the cloud does not
    qint64 missingOnPremCount = 0;  // keys only the cloud has
    qint64 changedCount = 0;
    QList<QStringList> missingOnCloud; // the first `shown` of each kind
    QList<QStringList> missingOnPrem;
    QList<ChangedRow> changed;
    QMap<QString, qint64> changedByColumn;
    double maxRelDiff = 0.0; // the largest relative difference of a changed number
    QList<AggregateCheck> aggregates;
    QList<DiffCause> causes;

    qint64 queries = 0;
    qint64 bytesFetched = 0;
    qint64 segmentsCompared = 0;
    qint64 rowsFetched = 0;
    double seconds = 0.0;

    qint64 mismatchedRows() const
    {
        return missingOnCloudCount + missingOnPremCount + changedCount;
    }
    QJsonObject toJson() const;
    // The differing keys and values kept with a recorded night (for the console and the report).
    QJsonObject detail() const;
    static QString statusName(Status s);
};

} // namespace daybreak
