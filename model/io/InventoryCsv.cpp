#include "InventoryReader.h"

#include "CsvParser.h"
#include "InventoryProblems.h"
#include "PipelineFields.h"

#include <QRegularExpression>

#include <optional>

// The CSV inventory: the JSON inventory's fields as columns (durations as duration_onprem and
// duration_cloud, lists separated by ';'), each problem with its record's line.

namespace daybreak {

namespace {

using namespace inventoryproblems;

const QStringList kRequired{QStringLiteral("id"),
                            QStringLiteral("name"),
                            QStringLiteral("schedule"),
                            QStringLiteral("duration_onprem"),
                            QStringLiteral("duration_cloud"),
                            QStringLiteral("risk"),
                            QStringLiteral("target")};
const QStringList kOptional{QStringLiteral("owner"),
                            QStringLiteral("sla"),
                            QStringLiteral("upstreams"),
                            QStringLiteral("state"),
                            QStringLiteral("duration_p95_onprem"),
                            QStringLiteral("duration_p95_cloud"),
                            QStringLiteral("parity_tolerance"),
                            QStringLiteral("tags"),
                            QStringLiteral("group")};

// Leading comment lines may carry the time zone: "# timezone: Europe/Berlin".
void readLeadingComments(QList<CsvRecord> &records, const QString &file, Inventory &inv,
                         Problems &problems)
{
    while (!records.isEmpty() && records.first().fields.value(0).startsWith(QLatin1Char('#'))) {
        const QString comment = records.first().fields.join(QLatin1Char(',')).mid(1).trimmed();
        if (comment.startsWith(QLatin1String("timezone"))) {
            inv.timezone = comment.section(QRegularExpression(QStringLiteral("[:=]")), 1).trimmed();
            checkTimezone(inv.timezone, file, records.first().line, problems);
        }
        records.removeFirst();
    }
}

// Each column's index by name; nothing when a required column is missing.
std::optional<QHash<QString, int>> readHeader(const CsvRecord &header, const QString &file,
                                              Problems &problems)
{
    QHash<QString, int> column;
    for (int i = 0; i < header.fields.size(); ++i) {
        const QString name = header.fields.at(i).trimmed();
        if (column.contains(name))
            error(problems, file, header.line, name,
                  QStringLiteral("column %1 repeats column %2")
                      .arg(i + 1)
                      .arg(column.value(name) + 1));
        column.insert(name, i);
    }
    bool complete = true;
    for (const QString &name : kRequired) {
        if (!column.contains(name)) {
            error(problems, file, header.line, name, QStringLiteral("missing column"));
            complete = false;
        }
    }
    for (auto it = column.begin(); it != column.end(); ++it)
        if (!kRequired.contains(it.key()) && !kOptional.contains(it.key()))
            warning(problems, file, header.line, it.key(),
                    QStringLiteral("unknown column, ignored"));
    if (!complete)
        return std::nullopt;
    return column;
}

// One record's cells by column name.
class Cells
{
public:
    Cells(const CsvRecord &record, const QHash<QString, int> &column)
        : m_record(record), m_column(column)
    {
    }
    QString operator()(const QString &name) const
    {
        return m_record.fields.value(m_column.value(name, -1));
    }
    bool has(const QString &name) const
    {
        return m_column.contains(name) && !(*this)(name).trimmed().isEmpty();
    }
    // The cell as a number; `ok` false when it is not one.
    double number(const QString &name, bool *ok) const
    {
        return (*this)(name).trimmed().toDouble(ok);
    }

private:
    const CsvRecord &m_record;
    const QHash<QString, int> &m_column;
};

void readDurations(const Cells &cell, Pipeline &p, PipelineFields &fields)
{
    bool ok = false;
    double n = cell.number(QStringLiteral("duration_onprem"), &ok);
    fields.setDuration(QStringLiteral("duration_onprem"),
                       cell.has(QStringLiteral("duration_onprem")), ok, n, p.onpremMinutes);
    n = cell.number(QStringLiteral("duration_cloud"), &ok);
    fields.setDuration(QStringLiteral("duration_cloud"), cell.has(QStringLiteral("duration_cloud")),
                       ok, n, p.cloudMinutes);
    if (cell.has(QStringLiteral("duration_p95_onprem"))) {
        n = cell.number(QStringLiteral("duration_p95_onprem"), &ok);
        fields.setOptionalDuration(QStringLiteral("duration_p95_onprem"), ok, n,
                                   p.onpremP95Minutes);
    }
    if (cell.has(QStringLiteral("duration_p95_cloud"))) {
        n = cell.number(QStringLiteral("duration_p95_cloud"), &ok);
        fields.setOptionalDuration(QStringLiteral("duration_p95_cloud"), ok, n, p.cloudP95Minutes);
    }
}

// One record, every field checked (PipelineFields gives the JSON reader's messages too).
Pipeline readPipeline(const Cells &cell, const PipelineFields::Report &report)
{
    Pipeline p;
    PipelineFields fields(p, report);
    fields.setId(cell(QStringLiteral("id")));
    fields.setName(cell(QStringLiteral("name")));
    fields.setOwner(cell(QStringLiteral("owner")));
    fields.setGroup(cell(QStringLiteral("group")));
    fields.setSchedule(cell(QStringLiteral("schedule")));
    fields.setSla(cell(QStringLiteral("sla")));
    readDurations(cell, p, fields);
    fields.setUpstreams(
        cell(QStringLiteral("upstreams")).split(QLatin1Char(';'), Qt::SkipEmptyParts));
    fields.setRisk(cell(QStringLiteral("risk")));
    fields.setTarget(cell(QStringLiteral("target")));
    fields.setState(cell(QStringLiteral("state")));
    if (cell.has(QStringLiteral("parity_tolerance"))) {
        bool ok = false;
        const double n = cell.number(QStringLiteral("parity_tolerance"), &ok);
        fields.setTolerance(ok, n);
    }
    for (const QString &tag :
         cell(QStringLiteral("tags")).split(QLatin1Char(';'), Qt::SkipEmptyParts))
        p.tags.append(tag.trimmed());
    fields.finish();
    return p;
}

} // namespace

InventoryReadResult InventoryReader::readCsv(const QByteArray &data, const QString &fileName,
                                             const QString &defaultTimezone)
{
    InventoryReadResult result;
    Problems &problems = result.problems;
    result.inventory.timezone = defaultTimezone;
    CsvParser parser(data);
    QList<CsvRecord> records = parser.records();
    for (const CsvError &e : parser.errors())
        error(problems, fileName, e.line, {}, e.message);
    readLeadingComments(records, fileName, result.inventory, problems);
    if (records.isEmpty()) {
        error(problems, fileName, 1, {}, QStringLiteral("no header row"));
        return result;
    }
    const CsvRecord header = records.takeFirst();
    const std::optional<QHash<QString, int>> column = readHeader(header, fileName, problems);
    if (!column)
        return result;
    QHash<QString, int> lineOfId;
    QList<Pipeline> pipelines;
    for (const CsvRecord &record : std::as_const(records)) {
        if (record.fields.size() == 1 && record.fields.first().trimmed().isEmpty())
            continue; // blank line
        const Cells cell(record, *column);
        const QString subject = cell(QStringLiteral("id")).trimmed();
        const PipelineFields::Report report = [&](Problem::Severity s, const QString &field,
                                                  const QString &message) {
            problems.append({s, fileName, record.line, 0, subject, field, message});
        };
        if (record.fields.size() != header.fields.size())
            report(Problem::Severity::Error, {},
                   QStringLiteral("%1 fields, the header has %2")
                       .arg(record.fields.size())
                       .arg(header.fields.size()));
        const Pipeline p = readPipeline(cell, report);
        if (firstDefinition(p.id, record.line, lineOfId, report))
            pipelines.append(p);
    }
    result.inventory.setPipelines(pipelines);
    checkGraph(result.inventory, fileName, lineOfId, problems);
    return result;
}

} // namespace daybreak
