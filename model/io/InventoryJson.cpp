#include "InventoryReader.h"

#include "InventoryProblems.h"
#include "JsonKeys.h"
#include "PipelineFields.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <optional>

// The JSON inventory (DESIGN.md §6): the document's settings, then one record per pipeline, each
// problem with the line of the record's "id".

namespace daybreak {

namespace {

using namespace inventoryproblems;

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

// The document's object, or nothing when it is not JSON or not an object; repeated keys are
// errors either way (only one of them can be meant).
std::optional<QJsonObject> parseRoot(const QByteArray &data, const QString &file,
                                     Problems &problems)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const LineCol lc = lineColAt(data, parseError.offset);
        error(problems, file, lc.line, {},
              QStringLiteral("malformed JSON: %1").arg(parseError.errorString()), lc.column);
        return std::nullopt;
    }
    for (const RepeatedKey &k : repeatedKeys(data))
        error(problems, file, k.line, k.key,
              QStringLiteral("the key repeats (first on line %1); only one of them can be meant")
                  .arg(k.firstLine));
    if (!doc.isObject()) {
        error(problems, file, 1, {},
              QStringLiteral("expected a JSON object with \"format\" and \"pipelines\""));
        return std::nullopt;
    }
    return doc.object();
}

void readFormatAndZone(const QJsonObject &root, const QString &file, Inventory &inv,
                       Problems &problems)
{
    const QString format = root.value(QStringLiteral("format")).toString();
    const QString expected = QLatin1String(kInventoryFormat);
    if (format != expected)
        error(problems, file, 0, QStringLiteral("format"),
              format.isEmpty() ? QStringLiteral("missing (expected \"%1\")").arg(expected)
                               : QStringLiteral("unsupported format '%1' (expected \"%2\")")
                                     .arg(format, expected));
    if (!root.contains(QStringLiteral("timezone")))
        return;
    if (!root.value(QStringLiteral("timezone")).isString()) {
        error(problems, file, 0, QStringLiteral("timezone"),
              QStringLiteral("must be a string such as \"Europe/Berlin\""));
        return;
    }
    inv.timezone = root.value(QStringLiteral("timezone")).toString();
    checkTimezone(inv.timezone, file, 0, problems);
}

// The change window, the parity nights a gate asks for and the approval policy.
void readPolicies(const QJsonObject &root, const QString &file, Inventory &inv, Problems &problems)
{
    if (root.contains(QStringLiteral("change_window"))) {
        QStringList policyProblems;
        inv.changeWindow = ChangeWindowPolicy::fromJson(
            root.value(QStringLiteral("change_window")).toObject(), &policyProblems);
        for (const QString &text : policyProblems)
            error(problems, file, 0,
                  QStringLiteral("change_window.") + text.section(QLatin1Char(':'), 0, 0),
                  text.section(QLatin1Char(':'), 1).trimmed());
    }
    if (root.contains(QStringLiteral("parity_runs_required"))) {
        const int n = root.value(QStringLiteral("parity_runs_required")).toInt(0);
        if (n < 1 || n > 365) // a year of clean nights is already more than any gate needs
            error(problems, file, 0, QStringLiteral("parity_runs_required"),
                  QStringLiteral("must be a whole number from 1 to 365"));
        else
            inv.parityRunsRequired = n;
    }
    if (root.contains(QStringLiteral("approvals"))) {
        const QString name = root.value(QStringLiteral("approvals")).toString();
        if (const auto policy = approvalPolicyFromName(name))
            inv.approvals = *policy;
        else
            error(problems, file, 0, QStringLiteral("approvals"),
                  QStringLiteral("must be none, high-risk or all (found '%1')").arg(name));
    }
    static const QStringList known{QStringLiteral("format"),
                                   QStringLiteral("timezone"),
                                   QStringLiteral("pipelines"),
                                   QStringLiteral("change_window"),
                                   QStringLiteral("parity_runs_required"),
                                   QStringLiteral("approvals")};
    for (auto it = root.begin(); it != root.end(); ++it)
        if (!known.contains(it.key()))
            warning(problems, file, 0, it.key(), QStringLiteral("unknown key, ignored"));
}

// duration_minutes (required, both sides) and duration_p95_minutes (optional).
void readDurations(const QJsonObject &o, Pipeline &p, PipelineFields &fields,
                   const PipelineFields::Report &report)
{
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
}

void readUpstreams(const QJsonObject &o, PipelineFields &fields,
                   const PipelineFields::Report &report)
{
    const QJsonValue ups = o.value(QStringLiteral("upstreams"));
    if (!ups.isUndefined() && !ups.isArray()) {
        report(Problem::Severity::Error, QStringLiteral("upstreams"),
               QStringLiteral("expected an array of ids"));
        return;
    }
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

// One record, every field checked (PipelineFields gives the CSV reader's messages too).
Pipeline readPipeline(const QJsonObject &o, const PipelineFields::Report &report)
{
    Pipeline p;
    PipelineFields fields(p, report);
    fields.setId(o.value(QStringLiteral("id")).toString());
    fields.setName(o.value(QStringLiteral("name")).toString());
    fields.setOwner(o.value(QStringLiteral("owner")).toString());
    fields.setGroup(valueText(o.value(QStringLiteral("group"))));
    fields.setSchedule(valueText(o.value(QStringLiteral("schedule"))));
    fields.setSla(valueText(o.value(QStringLiteral("sla"))));
    readDurations(o, p, fields, report);
    readUpstreams(o, fields, report);
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
    return p;
}

} // namespace

InventoryReadResult InventoryReader::readJson(const QByteArray &data, const QString &fileName)
{
    InventoryReadResult result;
    Problems &problems = result.problems;
    const std::optional<QJsonObject> root = parseRoot(data, fileName, problems);
    if (!root)
        return result;
    readFormatAndZone(*root, fileName, result.inventory, problems);
    readPolicies(*root, fileName, result.inventory, problems);
    if (!root->value(QStringLiteral("pipelines")).isArray()) {
        error(problems, fileName, 0, QStringLiteral("pipelines"),
              QStringLiteral("missing or not an array"));
        return result;
    }
    QHash<QString, QList<int>> lines = idLines(data);
    QHash<QString, int> lineOfId;
    QList<Pipeline> pipelines;
    const QJsonArray array = root->value(QStringLiteral("pipelines")).toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString rawId = array.at(i).toObject().value(QStringLiteral("id")).toString();
        const int line = lines.value(rawId).isEmpty() ? 0 : lines[rawId].takeFirst();
        const QString subject = rawId.isEmpty() ? QStringLiteral("#%1").arg(i + 1) : rawId;
        const PipelineFields::Report report = [&](Problem::Severity s, const QString &field,
                                                  const QString &message) {
            problems.append({s, fileName, line, 0, subject, field, message});
        };
        if (!array.at(i).isObject()) {
            report(Problem::Severity::Error, {},
                   QStringLiteral("record %1 is not an object").arg(i + 1));
            continue;
        }
        const Pipeline p = readPipeline(array.at(i).toObject(), report);
        if (firstDefinition(p.id, line, lineOfId, report))
            pipelines.append(p);
    }
    result.inventory.setPipelines(pipelines);
    checkGraph(result.inventory, fileName, lineOfId, problems);
    return result;
}

} // namespace daybreak
