#include "DiffEngine.h"

#include <QCryptographicHash>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace daybreak::diff {

namespace {

// How many segment sums a narrow pass over thousands of differing segments brings back per side
// (each is a row of the engine's answer and an entry in memory).
constexpr qint64 kNarrowSums = 65536;

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

} // namespace

void DiffEngine::checkUniqueKeys()
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
                .arg(m_mapping.key.join(QStringLiteral(", ")), whereSide(s.label), s.tableName,
                     key.join(QStringLiteral(", ")),
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

Sums DiffEngine::segmentSums(QSqlDatabase &db, const Side &s, const QString &bucket,
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

std::pair<Sums, Sums> DiffEngine::sumsBoth(const QString &bucketOn, const QString &bucketCloud,
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

void DiffEngine::recordAggregates(const QVariantList &on, const QVariantList &cl)
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

void DiffEngine::compare()
{
    if (m_options.floorOnly) {
        auto [on, cl] = sumsBoth(QStringLiteral("0"), QStringLiteral("0"), {}, {}, false);
        countRows(on, cl);
        m_report.segmentsCompared = 1;
        m_aggregatesDone = true;
        return;
    }
    if (m_integerKey)
        compareIntegerKey();
    else
        compareSampled({}, -1, 0);
}

void DiffEngine::countRows(const Sums &on, const Sums &cloud)
{
    for (const auto &[segment, sum] : on)
        m_report.onpremRows += sum.rows;
    for (const auto &[segment, sum] : cloud)
        m_report.cloudRows += sum.rows;
}

void DiffEngine::fetchInBatches(const QList<KeyRange> &leaves)
{
    for (qsizetype i = 0; i < leaves.size(); i += 200)
        fetchAndCompare(leaves.mid(i, 200));
}

// A single integer key: segments are key / width, computed by the engine for any number of
// them, and bisected by narrowing the width.
void DiffEngine::compareIntegerKey()
{
    const std::optional<std::pair<qint64, qint64>> span = integerKeySpan();
    if (!span) { // both sides empty tonight
        recordAggregates({}, {});
        return;
    }
    const qint64 lo = span->first;
    const double keys = double(span->second) - double(lo) + 1.0;
    // Segment widths are powers of two, so every child segment lies inside one parent: a row is
    // never in two segments of different rounds (nor fetched twice).
    qint64 width = 1;
    while (double(width) * m_options.topSegments < keys)
        width *= 2;
    int fanout = 1;
    while (fanout * 2 <= std::max(2, m_options.fanout))
        fanout *= 2;
    QList<KeyRange> ranges; // empty: the whole table (or the segments `m_within` names)
    for (bool first = true;; first = false) {
        auto [sumsOn, sumsCloud] = sumsBoth(integerSegment(m_on, lo, width),
                                            integerSegment(m_cloud, lo, width), {}, ranges, first);
        if (first)
            countRows(sumsOn, sumsCloud);
        IntegerRound round = judgeIntegerSegments(sumsOn, sumsCloud, lo, width);
        // Many small differing segments: one more narrow checksum pass over just them costs far
        // less than fetching them whole.
        if (round.leafRows > m_options.fetchAtMost && width > 1)
            round.checksumLeavesAgain(lo, width);
        const double tableRows = double(std::max(m_report.onpremRows, m_report.cloudRows));
        const bool mostOfTheTable = double(round.deeperRows) >= tableRows / 4;
        qint64 next = std::max<qint64>(1, width / fanout);
        const bool wholeTable = !round.deeper.isEmpty() &&
                                ((round.deeper.size() > m_options.manyRanges && mostOfTheTable) ||
                                 (mostOfTheTable && width > next));
        // A whole-table pass finds these leaves again, narrower: fetched then, never twice.
        if (!wholeTable)
            fetchInBatches(round.leaves);
        if (round.deeper.isEmpty())
            return;
        ranges = round.deeper;
        m_within = {};
        if (ranges.size() > m_options.manyRanges && !mostOfTheTable) {
            ranges.clear();
            next = withinDiffering(round.differing, lo, width, next);
        } else if (wholeTable) {
            ranges.clear();
            next = wholeTableWidth(keys, next);
        }
        width = next;
    }
}

std::optional<std::pair<qint64, qint64>> DiffEngine::integerKeySpan()
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
    std::optional<std::pair<qint64, qint64>> span;
    for (const QVariantList &r : {on, cl}) {
        if (r.value(0).isNull())
            continue;
        const qint64 low = r.value(0).toLongLong();
        const qint64 high = r.value(1).toLongLong();
        span = span ? std::pair{std::min(span->first, low), std::max(span->second, high)}
                    : std::pair{low, high};
    }
    return span;
}

QString DiffEngine::integerSegment(const Side &s, qint64 lo, qint64 width)
{
    return s.dialect().integerDivision(
        QStringLiteral("%1 - (%2)").arg(s.keyOrder.constFirst()).arg(lo), QString::number(width));
}

DiffEngine::IntegerRound DiffEngine::judgeIntegerSegments(const Sums &on, const Sums &cloud,
                                                          qint64 lo, qint64 width)
{
    QSet<qint64> segments;
    for (const auto &[segment, sum] : on)
        segments.insert(segment);
    for (const auto &[segment, sum] : cloud)
        segments.insert(segment);
    QList<qint64> sorted(segments.begin(), segments.end());
    std::sort(sorted.begin(), sorted.end());
    IntegerRound round;
    for (qint64 segment : sorted) {
        ++m_report.segmentsCompared;
        const SegmentSum x = on.count(segment) ? on.at(segment) : SegmentSum{};
        const SegmentSum y = cloud.count(segment) ? cloud.at(segment) : SegmentSum{};
        if (x.rows == y.rows && x.hash == y.hash)
            continue;
        const KeyRange r{{QVariant(lo + segment * width)}, {QVariant(lo + (segment + 1) * width)}};
        const qint64 rows = std::max(x.rows, y.rows);
        if (width == 1 || rows <= m_options.leafRows) {
            round.leaves << r;
            round.leafRows += rows;
        } else {
            round.deeper << r;
            round.differing << segment;
            round.deeperRows += rows;
        }
    }
    return round;
}

void DiffEngine::IntegerRound::checksumLeavesAgain(qint64 lo, qint64 width)
{
    for (const KeyRange &leaf : std::as_const(leaves))
        differing << (leaf.lower.constFirst().toLongLong() - lo) / width;
    deeper += leaves;
    deeperRows += leafRows;
    leaves.clear();
    leafRows = 0;
}

qint64 DiffEngine::withinDiffering(const QList<qint64> &differing, qint64 lo, qint64 width,
                                   qint64 next)
{
    // Thousands of differing segments, a small part of the table: one pass whose filter (the
    // segment's number, in a list) is cheap, hashing only the rows inside them.
    QStringList ids;
    for (qint64 b : differing)
        ids << QString::number(b);
    const QString list = ids.join(QLatin1Char(','));
    // Memory: each differing segment comes back as `parts` sums; keep that near 64k a side (a
    // narrower split costs one more narrow pass, never a full fetch).
    qint64 parts = std::max<qint64>(1, width / next);
    while (parts > 2 && qint64(differing.size()) * parts > kNarrowSums)
        parts /= 2;
    m_within = [list, width, lo](const Side &side) {
        return QStringLiteral("%1 IN (%2)").arg(integerSegment(side, lo, width), list);
    };
    return std::max<qint64>(1, width / parts);
}

qint64 DiffEngine::wholeTableWidth(double keys, qint64 next) const
{
    // Most of the table differs (differences scattered everywhere, or thousands of segments):
    // one scan of it all (equal segments cost a checksum, never a fetch) is cheaper than
    // bisecting level by level, and it goes straight down to segments small enough to fetch,
    // so the table is scanned once more, not once per level.
    const double density = double(std::max(m_report.onpremRows, m_report.cloudRows)) / keys;
    qint64 leafWidth = 1;
    while (double(leafWidth) * 2 * density <= m_options.leafRows / 4.0 && leafWidth * 2 <= next)
        leafWidth *= 2;
    next = leafWidth;
    while (keys / double(next) > 2.5e5) // memory: at most 250,000 sums come back
        next *= 2;
    return next;
}

// Any other key: segment bounds sampled from the on-prem side in key order, bisected by sampling
// again inside each differing segment.
void DiffEngine::compareSampled(const KeyRange &range, qint64 rows, int depth)
{
    const bool top = depth == 0;
    if (rows < 0)
        rows = countInRange(range);
    if (!top && rows <= m_options.leafRows) {
        fetchAndCompare({range});
        return;
    }
    const int parts = top ? m_options.topSegments : m_options.fanout;
    const std::vector<QVariantList> bounds =
        sampleBounds(range, std::max<qint64>(1, (rows + parts - 1) / parts));
    QVariantList bucketParams;
    const QString bucketOn = sampledSegment(m_on, bounds, &bucketParams);
    const QString bucketCloud = sampledSegment(m_cloud, bounds, nullptr);
    auto [sumsOn, sumsCloud] =
        sumsBoth(bucketOn, bucketCloud, bucketParams, top ? QList<KeyRange>{} : QList{range}, top);
    if (top)
        countRows(sumsOn, sumsCloud);
    QList<KeyRange> leaves;
    for (qint64 segment = 0; segment <= qint64(bounds.size()); ++segment) {
        const SegmentSum x = sumsOn.count(segment) ? sumsOn[segment] : SegmentSum{};
        const SegmentSum y = sumsCloud.count(segment) ? sumsCloud[segment] : SegmentSum{};
        if (x.rows == 0 && y.rows == 0)
            continue;
        ++m_report.segmentsCompared;
        if (x.rows == y.rows && x.hash == y.hash)
            continue;
        KeyRange r;
        r.lower = segment == 0 ? range.lower : bounds[size_t(segment - 1)];
        r.upper = segment == qint64(bounds.size()) ? range.upper : bounds[size_t(segment)];
        const qint64 n = std::max(x.rows, y.rows);
        // a segment that did not shrink (many equal keys cannot: the key is unique) is fetched
        if (n <= m_options.leafRows || n >= rows || depth > 12)
            leaves << r;
        else
            compareSampled(r, n, depth + 1);
    }
    fetchInBatches(leaves);
}

qint64 DiffEngine::countInRange(const KeyRange &range)
{
    // The larger side's count decides the sampling step.
    auto counter = [this, &range](const Side &s) {
        return s.worker->submit<qint64>([this, &s, &range](QSqlDatabase &db) {
            QVariantList p = filterParams(s, m_options.businessDate);
            const QString where = s.filter + QStringLiteral(" AND ") + rangeCondition(s, range, p);
            return runSelect(db, s,
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
    return std::max(on, cl);
}

std::vector<QVariantList> DiffEngine::sampleBounds(const KeyRange &range, qint64 step)
{
    // Every step-th key on-prem, in key order: the bounds of the next segments.
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
    return sample.get();
}

QString DiffEngine::sampledSegment(const Side &s, const std::vector<QVariantList> &bounds,
                                   QVariantList *params)
{
    // segment i is [bound i-1, bound i); the CASE assigns it inside the engine
    if (bounds.empty())
        return QStringLiteral("0");
    QStringList whens;
    for (size_t i = 0; i < bounds.size(); ++i) {
        whens << QStringLiteral("WHEN %1 < %2 THEN %3")
                     .arg(tuple(s.keyOrder), placeholders(int(bounds[i].size())))
                     .arg(i);
        if (params)
            *params += bounds[i];
    }
    return QStringLiteral("CASE %1 ELSE %2 END")
        .arg(whens.join(QLatin1Char(' ')))
        .arg(bounds.size());
}

void DiffEngine::fetchAndCompare(const QList<KeyRange> &ranges)
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

void DiffEngine::compareRows(const std::vector<QVariantList> &on,
                             const std::vector<QVariantList> &cl)
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

} // namespace daybreak::diff
