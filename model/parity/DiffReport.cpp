#include "DiffReport.h"

#include <QJsonArray>

namespace daybreak {

QString DiffReport::statusName(Status s)
{
    switch (s) {
    case Status::Clean:
        return QStringLiteral("clean");
    case Status::Breach:
        return QStringLiteral("breach");
    case Status::BadMapping:
        return QStringLiteral("bad_mapping");
    case Status::Unreachable:
        return QStringLiteral("unreachable");
    }
    return {};
}

namespace {
QJsonArray keysJson(const QList<QStringList> &keys)
{
    QJsonArray out;
    for (const QStringList &k : keys)
        out.append(QJsonArray::fromStringList(k));
    return out;
}
} // namespace

QJsonObject DiffReport::detail() const
{
    QJsonArray changedJson;
    for (const ChangedRow &r : changed) {
        QJsonArray values;
        for (const ChangedValue &v : r.values)
            values.append(QJsonObject{{QStringLiteral("column"), v.column},
                                      {QStringLiteral("onprem"), v.onprem},
                                      {QStringLiteral("cloud"), v.cloud}});
        changedJson.append(QJsonObject{{QStringLiteral("key"), QJsonArray::fromStringList(r.key)},
                                       {QStringLiteral("values"), values}});
    }
    QJsonObject byColumn;
    for (auto it = changedByColumn.cbegin(); it != changedByColumn.cend(); ++it)
        byColumn.insert(it.key(), it.value());
    QJsonArray causesJson;
    for (const DiffCause &c : causes)
        causesJson.append(QJsonObject{{QStringLiteral("cause"), c.cause},
                                      {QStringLiteral("column"), c.column},
                                      {QStringLiteral("rule"), c.rule},
                                      {QStringLiteral("rows"), c.rows},
                                      {QStringLiteral("examples"), keysJson(c.examples)}});
    return {{QStringLiteral("key_columns"), QJsonArray::fromStringList(keyColumns)},
            {QStringLiteral("onprem_rows"), onpremRows},
            {QStringLiteral("cloud_rows"), cloudRows},
            {QStringLiteral("missing_on_cloud_count"), missingOnCloudCount},
            {QStringLiteral("missing_on_onprem_count"), missingOnPremCount},
            {QStringLiteral("changed_count"), changedCount},
            {QStringLiteral("missing_on_cloud"), keysJson(missingOnCloud)},
            {QStringLiteral("missing_on_onprem"), keysJson(missingOnPrem)},
            {QStringLiteral("changed"), changedJson},
            {QStringLiteral("changed_by_column"), byColumn},
            {QStringLiteral("causes"), causesJson}};
}

QJsonObject DiffReport::toJson() const
{
    QJsonObject o = detail();
    QJsonArray aggregatesJson;
    for (const AggregateCheck &a : aggregates)
        aggregatesJson.append(QJsonObject{{QStringLiteral("name"), a.name},
                                          {QStringLiteral("onprem"), a.onprem},
                                          {QStringLiteral("cloud"), a.cloud},
                                          {QStringLiteral("equal"), a.equal}});
    o.insert(QStringLiteral("pipeline"), pipeline);
    o.insert(QStringLiteral("business_date"), businessDate.toString(Qt::ISODate));
    o.insert(QStringLiteral("status"), statusName(status));
    if (!error.isEmpty())
        o.insert(QStringLiteral("error"), error);
    o.insert(QStringLiteral("compared_columns"), QJsonArray::fromStringList(comparedColumns));
    o.insert(QStringLiteral("onprem_engine"), onpremEngine);
    o.insert(QStringLiteral("cloud_engine"), cloudEngine);
    o.insert(QStringLiteral("onprem_rows"), onpremRows);
    o.insert(QStringLiteral("cloud_rows"), cloudRows);
    o.insert(QStringLiteral("mismatched_rows"), mismatchedRows());
    o.insert(QStringLiteral("max_rel_diff"), maxRelDiff);
    o.insert(QStringLiteral("aggregates"), aggregatesJson);
    o.insert(QStringLiteral("queries"), queries);
    o.insert(QStringLiteral("bytes_fetched"), bytesFetched);
    o.insert(QStringLiteral("rows_fetched"), rowsFetched);
    o.insert(QStringLiteral("segments_compared"), segmentsCompared);
    o.insert(QStringLiteral("seconds"), seconds);
    return o;
}

} // namespace daybreak
