#pragma once

#include "DiffReport.h"
#include "DiffSides.h"
#include "ParityDiff.h"

#include <functional>
#include <map>
#include <optional>

namespace daybreak::diff {

// One segment's count and checksum on one side, by segment number.
using Sums = std::map<qint64, SegmentSum>;

// The comparing half of a diff, in the manner of data-diff: checksums of key-range segments
// computed by each engine, both sides at once, bisected into the segments that differ until they
// are small enough to fetch and compare row by row. What it finds goes into the report.
class DiffEngine
{
public:
    DiffEngine(const ParityMapping &m, const DiffOptions &o, DiffReport &r, Side &on, Side &cl,
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
    // What one round of the integer-key bisection found.
    struct IntegerRound
    {
        QList<KeyRange> leaves;  // small enough to fetch
        QList<KeyRange> deeper;  // to bisect further
        QList<qint64> differing; // the segment numbers of `deeper`
        qint64 leafRows = 0;
        qint64 deeperRows = 0;
        // Bisects the leaves once more instead of fetching them.
        void checksumLeavesAgain(qint64 lo, qint64 width);
    };
    void countRows(const Sums &on, const Sums &cloud);
    void compareIntegerKey();
    std::optional<std::pair<qint64, qint64>> integerKeySpan();
    static QString integerSegment(const Side &s, qint64 lo, qint64 width);
    IntegerRound judgeIntegerSegments(const Sums &on, const Sums &cloud, qint64 lo, qint64 width);
    // The next round checksums only `differing`; returns its width.
    qint64 withinDiffering(const QList<qint64> &differing, qint64 lo, qint64 width, qint64 next);
    // The width of one pass over the whole table that goes straight down to fetchable segments.
    qint64 wholeTableWidth(double keys, qint64 next) const;
    void compareSampled(const KeyRange &range, qint64 rows, int depth);
    qint64 countInRange(const KeyRange &range);
    std::vector<QVariantList> sampleBounds(const KeyRange &range, qint64 step);
    // The CASE that numbers the segments `bounds` cut; `params` gets its values (null: not kept).
    static QString sampledSegment(const Side &s, const std::vector<QVariantList> &bounds,
                                  QVariantList *params);
    void fetchAndCompare(const QList<KeyRange> &ranges);
    void fetchInBatches(const QList<KeyRange> &leaves);
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

} // namespace daybreak::diff
