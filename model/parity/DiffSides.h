#pragma once

// The parts of a diff that both its planning (ParityDiff.cpp) and its comparing (DiffEngine.cpp)
// use: each side's plan, key ranges and the SQL that selects them. Internal to the parity room.

#include "SideWorker.h"

#include <QDate>
#include <QStringList>
#include <QVariantList>

#include <future>
#include <stdexcept>
#include <vector>

namespace daybreak::diff {

// A bad mapping (exit 2), found before or while comparing.
class BadMapping : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

[[noreturn]] inline void refuse(const QString &message)
{
    throw BadMapping(message.toStdString());
}

// A key range [lower, upper); an empty bound is open.
struct KeyRange
{
    QVariantList lower;
    QVariantList upper;
};

// One segment's count and checksum on one side.
struct SegmentSum
{
    qint64 rows = 0;
    QString hash;
};

// One side's part of the plan: its table, filter and canonical expressions.
struct Side
{
    SideWorker *worker = nullptr;
    QString label; // onprem / cloud
    QString tableName;
    QString table;
    QString filter; // "TRUE"-like when none
    int filterDateParams = 0;
    QStringList keyOrder;
    QStringList keyRaw; // key values as bound into range conditions
    QStringList keyCanon;
    QStringList columnCanon;
    QString rowString;
    QStringList aggregateExprs;
    const SqlDialect &dialect() const { return worker->dialect(); }
};

// Waits for both sides, then rethrows the first failure: a job never outlives the data it uses.
template <typename T> std::pair<T, T> both(std::future<T> &a, std::future<T> &b)
{
    a.wait();
    b.wait();
    return {a.get(), b.get()};
}

QString dateText(const QDate &d);
// "a" or "(a, b)".
QString tuple(const QStringList &parts);
QString placeholders(int n);
// "(k) >= (?) AND (k) < (?)" for one range, its values appended to `params`.
QString rangeCondition(const Side &s, const KeyRange &r, QVariantList &params);
QString rangesCondition(const Side &s, const QList<KeyRange> &ranges, QVariantList &params);
// The business date, once for each :date of the side's filter.
QVariantList filterParams(const Side &s, const QDate &date);
// Runs `sql` on the side's connection, counting it; a lost source says which side it was.
std::vector<QVariantList> runSelect(QSqlDatabase &db, const Side &s, const QString &sql,
                                    const QVariantList &params);
// The filter with :date as a placeholder (the business date is bound, never pasted).
QString boundFilter(const QString &where, int *dateParams);
// "on-prem" or "in the cloud", for a side's label, as a refusal says where.
QString whereSide(const QString &label);

} // namespace daybreak::diff
