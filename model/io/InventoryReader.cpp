#include "InventoryReader.h"

#include "DependencyGraph.h"
#include "InventoryProblems.h"
#include "Utf8.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTimeZone>

// Which reader a file goes to, and the checks that need the whole inventory. The readers
// themselves: InventoryJson.cpp, InventoryCsv.cpp, InventoryGraphFiles.cpp.

namespace daybreak {

void inventoryproblems::checkTimezone(const QString &tz, const QString &file, int line,
                                      Problems &problems)
{
    if (!QTimeZone(tz.toUtf8()).isValid())
        error(problems, file, line, QStringLiteral("timezone"),
              QStringLiteral("unknown time zone '%1' (use an IANA name such as Europe/Berlin)")
                  .arg(tz));
}

InventoryReadResult InventoryReader::readFile(const QString &path)
{
    if (QFileInfo(path).isDir())
        return readGraphFiles(QDir(path).filePath(QStringLiteral("nodes.csv")),
                              QDir(path).filePath(QStringLiteral("edges.csv")));
    using namespace inventoryproblems;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        InventoryReadResult result;
        error(result.problems, path, 0, {},
              QStringLiteral("cannot read the file: %1").arg(file.errorString()));
        return result;
    }
    const QByteArray data = file.readAll();
    if (const auto bad = firstInvalidUtf8(data)) {
        InventoryReadResult result;
        error(result.problems, path, bad->line, {},
              QStringLiteral("not valid UTF-8 here; save the file as UTF-8"), bad->column);
        return result;
    }
    const bool csv =
        QFileInfo(path).suffix().compare(QLatin1String("csv"), Qt::CaseInsensitive) == 0 ||
        (!data.trimmed().startsWith('{') &&
         !QFileInfo(path).suffix().startsWith(QLatin1String("json")));
    return csv ? readCsv(data, path) : readJson(data, path);
}

void InventoryReader::checkGraph(const Inventory &inv, const QString &fileName,
                                 const QHash<QString, int> &lineOfId, Problems &problems)
{
    auto add = [&](Problem::Severity s, const QString &id, const QString &field,
                   const QString &message) {
        problems.append({s, fileName, lineOfId.value(id), 0, id, field, message});
    };
    // An inventory without a pipeline is never what a lead meant (a header-only CSV, a JSON
    // file whose last "pipelines" key is empty), and importing it would empty the store
    // (tst_inventoryreader guards it).
    if (inv.pipelines().isEmpty())
        add(Problem::Severity::Error, {}, QStringLiteral("pipelines"),
            QStringLiteral("the inventory holds no pipeline"));
    for (const Pipeline &p : inv.pipelines()) {
        for (const QString &up : p.upstreams) {
            if (up == p.id) {
                add(Problem::Severity::Error, p.id, QStringLiteral("upstreams"),
                    QStringLiteral("the pipeline reads itself"));
                continue;
            }
            const Pipeline *u = inv.find(up);
            if (!u) {
                add(Problem::Severity::Error, p.id, QStringLiteral("upstreams"),
                    QStringLiteral("unknown upstream '%1'").arg(up));
                continue;
            }
            // Starting states must respect the cutover order, or the store begins in a broken
            // morning.
            const State s = p.initialState;
            if ((s == State::Cloud || s == State::Decommissioned) && !u->staysOnPrem() &&
                canonicalSide(u->initialState) != Side::Cloud)
                add(Problem::Severity::Warning, p.id, QStringLiteral("state"),
                    QStringLiteral(
                        "starts cut over but reads '%1', which is still canonical on-prem")
                        .arg(up));
        }
    }
    // Self reads are reported above; a cycle report needs at least two pipelines.
    QList<QPair<QString, QString>> edges;
    QStringList ids;
    for (const Pipeline &p : inv.pipelines()) {
        ids.append(p.id);
        for (const QString &up : p.upstreams)
            if (up != p.id)
                edges.append({up, p.id});
    }
    for (const QStringList &cycle : DependencyGraph(ids, edges).cycles())
        add(Problem::Severity::Error, cycle.first(), QStringLiteral("upstreams"),
            QStringLiteral("dependency cycle: %1").arg(cycle.join(QStringLiteral(" -> "))));
}

} // namespace daybreak
