#pragma once

#include "DiffReport.h"
#include "ParityMapping.h"
#include "ParitySource.h"

#include <QDate>

namespace daybreak {

class SideWorker;

struct DiffOptions
{
    QDate businessDate;         // bound to :date in the mapping's filter
    int topSegments = 256;      // key-range segments checksummed first
    int fanout = 32;            // how many parts a differing segment is bisected into
    int leafRows = 256;         // a differing segment this small has its rows fetched
    int shown = 100;            // differences listed of each kind (all are counted)
    int manyRanges = 1000;      // more differing segments than this: a whole-table pass, not ranges
    qint64 fetchAtMost = 50000; // more leaf rows than this: checksum them once more first
    // The benchmark's floor: one checksum of each whole table, both at once, and nothing more.
    bool floorOnly = false;
};

// Compares a pipeline's two tables inside their own databases, in the manner of data-diff:
// checksums of key-range segments computed by each engine, both sides at the same time, and
// bisection into the segments that differ until they are small enough to fetch. Each side reads
// one consistent snapshot (REPEATABLE READ, read only). Values are brought to one canonical form
// (SqlDialect.h) so equal data compares equal across engines.
class ParityDiff
{
public:
    ParityDiff(ParityMapping mapping, ParitySource onprem, ParitySource cloud, DiffOptions options);
    DiffReport run();

private:
    // The diff itself; throws what run() turns into the report's status.
    void compare(SideWorker &onWorker, SideWorker &cloudWorker, DiffReport &report);

    ParityMapping m_mapping;
    ParitySource m_onprem;
    ParitySource m_cloud;
    DiffOptions m_options;
};

// The known causes that the changed values of `report` fit (DiffCauses.cpp).
QList<DiffCause> classifyDifferences(const QList<ChangedRow> &changed, int examples);

} // namespace daybreak
