#include "ParityDiff.h"

#include "SideWorker.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <cmath>
#include <functional>
#include <map>
#include <stdexcept>

namespace daybreak {

namespace {

// How many segment sums a narrow pass over thousands of differing segments brings back per side
// (each is a row of the engine's answer and an entry in memory).
constexpr qint64 kNarrowSums = 65536;

// A bad mapping (exit 2), found before or while comparing.
class BadMapping : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

[[noreturn]] void refuse(const QString &message)
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

QString dateText(const QDate &d)
{
    return d.toString(Qt::ISODate);
}

// Waits for both sides, then rethrows the first failure: a job never outlives the data it uses.
template <typename T> std::pair<T, T> both(std::future<T> &a, std::future<T> &b)
{
    a.wait();
    b.wait();
    return {a.get(), b.get()};
}

QString tuple(const QStringList &parts)
{
    return parts.size() == 1
               ? parts.constFirst()
               : QLatin1Char('(') + parts.join(QStringLiteral(", ")) + QLatin1Char(')');
}

QString placeholders(int n)
{
    QStringList marks;
    for (int i = 0; i < n; ++i)
        marks << QStringLiteral("?");
    return tuple(marks);
}

// "(k) >= (?) AND (k) < (?)" for one range, its values appended to `params`.
QString rangeCondition(const Side &s, const KeyRange &r, QVariantList &params)
{
    QStringList parts;
    if (!r.lower.isEmpty()) {
        parts << QStringLiteral("%1 >= %2").arg(tuple(s.keyOrder), placeholders(r.lower.size()));
        params += r.lower;
    }
    if (!r.upper.isEmpty()) {
        parts << QStringLiteral("%1 < %2").arg(tuple(s.keyOrder), placeholders(r.upper.size()));
        params += r.upper;
    }
    return parts.isEmpty() ? QStringLiteral("1 = 1") : parts.join(QStringLiteral(" AND "));
}

QString rangesCondition(const Side &s, const QList<KeyRange> &ranges, QVariantList &params)
{
    if (ranges.isEmpty())
        return QStringLiteral("1 = 1");
    QStringList any;
    for (const KeyRange &r : ranges)
        any << QLatin1Char('(') + rangeCondition(s, r, params) + QLatin1Char(')');
    return QLatin1Char('(') + any.join(QStringLiteral(" OR ")) + QLatin1Char(')');
}

QVariantList filterParams(const Side &s, const QDate &date)
{
    QVariantList p;
    for (int i = 0; i < s.filterDateParams; ++i)
        p << dateText(date);
    return p;
}

// The 60-bit slice of a row's MD5 that PostgreSQL's and MariaDB's hashSum() add up.
quint64 rowHash(const QString &row)
{
    const QByteArray hex = QCryptographicHash::hash(row.toUtf8(), QCryptographicHash::Md5).toHex();
    return hex.mid(17, 15).toULongLong(nullptr, 16);
}

// Sums of 60-bit hashes outgrow 64 bits past 16 rows; GCC's 128-bit integer holds any table.
__extension__ typedef unsigned __int128 Wide;

QString decimal(Wide v)
{
    if (v == 0)
        return QStringLiteral("0");
    QString out;
    while (v > 0) {
        out.prepend(QLatin1Char(char('0' + int(v % 10))));
        v /= 10;
    }
    return out;
}

using Sums = std::map<qint64, SegmentSum>;

class Engine
{
public:
    Engine(const ParityMapping &m, const DiffOptions &o, DiffReport &r, Side &on, Side &cl,
           bool integerKey)
        : m_mapping(m), m_options(o), m_report(r), m_on(on), m_cloud(cl), m_integerKey(integerKey)
    {
    }

    void checkUniqueKeys();
    void compare();

private:
    // Checksums of the segments `bucket` assigns within `ranges`, on one side.
    Sums segmentSums(QSqlDatabase &db, const Side &s, const QString &bucket,
                     const QVariantList &bucketParams, const QList<KeyRange> &ranges,
                     bool withAggregates, QVariantList *aggregates);
    std::pair<Sums, Sums> sumsBoth(const QString &bucketOn, const QString &bucketCloud,
                                   const QVariantList &bucketParams, const QList<KeyRange> &ranges,
                                   bool withAggregates);
    void compareIntegerKey();
    void compareSampled(const KeyRange &range, qint64 rows, int depth);
    void fetchAndCompare(const QList<KeyRange> &ranges);
    void compareRows(const std::vector<QVariantList> &on, const std::vector<QVariantList> &cl);
    void recordAggregates(const QVariantList &on, const QVariantList &cl);

public:
    QList<ValueClass> classes; // of the compared columns, as the pair compares
private:
    const ParityMapping &m_mapping;
    const DiffOptions &m_options;
    DiffReport &m_report;
    Side &m_on;
    Side &m_cloud;
    bool m_integerKey = false;
    bool m_aggregatesDone = false;
    // Set while a round checksums only the segments it lists (compareIntegerKey).
    std::function<QString(const Side &)> m_within;
};

std::vector<QVariantList> runSelect(QSqlDatabase &db, const Side &s, const QString &sql,
                                    const QVariantList &params)
{
    qint64 bytes = 0;
    try {
        std::vector<QVariantList> rows = SideWorker::select(db, sql, params, &bytes);
        s.worker->count(1, bytes);
        return rows;
    } catch (const SourceUnreachable &e) {
        s.worker->count(1, bytes);
        throw SourceUnreachable(
            QStringLiteral("source %1 (%2) was lost in the middle of the "
                           "diff: %3")
                .arg(s.worker->source().name, s.label, QString::fromUtf8(e.what()).trimmed())
                .toStdString());
    }
}

void Engine::checkUniqueKeys()
{
    auto check = [this](const Side &s) {
        return s.worker->submit<QString>([this, &s](QSqlDatabase &db) {
            // A unique index on exactly the key says it already: no scan needed.
            QStringList wanted;
            for (const QString &k : m_mapping.key)
                wanted << k.toLower();
            wanted.sort();
            const TableRef &ref = &s == &m_on ? m_mapping.onprem : m_mapping.cloud;
            if (s.dialect().uniqueKeys(db, ref.schema, ref.table).contains(wanted))
                return QString();
            QVariantList params = filterParams(s, m_options.businessDate);
            const auto rows = runSelect(
                db, s,
                QStringLiteral("SELECT %1, COUNT(*) FROM %2 WHERE %3 GROUP BY %1 HAVING COUNT(*) "
                               "> 1 LIMIT 1")
                    .arg(s.keyCanon.join(QStringLiteral(", ")), s.table, s.filter),
                params);
            if (rows.empty())
                return QString();
            QStringList key;
            for (int i = 0; i < s.keyCanon.size(); ++i)
                key << rows.front().value(i).toString();
            return QStringLiteral("the key (%1) is not unique %2 in %3: (%4) appears %5 times")
                .arg(m_mapping.key.join(QStringLiteral(", ")),
                     s.label == QLatin1String("onprem") ? QStringLiteral("on-prem")
                                                        : QStringLiteral("in the cloud"),
                     s.tableName, key.join(QStringLiteral(", ")),
                     rows.front().value(s.keyCanon.size()).toString());
        });
    };
    std::future<QString> a = check(m_on);
    std::future<QString> b = check(m_cloud);
    const auto [on, cl] = both(a, b);
    QStringList problems;
    for (const QString &p : {on, cl})
        if (!p.isEmpty())
            problems << p;
    if (!problems.isEmpty())
        refuse(problems.join(QStringLiteral("; ")));
}

Sums Engine::segmentSums(QSqlDatabase &db, const Side &s, const QString &bucket,
                         const QVariantList &bucketParams, const QList<KeyRange> &ranges,
                         bool withAggregates, QVariantList *aggregates)
{
    QVariantList params = bucketParams;
    params += filterParams(s, m_options.businessDate);
    QString where = s.filter + QStringLiteral(" AND ") + rangesCondition(s, ranges, params);
    if (m_within)
        where += QStringLiteral(" AND ") + m_within(s);
    Sums sums;
    if (s.dialect().hashesInDatabase()) {
        QStringList select{bucket, QStringLiteral("COUNT(*)"), s.dialect().hashSum(s.rowString)};
        if (withAggregates)
            select += s.aggregateExprs;
        const auto rows = runSelect(db, s,
                                    QStringLiteral("SELECT %1 FROM %2 WHERE %3 GROUP BY 1")
                                        .arg(select.join(QStringLiteral(", ")), s.table, where),
                                    params);
        QList<double> totals(s.aggregateExprs.size(), 0.0);
        for (const QVariantList &r : rows) {
            sums[r.value(0).toLongLong()] = {r.value(1).toLongLong(), r.value(2).toString()};
            if (withAggregates)
                for (int i = 0; i < totals.size(); ++i)
                    totals[i] += r.value(3 + i).toDouble();
        }
        if (withAggregates && aggregates)
            for (double t : totals)
                aggregates->append(t);
        return sums;
    }
    // SQLite: the same row strings, hashed here as they are read.
    const auto rows = runSelect(
        db, s,
        QStringLiteral("SELECT %1, %2 FROM %3 WHERE %4").arg(bucket, s.rowString, s.table, where),
        params);
    std::map<qint64, std::pair<qint64, Wide>> acc;
    for (const QVariantList &r : rows) {
        auto &slot = acc[r.value(0).toLongLong()];
        ++slot.first;
        slot.second += rowHash(r.value(1).toString());
    }
    for (const auto &[b, v] : acc)
        sums[b] = {v.first, decimal(v.second)};
    if (withAggregates && aggregates) {
        QVariantList p = filterParams(s, m_options.businessDate);
        const auto totals =
            runSelect(db, s,
                      QStringLiteral("SELECT %1 FROM %2 WHERE %3")
                          .arg(s.aggregateExprs.join(QStringLiteral(", ")), s.table, s.filter),
                      p);
        for (const QVariant &v : totals.front())
            aggregates->append(v.toDouble());
    }
    return sums;
}

std::pair<Sums, Sums> Engine::sumsBoth(const QString &bucketOn, const QString &bucketCloud,
                                       const QVariantList &bucketParams,
                                       const QList<KeyRange> &ranges, bool withAggregates)
{
    QVariantList aggOn, aggCloud;
    std::future<Sums> a = m_on.worker->submit<Sums>([&](QSqlDatabase &db) {
        return segmentSums(db, m_on, bucketOn, bucketParams, ranges, withAggregates, &aggOn);
    });
    std::future<Sums> b = m_cloud.worker->submit<Sums>([&](QSqlDatabase &db) {
        return segmentSums(db, m_cloud, bucketCloud, bucketParams, ranges, withAggregates,
                           &aggCloud);
    });
    auto result = both(a, b);
    if (withAggregates)
        recordAggregates(aggOn, aggCloud);
    return result;
}

void Engine::recordAggregates(const QVariantList &on, const QVariantList &cl)
{
    if (m_aggregatesDone)
        return;
    m_aggregatesDone = true;
    int i = 0;
    for (const QString &column : m_report.comparedColumns) {
        for (const QString &what : {QStringLiteral("count"), QStringLiteral("sum")}) {
            if (what == QLatin1String("sum") &&
                !m_on.aggregateExprs.value(i).startsWith(QLatin1String("SUM(")))
                continue;
            const double a = on.value(i).toDouble();
            const double b = cl.value(i).toDouble();
            const double scale = std::max({std::fabs(a), std::fabs(b), 1.0});
            m_report.aggregates.append({QStringLiteral("%1(%2)").arg(what, column),
                                        QString::number(a, 'g', 15), QString::number(b, 'g', 15),
                                        std::fabs(a - b) <= 1e-9 * scale});
            ++i;
        }
    }
}

void Engine::compare()
{
    if (m_options.floorOnly) {
        auto [on, cl] = sumsBoth(QStringLiteral("0"), QStringLiteral("0"), {}, {}, false);
        for (const auto &[bucket, sum] : on)
            m_report.onpremRows += sum.rows;
        for (const auto &[bucket, sum] : cl)
            m_report.cloudRows += sum.rows;
        m_report.segmentsCompared = 1;
        m_aggregatesDone = true;
        return;
    }
    if (m_integerKey)
        compareIntegerKey();
    else
        compareSampled({}, -1, 0);
}

// A single integer key: segments are key / width, computed by the engine for any number of
// them, and bisected by narrowing the width.
void Engine::compareIntegerKey()
{
    auto bounds = [this](const Side &s) {
        return s.worker->submit<QVariantList>([this, &s](QSqlDatabase &db) {
            QVariantList p = filterParams(s, m_options.businessDate);
            const auto rows = runSelect(db, s,
                                        QStringLiteral("SELECT MIN(%1), MAX(%1) FROM %2 WHERE %3")
                                            .arg(s.keyOrder.constFirst(), s.table, s.filter),
                                        p);
            return rows.front();
        });
    };
    std::future<QVariantList> a = bounds(m_on);
    std::future<QVariantList> b = bounds(m_cloud);
    const auto [on, cl] = both(a, b);
    QList<qint64> lows, highs;
    for (const QVariantList &r : {on, cl})
        if (!r.value(0).isNull()) {
            lows << r.value(0).toLongLong();
            highs << r.value(1).toLongLong();
        }
    if (lows.isEmpty()) { // both sides empty tonight
        recordAggregates({}, {});
        return;
    }
    const qint64 lo = *std::min_element(lows.begin(), lows.end());
    const qint64 hi = *std::max_element(highs.begin(), highs.end());
    const double span = double(hi) - double(lo) + 1.0;
    // Segment widths are powers of two, so every child segment lies inside one parent: a row is
    // never in two segments of different rounds (nor fetched twice).
    qint64 width = 1;
    while (double(width) * m_options.topSegments < span)
        width *= 2;
    int fanout = 1;
    while (fanout * 2 <= std::max(2, m_options.fanout))
        fanout *= 2;
    QList<KeyRange> ranges; // empty: the whole table (or the buckets `within` names)
    bool first = true;
    for (;;) {
        auto bucketOf = [&](const Side &s) {
            return s.dialect().integerDivision(
                QStringLiteral("%1 - (%2)").arg(s.keyOrder.constFirst()).arg(lo),
                QString::number(width));
        };
        auto [sumsOn, sumsCloud] = sumsBoth(bucketOf(m_on), bucketOf(m_cloud), {}, ranges, first);
        if (first) {
            for (const auto &[bucket, sum] : sumsOn)
                m_report.onpremRows += sum.rows;
            for (const auto &[bucket, sum] : sumsCloud)
                m_report.cloudRows += sum.rows;
        }
        first = false;
        QSet<qint64> buckets;
        for (const auto &[bucket, sum] : sumsOn)
            buckets.insert(bucket);
        for (const auto &[bucket, sum] : sumsCloud)
            buckets.insert(bucket);
        QList<qint64> differing; // the buckets of `deeper`
        QList<KeyRange> leaves;
        QList<KeyRange> deeper;
        qint64 leafRows = 0;
        qint64 deeperRows = 0;
        QList<qint64> sorted(buckets.begin(), buckets.end());
        std::sort(sorted.begin(), sorted.end());
        for (qint64 bucket : sorted) {
            ++m_report.segmentsCompared;
            const SegmentSum x = sumsOn.count(bucket) ? sumsOn[bucket] : SegmentSum{};
            const SegmentSum y = sumsCloud.count(bucket) ? sumsCloud[bucket] : SegmentSum{};
            if (x.rows == y.rows && x.hash == y.hash)
                continue;
            const KeyRange r{{QVariant(lo + bucket * width)},
                             {QVariant(lo + (bucket + 1) * width)}};
            const qint64 rows = std::max(x.rows, y.rows);
            if (width == 1 || rows <= m_options.leafRows) {
                leaves << r;
                leafRows += rows;
            } else {
                deeper << r;
                differing << bucket;
                deeperRows += rows;
            }
        }
        // Many small differing segments: one more narrow checksum pass over just them costs far
        // less than fetching them whole.
        if (leafRows > m_options.fetchAtMost && width > 1) {
            for (qsizetype i = 0; i < leaves.size(); ++i)
                differing << (leaves[i].lower.constFirst().toLongLong() - lo) / width;
            deeper += leaves;
            deeperRows += leafRows;
            leaves.clear();
        }
        const double tableRows = double(std::max(m_report.onpremRows, m_report.cloudRows));
        const bool mostOfTheTable = double(deeperRows) >= tableRows / 4;
        qint64 next = std::max<qint64>(1, width / fanout);
        const bool wholeTable =
            !deeper.isEmpty() && ((deeper.size() > m_options.manyRanges && mostOfTheTable) ||
                                  (mostOfTheTable && width > next));
        // A whole-table pass finds these leaves again, narrower: fetched then, never twice.
        if (!wholeTable)
            for (qsizetype i = 0; i < leaves.size(); i += 200)
                fetchAndCompare(leaves.mid(i, 200));
        if (deeper.isEmpty())
            return;
        ranges = deeper;
        m_within = {};
        if (ranges.size() > m_options.manyRanges && !mostOfTheTable) {
            // Thousands of differing segments, a small part of the table: one pass whose filter
            // (the segment's number, in a list) is cheap, hashing only the rows inside them.
            ranges.clear();
            QStringList ids;
            for (qint64 b : std::as_const(differing))
                ids << QString::number(b);
            const QString list = ids.join(QLatin1Char(','));
            const qint64 parentWidth = width;
            // Memory: each differing segment comes back as `parts` sums; keep that near 64k a
            // side (a narrower split costs one more narrow pass, never a full fetch).
            qint64 parts = std::max<qint64>(1, width / next);
            while (parts > 2 && qint64(differing.size()) * parts > kNarrowSums)
                parts /= 2;
            next = std::max<qint64>(1, width / parts);
            m_within = [list, parentWidth, lo](const Side &side) {
                return QStringLiteral("%1 IN (%2)")
                    .arg(side.dialect().integerDivision(
                             QStringLiteral("%1 - (%2)").arg(side.keyOrder.constFirst()).arg(lo),
                             QString::number(parentWidth)),
                         list);
            };
        } else if (wholeTable) {
            // Most of the table differs (differences scattered everywhere, or thousands of
            // segments): one scan of it all (equal segments cost a checksum, never a fetch) is
            // cheaper than bisecting level by level, and it goes straight down to segments
            // small enough to fetch, so the table is scanned once more, not once per level.
            ranges.clear();
            const double density = double(std::max(m_report.onpremRows, m_report.cloudRows)) / span;
            qint64 leafWidth = 1;
            while (double(leafWidth) * 2 * density <= m_options.leafRows / 4.0 &&
                   leafWidth * 2 <= next)
                leafWidth *= 2;
            next = leafWidth;
            while (span / double(next) > 2.5e5) // memory: at most 250,000 sums come back
                next *= 2;
        }
        width = next;
    }
}

// Any other key: segment bounds sampled from the on-prem side in key order, bisected by sampling
// again inside each differing segment.
void Engine::compareSampled(const KeyRange &range, qint64 rows, int depth)
{
    const bool top = depth == 0;
    // how many rows the range holds on-prem, for the sampling step
    if (rows < 0) {
        auto counter = [this, &range](const Side &s) {
            return s.worker->submit<qint64>([this, &s, &range](QSqlDatabase &db) {
                QVariantList p = filterParams(s, m_options.businessDate);
                const QString where =
                    s.filter + QStringLiteral(" AND ") + rangeCondition(s, range, p);
                return runSelect(
                           db, s,
                           QStringLiteral("SELECT COUNT(*) FROM %1 WHERE %2").arg(s.table, where),
                           p)
                    .front()
                    .value(0)
                    .toLongLong();
            });
        };
        std::future<qint64> a = counter(m_on);
        std::future<qint64> b = counter(m_cloud);
        const auto [on, cl] = both(a, b);
        rows = std::max(on, cl);
    }
    if (!top && rows <= m_options.leafRows) {
        fetchAndCompare({range});
        return;
    }
    const int parts = top ? m_options.topSegments : m_options.fanout;
    const qint64 step = std::max<qint64>(1, (rows + parts - 1) / parts);
    std::future<std::vector<QVariantList>> sample =
        m_on.worker->submit<std::vector<QVariantList>>([this, &range, step](QSqlDatabase &db) {
            const Side &s = m_on;
            QVariantList p = filterParams(s, m_options.businessDate);
            const QString where = s.filter + QStringLiteral(" AND ") + rangeCondition(s, range, p);
            p << step;
            QStringList aliased;
            QStringList names;
            for (int i = 0; i < s.keyRaw.size(); ++i) {
                aliased << QStringLiteral("%1 AS k%2").arg(s.keyRaw[i]).arg(i);
                names << QStringLiteral("k%1").arg(i);
            }
            return runSelect(db, s,
                             QStringLiteral("SELECT %1 FROM (SELECT %2, ROW_NUMBER() OVER (ORDER "
                                            "BY %3) AS rn FROM %4 WHERE %5) s WHERE rn % ? = 0 "
                                            "ORDER BY rn")
                                 .arg(names.join(QStringLiteral(", ")),
                                      aliased.join(QStringLiteral(", ")),
                                      m_on.keyOrder.join(QStringLiteral(", ")), s.table, where),
                             p);
        });
    sample.wait();
    const std::vector<QVariantList> bounds = sample.get();
    // segment i is [bound i-1, bound i); the CASE assigns it inside the engine
    auto bucketOf = [&](const Side &s, QVariantList &params) {
        if (bounds.empty())
            return QStringLiteral("0");
        QStringList whens;
        for (size_t i = 0; i < bounds.size(); ++i) {
            whens << QStringLiteral("WHEN %1 < %2 THEN %3")
                         .arg(tuple(s.keyOrder), placeholders(int(bounds[i].size())))
                         .arg(i);
            params += bounds[i];
        }
        return QStringLiteral("CASE %1 ELSE %2 END")
            .arg(whens.join(QLatin1Char(' ')))
            .arg(bounds.size());
    };
    QVariantList bucketParams;
    const QString bucketOn = bucketOf(m_on, bucketParams);
    QVariantList ignored;
    const QString bucketCloud = bucketOf(m_cloud, ignored);
    auto [sumsOn, sumsCloud] =
        sumsBoth(bucketOn, bucketCloud, bucketParams, top ? QList<KeyRange>{} : QList{range}, top);
    if (top) {
        for (const auto &[bucket, sum] : sumsOn)
            m_report.onpremRows += sum.rows;
        for (const auto &[bucket, sum] : sumsCloud)
            m_report.cloudRows += sum.rows;
    }
    QList<KeyRange> leaves;
    for (qint64 bucket = 0; bucket <= qint64(bounds.size()); ++bucket) {
        const SegmentSum x = sumsOn.count(bucket) ? sumsOn[bucket] : SegmentSum{};
        const SegmentSum y = sumsCloud.count(bucket) ? sumsCloud[bucket] : SegmentSum{};
        if (x.rows == 0 && y.rows == 0)
            continue;
        ++m_report.segmentsCompared;
        if (x.rows == y.rows && x.hash == y.hash)
            continue;
        KeyRange r;
        r.lower = bucket == 0 ? range.lower : bounds[size_t(bucket - 1)];
        r.upper = bucket == qint64(bounds.size()) ? range.upper : bounds[size_t(bucket)];
        const qint64 n = std::max(x.rows, y.rows);
        // a segment that did not shrink (many equal keys cannot: the key is unique) is fetched
        if (n <= m_options.leafRows || n >= rows || depth > 12)
            leaves << r;
        else
            compareSampled(r, n, depth + 1);
    }
    for (qsizetype i = 0; i < leaves.size(); i += 200)
        fetchAndCompare(leaves.mid(i, 200));
}

void Engine::fetchAndCompare(const QList<KeyRange> &ranges)
{
    auto fetch = [this, &ranges](const Side &s) {
        return s.worker->submit<std::vector<QVariantList>>([this, &s, &ranges](QSqlDatabase &db) {
            QVariantList p = filterParams(s, m_options.businessDate);
            const QString where =
                s.filter + QStringLiteral(" AND ") + rangesCondition(s, ranges, p);
            return runSelect(db, s,
                             QStringLiteral("SELECT %1, %2 FROM %3 WHERE %4")
                                 .arg(s.keyCanon.join(QStringLiteral(", ")),
                                      s.columnCanon.isEmpty()
                                          ? QStringLiteral("1")
                                          : s.columnCanon.join(QStringLiteral(", ")),
                                      s.table, where),
                             p);
        });
    };
    std::future<std::vector<QVariantList>> a = fetch(m_on);
    std::future<std::vector<QVariantList>> b = fetch(m_cloud);
    const auto [on, cl] = both(a, b);
    m_report.rowsFetched += qint64(on.size() + cl.size());
    compareRows(on, cl);
}

QString shown(const QVariant &v)
{
    return v.isNull() ? QStringLiteral("NULL") : v.toString();
}

bool withinTolerance(const QVariant &a, const QVariant &b, const Tolerance *t, ValueClass cls,
                     double *relative)
{
    *relative = -1;
    if (a.isNull() || b.isNull())
        return false;
    if (cls != ValueClass::Integer && cls != ValueClass::Decimal && cls != ValueClass::Float)
        return false;
    bool okA = false, okB = false;
    const double x = a.toString().toDouble(&okA);
    const double y = b.toString().toDouble(&okB);
    if (!okA || !okB)
        return false;
    const double scale = std::max(std::fabs(x), std::fabs(y));
    *relative = scale > 0 ? std::fabs(x - y) / scale : 0.0;
    if (!t)
        return false;
    if (t->kind == Tolerance::Kind::Absolute)
        return std::fabs(x - y) <= t->value;
    if (t->kind == Tolerance::Kind::Relative)
        return *relative <= t->value;
    return false;
}

void Engine::compareRows(const std::vector<QVariantList> &on, const std::vector<QVariantList> &cl)
{
    const int keys = m_on.keyCanon.size();
    auto keyOf = [keys](const QVariantList &row) {
        QStringList k;
        for (int i = 0; i < keys; ++i)
            k << shown(row.value(i));
        return k;
    };
    QHash<QString, const QVariantList *> cloudByKey;
    for (const QVariantList &row : cl)
        cloudByKey.insert(keyOf(row).join(QChar(0x1f)), &row);
    QSet<QString> seen;
    for (const QVariantList &row : on) {
        const QStringList key = keyOf(row);
        const QString joined = key.join(QChar(0x1f));
        seen.insert(joined);
        const QVariantList *other = cloudByKey.value(joined);
        if (!other) {
            if (m_report.missingOnCloud.size() < m_options.shown)
                m_report.missingOnCloud << key;
            ++m_report.missingOnCloudCount;
            continue;
        }
        ChangedRow changed{key, {}};
        for (int c = 0; c < m_report.comparedColumns.size(); ++c) {
            const QVariant a = row.value(keys + c);
            const QVariant b = other->value(keys + c);
            if (a.isNull() == b.isNull() && (a.isNull() || a.toString() == b.toString()))
                continue;
            const QString &column = m_report.comparedColumns[c];
            const auto t = m_mapping.tolerances.constFind(column);
            double relative = -1;
            if (withinTolerance(a, b, t == m_mapping.tolerances.cend() ? nullptr : &t.value(),
                                classes.value(c), &relative))
                continue;
            if (relative >= 0)
                m_report.maxRelDiff = std::max(m_report.maxRelDiff, relative);
            changed.values.append({column, shown(a), shown(b)});
            ++m_report.changedByColumn[column];
        }
        if (!changed.values.isEmpty()) {
            ++m_report.changedCount;
            if (m_report.changed.size() < m_options.shown)
                m_report.changed << changed;
        }
    }
    for (const QVariantList &row : cl) {
        const QStringList key = keyOf(row);
        if (seen.contains(key.join(QChar(0x1f))))
            continue;
        if (m_report.missingOnPrem.size() < m_options.shown)
            m_report.missingOnPrem << key;
        ++m_report.missingOnPremCount;
    }
}

// The filter with :date as a placeholder (the business date is bound, never pasted).
QString boundFilter(const QString &where, int *dateParams)
{
    static const QRegularExpression date(QStringLiteral(":date\\b"));
    QString out = where;
    *dateParams = int(where.count(date));
    out.replace(date, QStringLiteral("?"));
    return out.trimmed().isEmpty() ? QStringLiteral("1 = 1") : QStringLiteral("(%1)").arg(out);
}

QString sideName(const QString &label)
{
    return label == QLatin1String("onprem") ? QStringLiteral("on-prem") : QStringLiteral("cloud");
}

} // namespace

ParityDiff::ParityDiff(ParityMapping mapping, ParitySource onprem, ParitySource cloud,
                       DiffOptions options)
    : m_mapping(std::move(mapping)), m_onprem(std::move(onprem)), m_cloud(std::move(cloud)),
      m_options(std::move(options))
{
}

DiffReport ParityDiff::run()
{
    QElapsedTimer timer;
    timer.start();
    DiffReport report;
    report.pipeline = m_mapping.pipeline;
    report.businessDate = m_options.businessDate;
    report.keyColumns = m_mapping.key;
    SideWorker onWorker(m_onprem, QStringLiteral("onprem"));
    SideWorker cloudWorker(m_cloud, QStringLiteral("cloud"));
    Side on;
    Side cloud;
    on.worker = &onWorker;
    on.label = QStringLiteral("onprem");
    on.tableName = m_mapping.onprem.toString();
    cloud.worker = &cloudWorker;
    cloud.label = QStringLiteral("cloud");
    cloud.tableName = m_mapping.cloud.toString();
    try {
        // both connections at once
        std::exception_ptr failure;
        std::thread other([&] {
            try {
                cloudWorker.open();
            } catch (...) {
                failure = std::current_exception();
            }
        });
        try {
            onWorker.open();
        } catch (...) {
            other.join();
            throw;
        }
        other.join();
        if (failure)
            std::rethrow_exception(failure);
        report.onpremEngine = onWorker.dialect().name();
        report.cloudEngine = cloudWorker.dialect().name();

        // the tables' columns, inside each side's snapshot
        auto describe = [&](Side &s, const TableRef &ref) {
            return s.worker->submit<std::optional<QList<ColumnShape>>>(
                [&s, ref](QSqlDatabase &db) -> std::optional<QList<ColumnShape>> {
                    for (const QString &statement : s.dialect().snapshotStatements()) {
                        QSqlQuery q(db);
                        if (!q.exec(statement))
                            throw SourceUnreachable(q.lastError().text().toStdString());
                    }
                    QString error;
                    auto shape = s.dialect().describe(db, ref.schema, ref.table, &error);
                    if (!shape && !error.isEmpty())
                        throw std::runtime_error(error.toStdString());
                    return shape;
                });
        };
        auto fa = describe(on, m_mapping.onprem);
        auto fb = describe(cloud, m_mapping.cloud);
        const auto [onShape, cloudShape] = both(fa, fb);
        QStringList problems;
        if (!onShape)
            problems << QStringLiteral("table %1 not found on-prem").arg(on.tableName);
        if (!cloudShape)
            problems << QStringLiteral("table %1 not found in the cloud").arg(cloud.tableName);
        if (!problems.isEmpty())
            refuse(problems.join(QStringLiteral("; ")));
        auto find = [](const QList<ColumnShape> &shape,
                       const QString &name) -> const ColumnShape * {
            for (const ColumnShape &c : shape)
                if (c.name.compare(name, Qt::CaseInsensitive) == 0)
                    return &c;
            return nullptr;
        };
        QStringList compared = m_mapping.columns;
        if (compared.isEmpty())
            for (const ColumnShape &c : *onShape)
                if (!m_mapping.key.contains(c.name, Qt::CaseInsensitive) &&
                    !m_mapping.exclude.contains(c.name, Qt::CaseInsensitive))
                    compared << c.name;
        for (const QString &name : m_mapping.key + compared + m_mapping.exclude +
                                       m_mapping.tolerances.keys() + m_mapping.normalise.keys()) {
            if (!find(*onShape, name))
                problems
                    << QStringLiteral("column %1 is not in %2 (on-prem)").arg(name, on.tableName);
            if (!find(*cloudShape, name))
                problems
                    << QStringLiteral("column %1 is not in %2 (cloud)").arg(name, cloud.tableName);
        }
        problems.removeDuplicates();
        if (!problems.isEmpty())
            refuse(problems.join(QStringLiteral("; ")));
        report.comparedColumns = compared;

        auto formOf = [&](const QString &name, QString *why) -> std::optional<CanonicalForm> {
            const ColumnShape *x = find(*onShape, name);
            const ColumnShape *y = find(*cloudShape, name);
            const std::optional<ValueClass> cls = comparableClass(x->cls, y->cls);
            if (!cls) {
                *why = QStringLiteral("column %1 cannot be compared: %2 (%3) on-prem, %4 (%5) in "
                                      "the cloud")
                           .arg(name, x->nativeType, valueClassName(x->cls), y->nativeType,
                                valueClassName(y->cls));
                return std::nullopt;
            }
            CanonicalForm f;
            f.cls = *cls;
            if (f.cls == ValueClass::Decimal || f.cls == ValueClass::Float) {
                const int scale = std::max(x->cls == ValueClass::Decimal ? x->scale : -1,
                                           y->cls == ValueClass::Decimal ? y->scale : -1);
                f.scale = scale >= 0 ? scale : 6;
                if (x->cls == ValueClass::Integer && y->cls == ValueClass::Integer)
                    f.scale = 0;
            }
            const auto t = m_mapping.tolerances.constFind(name);
            if (t != m_mapping.tolerances.cend() && t->kind == Tolerance::Kind::Precision)
                f.timestampChars = t->precision == QLatin1String("s")    ? 19
                                   : t->precision == QLatin1String("ms") ? 23
                                                                         : 26;
            f.normalise = m_mapping.normalise.value(name);
            return f;
        };
        Engine engine(m_mapping, m_options, report, on, cloud, false);
        bool integerKey = m_mapping.key.size() == 1;
        for (Side *s : {&on, &cloud}) {
            const QList<ColumnShape> &shape = s == &on ? *onShape : *cloudShape;
            s->table = s == &on
                           ? s->dialect().table(m_mapping.onprem.schema, m_mapping.onprem.table)
                           : s->dialect().table(m_mapping.cloud.schema, m_mapping.cloud.table);
            s->filter = boundFilter(m_mapping.where, &s->filterDateParams);
            QStringList canonAll;
            for (const QString &k : m_mapping.key) {
                QString why;
                std::optional<CanonicalForm> f = formOf(k, &why);
                if (!f)
                    refuse(why);
                if (f->cls != ValueClass::Integer && f->cls != ValueClass::Text &&
                    f->cls != ValueClass::Date)
                    refuse(
                        QStringLiteral("key column %1 is %2; a key is an integer, text or a date")
                            .arg(k, valueClassName(f->cls)));
                if (f->cls != ValueClass::Integer || find(shape, k)->cls != ValueClass::Integer)
                    integerKey = false;
                const QString column = find(shape, k)->name;
                f->nativeBoolean = find(shape, k)->cls == ValueClass::Boolean;
                s->keyOrder << s->dialect().keyOrder(column, f->cls);
                s->keyRaw << (f->cls == ValueClass::Date ? s->dialect().canonical(column, *f)
                                                         : s->dialect().quote(column));
                s->keyCanon << s->dialect().canonical(column, *f);
            }
            canonAll = s->keyCanon;
            for (const QString &c : compared) {
                QString why;
                std::optional<CanonicalForm> f = formOf(c, &why);
                if (!f)
                    refuse(why);
                const ColumnShape *own = find(shape, c);
                f->nativeBoolean = own->cls == ValueClass::Boolean;
                const QString expr = s->dialect().canonical(own->name, *f);
                s->columnCanon << expr;
                canonAll << expr;
                s->aggregateExprs << QStringLiteral("COUNT(%1)").arg(s->dialect().quote(own->name));
                // Summed only where both sides hold numbers (a boolean paired with an integer
                // is compared, not summed), so both sides' aggregate lists stay aligned.
                auto numeric = [](ValueClass v) {
                    return v == ValueClass::Integer || v == ValueClass::Decimal ||
                           v == ValueClass::Float;
                };
                if (numeric(find(*onShape, c)->cls) && numeric(find(*cloudShape, c)->cls)) {
                    const QString dbl = s->dialect().kind() == SqlDialect::Kind::PostgreSQL
                                            ? QStringLiteral("DOUBLE PRECISION")
                                        : s->dialect().kind() == SqlDialect::Kind::MySQL
                                            ? QStringLiteral("DOUBLE")
                                            : QStringLiteral("REAL");
                    s->aggregateExprs << QStringLiteral("SUM(CAST(%1 AS %2))")
                                             .arg(s->dialect().quote(own->name), dbl);
                }
                if (s == &on)
                    engine.classes << f->cls;
            }
            s->rowString = s->dialect().rowString(canonAll);
        }
        if (on.aggregateExprs.isEmpty())
            on.aggregateExprs << QStringLiteral("COUNT(*)");
        if (cloud.aggregateExprs.isEmpty())
            cloud.aggregateExprs << QStringLiteral("COUNT(*)");

        // the filter, checked on both sides before anything is read
        auto checkFilter = [&](Side &s) {
            return s.worker->submit<QString>([&](QSqlDatabase &db) {
                QVariantList p = filterParams(s, m_options.businessDate);
                try {
                    runSelect(db, s,
                              QStringLiteral("SELECT 1 FROM %1 WHERE %2 AND 1 = 0")
                                  .arg(s.table, s.filter),
                              p);
                } catch (const SourceUnreachable &) {
                    throw;
                } catch (const std::exception &e) {
                    return QStringLiteral("the filter '%1' is refused %2: %3")
                        .arg(m_mapping.where,
                             sideName(s.label) == QLatin1String("on-prem")
                                 ? QStringLiteral("on-prem")
                                 : QStringLiteral("in the cloud"),
                             QString::fromStdString(e.what()).trimmed());
                }
                return QString();
            });
        };
        auto ca = checkFilter(on);
        auto cb = checkFilter(cloud);
        const auto [filterOn, filterCloud] = both(ca, cb);
        if (!filterOn.isEmpty() || !filterCloud.isEmpty())
            refuse(QStringList{filterOn, filterCloud}
                       .filter(QRegularExpression(QStringLiteral(".")))
                       .join(QStringLiteral("; ")));

        Engine run(m_mapping, m_options, report, on, cloud, integerKey);
        run.classes = engine.classes;
        if (!m_options.floorOnly)
            run.checkUniqueKeys();
        run.compare();
        report.causes = classifyDifferences(report.changed, 5);
        report.status = report.mismatchedRows() == 0 && report.onpremRows == report.cloudRows
                            ? DiffReport::Status::Clean
                            : DiffReport::Status::Breach;
    } catch (const SourceUnreachable &e) {
        report.status = DiffReport::Status::Unreachable;
        report.error = QString::fromStdString(e.what());
        if (!report.error.contains(QLatin1String("source ")))
            report.error =
                QStringLiteral("a source was lost in the middle of the diff (%1 or %2): %3")
                    .arg(m_onprem.name, m_cloud.name, report.error);
    } catch (const BadMapping &e) {
        report.status = DiffReport::Status::BadMapping;
        report.error = QString::fromStdString(e.what());
    } catch (const std::invalid_argument &e) {
        report.status = DiffReport::Status::BadMapping;
        report.error = QString::fromStdString(e.what());
    } catch (const std::runtime_error &e) {
        report.status = DiffReport::Status::BadMapping;
        report.error =
            QStringLiteral("a query was refused: %1").arg(QString::fromStdString(e.what()));
    }
    report.queries = onWorker.queries() + cloudWorker.queries();
    report.bytesFetched = onWorker.bytes() + cloudWorker.bytes();
    report.seconds = timer.nsecsElapsed() / 1e9;
    return report;
}

} // namespace daybreak
