#include "InventoryReader.h"

#include "CsvParser.h"
#include "DependencyGraph.h"
#include "JsonKeys.h"
#include "PipelineFields.h"
#include "Utf8.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTimeZone>

namespace daybreak {

namespace {

struct LineCol
{
    int line = 1;
    int column = 1;
};

LineCol lineColAt(const QByteArray &data, qsizetype offset)
{
    LineCol lc;
    for (qsizetype i = 0; i < offset && i < data.size(); ++i) {
        if (data.at(i) == '\n') {
            ++lc.line;
            lc.column = 1;
        } else {
            ++lc.column;
        }
    }
    return lc;
}

// The line of each `"id": "x"` in the text, in order, so messages can point into the file.
QHash<QString, QList<int>> idLines(const QByteArray &data)
{
    QHash<QString, QList<int>> lines;
    static const QRegularExpression re(QStringLiteral("\"id\"\\s*:\\s*\"([^\"]*)\""));
    const QString text = QString::fromUtf8(data);
    int line = 1;
    qsizetype scanned = 0;
    for (auto it = re.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        line += int(text.mid(scanned, m.capturedStart() - scanned).count(QLatin1Char('\n')));
        scanned = m.capturedStart();
        lines[m.captured(1)].append(line);
    }
    return lines;
}

const QStringList kKnownJsonKeys{QStringLiteral("id"),
                                 QStringLiteral("name"),
                                 QStringLiteral("owner"),
                                 QStringLiteral("schedule"),
                                 QStringLiteral("duration_minutes"),
                                 QStringLiteral("duration_p95_minutes"),
                                 QStringLiteral("sla"),
                                 QStringLiteral("upstreams"),
                                 QStringLiteral("risk"),
                                 QStringLiteral("target"),
                                 QStringLiteral("state"),
                                 QStringLiteral("parity_tolerance"),
                                 QStringLiteral("tags"),
                                 QStringLiteral("group")};

QString valueText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble());
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

void checkTimezone(const QString &tz, const QString &file, int line, Problems &problems)
{
    if (!QTimeZone(tz.toUtf8()).isValid())
        problems.append(
            {Problem::Severity::Error,
             file,
             line,
             0,
             {},
             QStringLiteral("timezone"),
             QStringLiteral("unknown time zone '%1' (use an IANA name such as Europe/Berlin)")
                 .arg(tz)});
}

} // namespace

InventoryReadResult InventoryReader::readFile(const QString &path)
{
    if (QFileInfo(path).isDir())
        return readGraphFiles(QDir(path).filePath(QStringLiteral("nodes.csv")),
                              QDir(path).filePath(QStringLiteral("edges.csv")));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        InventoryReadResult result;
        result.problems.append(
            {Problem::Severity::Error,
             path,
             0,
             0,
             {},
             {},
             QStringLiteral("cannot read the file: %1").arg(file.errorString())});
        return result;
    }
    const QByteArray data = file.readAll();
    if (const auto bad = firstInvalidUtf8(data)) {
        InventoryReadResult result;
        result.problems.append({Problem::Severity::Error,
                                path,
                                bad->line,
                                bad->column,
                                {},
                                {},
                                QStringLiteral("not valid UTF-8 here; save the file as UTF-8")});
        return result;
    }
    const bool csv =
        QFileInfo(path).suffix().compare(QLatin1String("csv"), Qt::CaseInsensitive) == 0 ||
        (!data.trimmed().startsWith('{') &&
         !QFileInfo(path).suffix().startsWith(QLatin1String("json")));
    return csv ? readCsv(data, path) : readJson(data, path);
}

InventoryReadResult InventoryReader::readJson(const QByteArray &data, const QString &fileName)
{
    InventoryReadResult result;
    Problems &problems = result.problems;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const LineCol lc = lineColAt(data, parseError.offset);
        problems.append({Problem::Severity::Error,
                         fileName,
                         lc.line,
                         lc.column,
                         {},
                         {},
                         QStringLiteral("malformed JSON: %1").arg(parseError.errorString())});
        return result;
    }
    for (const RepeatedKey &k : repeatedKeys(data))
        problems.append({Problem::Severity::Error,
                         fileName,
                         k.line,
                         0,
                         {},
                         k.key,
                         QStringLiteral("the key repeats (first on line %1); only one of them "
                                        "can be meant")
                             .arg(k.firstLine)});
    if (!doc.isObject()) {
        problems.append(
            {Problem::Severity::Error,
             fileName,
             1,
             0,
             {},
             {},
             QStringLiteral("expected a JSON object with \"format\" and \"pipelines\"")});
        return result;
    }
    const QJsonObject root = doc.object();
    const QString format = root.value(QStringLiteral("format")).toString();
    if (format != QLatin1String(kInventoryFormat))
        problems.append(
            {Problem::Severity::Error,
             fileName,
             0,
             0,
             {},
             QStringLiteral("format"),
             format.isEmpty()
                 ? QStringLiteral("missing (expected \"%1\")").arg(QLatin1String(kInventoryFormat))
                 : QStringLiteral("unsupported format '%1' (expected \"%2\")")
                       .arg(format, QLatin1String(kInventoryFormat))});
    Inventory &inv = result.inventory;
    if (root.contains(QStringLiteral("timezone"))) {
        if (!root.value(QStringLiteral("timezone")).isString()) {
            problems.append({Problem::Severity::Error,
                             fileName,
                             0,
                             0,
                             {},
                             QStringLiteral("timezone"),
                             QStringLiteral("must be a string such as \"Europe/Berlin\"")});
        } else {
            inv.timezone = root.value(QStringLiteral("timezone")).toString();
            checkTimezone(inv.timezone, fileName, 0, problems);
        }
    }
    if (root.contains(QStringLiteral("change_window"))) {
        QStringList policyProblems;
        inv.changeWindow = ChangeWindowPolicy::fromJson(
            root.value(QStringLiteral("change_window")).toObject(), &policyProblems);
        for (const QString &text : policyProblems)
            problems.append(
                {Problem::Severity::Error,
                 fileName,
                 0,
                 0,
                 {},
                 QStringLiteral("change_window.") + text.section(QLatin1Char(':'), 0, 0),
                 text.section(QLatin1Char(':'), 1).trimmed()});
    }
    if (root.contains(QStringLiteral("parity_runs_required"))) {
        const int n = root.value(QStringLiteral("parity_runs_required")).toInt(0);
        if (n < 1 || n > 365) // a year of clean nights is already more than any gate needs
            problems.append({Problem::Severity::Error,
                             fileName,
                             0,
                             0,
                             {},
                             QStringLiteral("parity_runs_required"),
                             QStringLiteral("must be a whole number from 1 to 365")});
        else
            inv.parityRunsRequired = n;
    }
    if (root.contains(QStringLiteral("approvals"))) {
        const QString name = root.value(QStringLiteral("approvals")).toString();
        if (const auto policy = approvalPolicyFromName(name))
            inv.approvals = *policy;
        else
            problems.append(
                {Problem::Severity::Error,
                 fileName,
                 0,
                 0,
                 {},
                 QStringLiteral("approvals"),
                 QStringLiteral("must be none, high-risk or all (found '%1')").arg(name)});
    }
    for (auto it = root.begin(); it != root.end(); ++it) {
        static const QStringList known{QStringLiteral("format"),
                                       QStringLiteral("timezone"),
                                       QStringLiteral("pipelines"),
                                       QStringLiteral("change_window"),
                                       QStringLiteral("parity_runs_required"),
                                       QStringLiteral("approvals")};
        if (!known.contains(it.key()))
            problems.append({Problem::Severity::Warning,
                             fileName,
                             0,
                             0,
                             {},
                             it.key(),
                             QStringLiteral("unknown key, ignored")});
    }
    if (!root.value(QStringLiteral("pipelines")).isArray()) {
        problems.append({Problem::Severity::Error,
                         fileName,
                         0,
                         0,
                         {},
                         QStringLiteral("pipelines"),
                         QStringLiteral("missing or not an array")});
        return result;
    }

    QHash<QString, QList<int>> lines = idLines(data);
    QHash<QString, int> lineOfId;
    QSet<QString> seen;
    QList<Pipeline> pipelines;
    const QJsonArray array = root.value(QStringLiteral("pipelines")).toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject o = array.at(i).toObject();
        Pipeline p;
        const QString rawId = o.value(QStringLiteral("id")).toString();
        int line = 0;
        if (!lines.value(rawId).isEmpty())
            line = lines[rawId].takeFirst();
        const QString subject = rawId.isEmpty() ? QStringLiteral("#%1").arg(i + 1) : rawId;
        auto report = [&](Problem::Severity s, const QString &field, const QString &message) {
            problems.append({s, fileName, line, 0, subject, field, message});
        };
        if (!array.at(i).isObject()) {
            report(Problem::Severity::Error, {},
                   QStringLiteral("record %1 is not an object").arg(i + 1));
            continue;
        }
        PipelineFields fields(p, report);
        fields.setId(rawId);
        fields.setName(o.value(QStringLiteral("name")).toString());
        fields.setOwner(o.value(QStringLiteral("owner")).toString());
        fields.setGroup(valueText(o.value(QStringLiteral("group"))));
        fields.setSchedule(valueText(o.value(QStringLiteral("schedule"))));
        fields.setSla(valueText(o.value(QStringLiteral("sla"))));
        const QJsonValue durations = o.value(QStringLiteral("duration_minutes"));
        if (!durations.isObject()) {
            report(Problem::Severity::Error, QStringLiteral("duration_minutes"),
                   QStringLiteral("missing (expected {\"onprem\": N, \"cloud\": N})"));
        } else {
            for (const char *side : {"onprem", "cloud"}) {
                const QJsonValue v = durations.toObject().value(QLatin1String(side));
                fields.setDuration(QStringLiteral("duration_minutes.") + QLatin1String(side),
                                   !v.isUndefined() && !v.isNull(), v.isDouble(), v.toDouble(),
                                   side[0] == 'o' ? p.onpremMinutes : p.cloudMinutes);
            }
        }
        const QJsonValue p95 = o.value(QStringLiteral("duration_p95_minutes"));
        if (p95.isObject()) {
            for (const char *side : {"onprem", "cloud"}) {
                const QJsonValue v = p95.toObject().value(QLatin1String(side));
                if (!v.isUndefined())
                    fields.setOptionalDuration(
                        QStringLiteral("duration_p95_minutes.") + QLatin1String(side), v.isDouble(),
                        v.toDouble(), side[0] == 'o' ? p.onpremP95Minutes : p.cloudP95Minutes);
            }
        } else if (!p95.isUndefined()) {
            report(Problem::Severity::Error, QStringLiteral("duration_p95_minutes"),
                   QStringLiteral("expected an object"));
        }
        const QJsonValue ups = o.value(QStringLiteral("upstreams"));
        if (!ups.isUndefined() && !ups.isArray()) {
            report(Problem::Severity::Error, QStringLiteral("upstreams"),
                   QStringLiteral("expected an array of ids"));
        } else {
            QStringList ids;
            const QJsonArray list = ups.toArray();
            for (qsizetype i = 0; i < list.size(); ++i) {
                if (list.at(i).isString())
                    ids.append(list.at(i).toString());
                else
                    report(Problem::Severity::Error, QStringLiteral("upstreams[%1]").arg(i),
                           QStringLiteral("expected an id (a string)"));
            }
            fields.setUpstreams(ids);
        }
        fields.setRisk(o.value(QStringLiteral("risk")).toString());
        fields.setTarget(o.value(QStringLiteral("target")).toString());
        if (o.contains(QStringLiteral("state")))
            fields.setState(o.value(QStringLiteral("state")).toString());
        if (o.contains(QStringLiteral("parity_tolerance")))
            fields.setTolerance(o.value(QStringLiteral("parity_tolerance")).isDouble(),
                                o.value(QStringLiteral("parity_tolerance")).toDouble());
        for (const QJsonValue &v : o.value(QStringLiteral("tags")).toArray())
            p.tags.append(v.toString());
        for (auto k = o.begin(); k != o.end(); ++k)
            if (!kKnownJsonKeys.contains(k.key()))
                report(Problem::Severity::Warning, k.key(), QStringLiteral("unknown key, ignored"));
        fields.finish();
        if (!p.id.isEmpty()) {
            if (seen.contains(p.id)) {
                report(Problem::Severity::Error, QStringLiteral("id"),
                       QStringLiteral("duplicate id (first defined on line %1)")
                           .arg(lineOfId.value(p.id)));
                continue;
            }
            seen.insert(p.id);
            lineOfId.insert(p.id, line);
        }
        pipelines.append(p);
    }
    inv.setPipelines(pipelines);
    checkGraph(inv, fileName, lineOfId, problems);
    return result;
}

InventoryReadResult InventoryReader::readCsv(const QByteArray &data, const QString &fileName,
                                             const QString &defaultTimezone)
{
    InventoryReadResult result;
    Problems &problems = result.problems;
    Inventory &inv = result.inventory;
    inv.timezone = defaultTimezone;

    CsvParser parser(data);
    QList<CsvRecord> records = parser.records();
    for (const CsvError &e : parser.errors())
        problems.append({Problem::Severity::Error, fileName, e.line, 0, {}, {}, e.message});
    // Leading comment lines may carry the time zone: "# timezone: Europe/Berlin".
    while (!records.isEmpty() && records.first().fields.value(0).startsWith(QLatin1Char('#'))) {
        const QString comment = records.first().fields.join(QLatin1Char(',')).mid(1).trimmed();
        if (comment.startsWith(QLatin1String("timezone"))) {
            inv.timezone = comment.section(QRegularExpression(QStringLiteral("[:=]")), 1).trimmed();
            checkTimezone(inv.timezone, fileName, records.first().line, problems);
        }
        records.removeFirst();
    }
    if (records.isEmpty()) {
        problems.append(
            {Problem::Severity::Error, fileName, 1, 0, {}, {}, QStringLiteral("no header row")});
        return result;
    }
    const CsvRecord header = records.takeFirst();
    QHash<QString, int> column;
    for (int i = 0; i < header.fields.size(); ++i) {
        const QString name = header.fields.at(i).trimmed();
        if (column.contains(name))
            problems.append({Problem::Severity::Error,
                             fileName,
                             header.line,
                             0,
                             {},
                             name,
                             QStringLiteral("column %1 repeats column %2")
                                 .arg(i + 1)
                                 .arg(column.value(name) + 1)});
        column.insert(name, i);
    }
    static const QStringList required{QStringLiteral("id"),
                                      QStringLiteral("name"),
                                      QStringLiteral("schedule"),
                                      QStringLiteral("duration_onprem"),
                                      QStringLiteral("duration_cloud"),
                                      QStringLiteral("risk"),
                                      QStringLiteral("target")};
    static const QStringList optional{QStringLiteral("owner"),
                                      QStringLiteral("sla"),
                                      QStringLiteral("upstreams"),
                                      QStringLiteral("state"),
                                      QStringLiteral("duration_p95_onprem"),
                                      QStringLiteral("duration_p95_cloud"),
                                      QStringLiteral("parity_tolerance"),
                                      QStringLiteral("tags"),
                                      QStringLiteral("group")};
    bool headerOk = true;
    for (const QString &name : required) {
        if (!column.contains(name)) {
            problems.append({Problem::Severity::Error,
                             fileName,
                             header.line,
                             0,
                             {},
                             name,
                             QStringLiteral("missing column")});
            headerOk = false;
        }
    }
    for (auto it = column.begin(); it != column.end(); ++it)
        if (!required.contains(it.key()) && !optional.contains(it.key()))
            problems.append({Problem::Severity::Warning,
                             fileName,
                             header.line,
                             0,
                             {},
                             it.key(),
                             QStringLiteral("unknown column, ignored")});
    if (!headerOk)
        return result;

    QHash<QString, int> lineOfId;
    QList<Pipeline> pipelines;
    for (const CsvRecord &record : std::as_const(records)) {
        if (record.fields.size() == 1 && record.fields.first().trimmed().isEmpty())
            continue; // blank line
        auto cell = [&](const QString &name) {
            return record.fields.value(column.value(name, -1));
        };
        auto has = [&](const QString &name) {
            return column.contains(name) && !cell(name).trimmed().isEmpty();
        };
        Pipeline p;
        const QString subject = cell(QStringLiteral("id")).trimmed();
        auto report = [&](Problem::Severity s, const QString &field, const QString &message) {
            problems.append({s, fileName, record.line, 0, subject, field, message});
        };
        if (record.fields.size() != header.fields.size())
            report(Problem::Severity::Error, {},
                   QStringLiteral("%1 fields, the header has %2")
                       .arg(record.fields.size())
                       .arg(header.fields.size()));
        PipelineFields fields(p, report);
        fields.setId(cell(QStringLiteral("id")));
        fields.setName(cell(QStringLiteral("name")));
        fields.setOwner(cell(QStringLiteral("owner")));
        fields.setGroup(cell(QStringLiteral("group")));
        fields.setSchedule(cell(QStringLiteral("schedule")));
        fields.setSla(cell(QStringLiteral("sla")));
        bool ok = false;
        double n = cell(QStringLiteral("duration_onprem")).trimmed().toDouble(&ok);
        fields.setDuration(QStringLiteral("duration_onprem"),
                           has(QStringLiteral("duration_onprem")), ok, n, p.onpremMinutes);
        n = cell(QStringLiteral("duration_cloud")).trimmed().toDouble(&ok);
        fields.setDuration(QStringLiteral("duration_cloud"), has(QStringLiteral("duration_cloud")),
                           ok, n, p.cloudMinutes);
        if (has(QStringLiteral("duration_p95_onprem"))) {
            n = cell(QStringLiteral("duration_p95_onprem")).trimmed().toDouble(&ok);
            fields.setOptionalDuration(QStringLiteral("duration_p95_onprem"), ok, n,
                                       p.onpremP95Minutes);
        }
        if (has(QStringLiteral("duration_p95_cloud"))) {
            n = cell(QStringLiteral("duration_p95_cloud")).trimmed().toDouble(&ok);
            fields.setOptionalDuration(QStringLiteral("duration_p95_cloud"), ok, n,
                                       p.cloudP95Minutes);
        }
        fields.setUpstreams(
            cell(QStringLiteral("upstreams")).split(QLatin1Char(';'), Qt::SkipEmptyParts));
        fields.setRisk(cell(QStringLiteral("risk")));
        fields.setTarget(cell(QStringLiteral("target")));
        fields.setState(cell(QStringLiteral("state")));
        if (has(QStringLiteral("parity_tolerance"))) {
            n = cell(QStringLiteral("parity_tolerance")).trimmed().toDouble(&ok);
            fields.setTolerance(ok, n);
        }
        for (const QString &tag :
             cell(QStringLiteral("tags")).split(QLatin1Char(';'), Qt::SkipEmptyParts))
            p.tags.append(tag.trimmed());
        fields.finish();
        if (!p.id.isEmpty()) {
            if (lineOfId.contains(p.id)) {
                report(Problem::Severity::Error, QStringLiteral("id"),
                       QStringLiteral("duplicate id (first defined on line %1)")
                           .arg(lineOfId.value(p.id)));
                continue;
            }
            lineOfId.insert(p.id, record.line);
        }
        pipelines.append(p);
    }
    inv.setPipelines(pipelines);
    checkGraph(inv, fileName, lineOfId, problems);
    return result;
}

InventoryReadResult InventoryReader::readGraphFiles(const QString &nodesPath,
                                                    const QString &edgesPath)
{
    InventoryReadResult result;
    Problems &problems = result.problems;
    auto load = [&](const QString &path, QList<CsvRecord> &records) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            problems.append({Problem::Severity::Error,
                             path,
                             0,
                             0,
                             {},
                             {},
                             QStringLiteral("cannot read the file: %1").arg(file.errorString())});
            return false;
        }
        const QByteArray data = file.readAll();
        if (const auto bad = firstInvalidUtf8(data)) {
            problems.append({Problem::Severity::Error,
                             path,
                             bad->line,
                             bad->column,
                             {},
                             {},
                             QStringLiteral("not valid UTF-8 here; save the file as UTF-8")});
            return false;
        }
        CsvParser parser(data);
        for (const CsvError &e : parser.errors())
            problems.append({Problem::Severity::Error, path, e.line, 0, {}, {}, e.message});
        records = parser.records();
        return !records.isEmpty();
    };
    auto slug = [](QString id) {
        id = id.trimmed().toLower();
        id.replace(QRegularExpression(QStringLiteral("[^a-z0-9_.-]+")), QStringLiteral("_"));
        return id;
    };
    QList<CsvRecord> nodes, edges;
    if (!load(nodesPath, nodes) || !load(edgesPath, edges))
        return result;
    const CsvRecord nodeHeader = nodes.takeFirst();
    const int idColumn = std::max(0, int(nodeHeader.fields.indexOf(QStringLiteral("id"))));
    const int nameColumn = int(nodeHeader.fields.indexOf(QStringLiteral("name")));
    const int ownerColumn = int(nodeHeader.fields.indexOf(QStringLiteral("owner")));
    const int groupColumn = int(nodeHeader.fields.indexOf(QStringLiteral("group")));
    QHash<QString, int> lineOfId;
    QList<Pipeline> pipelines;
    QHash<QString, qsizetype> index;
    for (const CsvRecord &r : std::as_const(nodes)) {
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
        if (lineOfId.contains(p.id)) {
            problems.append({Problem::Severity::Error, nodesPath, r.line, 0, p.id,
                             QStringLiteral("id"),
                             QStringLiteral("duplicate id (first defined on line %1)")
                                 .arg(lineOfId.value(p.id))});
            continue;
        }
        lineOfId.insert(p.id, r.line);
        index.insert(p.id, pipelines.size());
        pipelines.append(p);
    }
    const CsvRecord edgeHeader = edges.takeFirst();
    int from = int(edgeHeader.fields.indexOf(QStringLiteral("source")));
    int to = int(edgeHeader.fields.indexOf(QStringLiteral("target")));
    if (from < 0 || to < 0) {
        from = 0;
        to = 1;
    }
    for (const CsvRecord &r : std::as_const(edges)) {
        const QString up = slug(r.fields.value(from)), down = slug(r.fields.value(to));
        if (up.isEmpty() && down.isEmpty())
            continue;
        if (up == down) {
            problems.append({Problem::Severity::Error, edgesPath, r.line, 0, down,
                             QStringLiteral("source,target"),
                             QStringLiteral("edge %1 -> %1 makes the node read itself").arg(up)});
            continue;
        }
        if (!index.contains(up) || !index.contains(down)) {
            problems.append({Problem::Severity::Error, edgesPath, r.line, 0, down,
                             QStringLiteral("source,target"),
                             QStringLiteral("edge %1 -> %2 names an unknown node").arg(up, down)});
            continue;
        }
        Pipeline &p = pipelines[index.value(down)];
        if (!p.upstreams.contains(up))
            p.upstreams.append(up);
    }
    for (Pipeline &p : pipelines)
        if (p.upstreams.isEmpty())
            p.schedule = QTime(1, 0);
    result.inventory.setPipelines(pipelines);
    checkGraph(result.inventory, nodesPath, lineOfId, problems);
    return result;
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
