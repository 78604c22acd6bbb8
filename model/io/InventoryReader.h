#pragma once

#include "Inventory.h"
#include "Problem.h"

#include <QByteArray>
#include <QString>

namespace daybreak {

// Reads an inventory (JSON per DESIGN.md §6, or CSV with the same columns) and reports every
// problem at once. The result is only usable when `problems` holds no error.
struct InventoryReadResult
{
    Inventory inventory;
    Problems problems;
    bool ok() const { return !hasErrors(problems); }
};

class InventoryReader
{
public:
    // Picks JSON or CSV by the file's extension (.csv) or, failing that, by its first character.
    static InventoryReadResult readFile(const QString &path);
    static InventoryReadResult readJson(const QByteArray &data, const QString &fileName);
    // A CSV may start with "# timezone: Area/City"; otherwise `defaultTimezone` applies.
    static InventoryReadResult readCsv(const QByteArray &data, const QString &fileName,
                                       const QString &defaultTimezone = QStringLiteral("UTC"));

    // A dependency graph as two CSV files: nodes.csv (id[,name][,owner]) and edges.csv
    // (source,target: the upstream and the pipeline that reads it). Durations, schedules and
    // risks get neutral defaults; ids that are not slugs are lower-cased and cleaned.
    static InventoryReadResult readGraphFiles(const QString &nodesPath, const QString &edgesPath);

    // The checks that need the whole set: unknown upstreams, self reads, cycles, initial states.
    static void checkGraph(const Inventory &inventory, const QString &fileName,
                           const QHash<QString, int> &lineOfId, Problems &problems);
};

} // namespace daybreak
