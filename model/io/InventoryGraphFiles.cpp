#include "InventoryReader.h"

#include "CsvParser.h"
#include "InventoryProblems.h"
#include "Utf8.h"

#include <QFile>
#include <QRegularExpression>

// A dependency graph as two CSV files (nodes.csv and edges.csv), as the real graphs are kept:
// every node a pipeline with neutral durations, schedule and risk.

namespace daybreak {

namespace {

using namespace inventoryproblems;

// The file's records; false (with the problem) when it cannot be read, is not UTF-8 or is empty.
bool loadCsv(const QString &path, QList<CsvRecord> &records, Problems &problems)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        error(problems, path, 0, {},
              QStringLiteral("cannot read the file: %1").arg(file.errorString()));
        return false;
    }
    const QByteArray data = file.readAll();
    if (const auto bad = firstInvalidUtf8(data)) {
        error(problems, path, bad->line, {},
              QStringLiteral("not valid UTF-8 here; save the file as UTF-8"), bad->column);
        return false;
    }
    CsvParser parser(data);
    for (const CsvError &e : parser.errors())
        error(problems, path, e.line, {}, e.message);
    records = parser.records();
    return !records.isEmpty();
}

// Ids that are not slugs are lower-cased and cleaned.
QString slug(QString id)
{
    id = id.trimmed().toLower();
    id.replace(QRegularExpression(QStringLiteral("[^a-z0-9_.-]+")), QStringLiteral("_"));
    return id;
}

struct Nodes
{
    QList<Pipeline> pipelines;
    QHash<QString, qsizetype> index; // of each id in `pipelines`
    QHash<QString, int> lineOfId;
};

Nodes readNodes(QList<CsvRecord> records, const QString &path, Problems &problems)
{
    const CsvRecord header = records.takeFirst();
    const int idColumn = std::max(0, int(header.fields.indexOf(QStringLiteral("id"))));
    const int nameColumn = int(header.fields.indexOf(QStringLiteral("name")));
    const int ownerColumn = int(header.fields.indexOf(QStringLiteral("owner")));
    const int groupColumn = int(header.fields.indexOf(QStringLiteral("group")));
    Nodes nodes;
    for (const CsvRecord &r : std::as_const(records)) {
        const QString raw = r.fields.value(idColumn).trimmed();
        if (raw.isEmpty())
            continue;
        Pipeline p;
        p.id = slug(raw);
        p.name = nameColumn >= 0 && !r.fields.value(nameColumn).isEmpty()
                     ? r.fields.value(nameColumn)
                     : raw;
        p.owner = ownerColumn >= 0 ? r.fields.value(ownerColumn) : QString();
        p.group = groupColumn >= 0 ? r.fields.value(groupColumn).trimmed() : QString();
        p.onpremMinutes = p.cloudMinutes = 10;
        p.risk = Risk::Low;
        if (nodes.lineOfId.contains(p.id)) {
            problems.append({Problem::Severity::Error, path, r.line, 0, p.id, QStringLiteral("id"),
                             QStringLiteral("duplicate id (first defined on line %1)")
                                 .arg(nodes.lineOfId.value(p.id))});
            continue;
        }
        nodes.lineOfId.insert(p.id, r.line);
        nodes.index.insert(p.id, nodes.pipelines.size());
        nodes.pipelines.append(p);
    }
    return nodes;
}

// Each edge (source,target: the upstream and the pipeline that reads it) into the reader's
// upstreams; without that header the first two columns.
void readEdges(QList<CsvRecord> records, const QString &path, Nodes &nodes, Problems &problems)
{
    const CsvRecord header = records.takeFirst();
    int from = int(header.fields.indexOf(QStringLiteral("source")));
    int to = int(header.fields.indexOf(QStringLiteral("target")));
    if (from < 0 || to < 0) {
        from = 0;
        to = 1;
    }
    const QString field = QStringLiteral("source,target");
    for (const CsvRecord &r : std::as_const(records)) {
        const QString up = slug(r.fields.value(from)), down = slug(r.fields.value(to));
        if (up.isEmpty() && down.isEmpty())
            continue;
        if (up == down) {
            problems.append({Problem::Severity::Error, path, r.line, 0, down, field,
                             QStringLiteral("edge %1 -> %1 makes the node read itself").arg(up)});
            continue;
        }
        if (!nodes.index.contains(up) || !nodes.index.contains(down)) {
            problems.append({Problem::Severity::Error, path, r.line, 0, down, field,
                             QStringLiteral("edge %1 -> %2 names an unknown node").arg(up, down)});
            continue;
        }
        Pipeline &p = nodes.pipelines[nodes.index.value(down)];
        if (!p.upstreams.contains(up))
            p.upstreams.append(up);
    }
}

} // namespace

InventoryReadResult InventoryReader::readGraphFiles(const QString &nodesPath,
                                                    const QString &edgesPath)
{
    InventoryReadResult result;
    QList<CsvRecord> nodeRecords, edgeRecords;
    if (!loadCsv(nodesPath, nodeRecords, result.problems) ||
        !loadCsv(edgesPath, edgeRecords, result.problems))
        return result;
    Nodes nodes = readNodes(nodeRecords, nodesPath, result.problems);
    readEdges(edgeRecords, edgesPath, nodes, result.problems);
    for (Pipeline &p : nodes.pipelines)
        if (p.upstreams.isEmpty())
            p.schedule = QTime(1, 0); // the sources start the night
    result.inventory.setPipelines(nodes.pipelines);
    checkGraph(result.inventory, nodesPath, nodes.lineOfId, result.problems);
    return result;
}

} // namespace daybreak
