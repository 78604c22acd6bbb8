#include "ParityMapping.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace daybreak {

QString TableRef::toString() const
{
    return schema.isEmpty() ? QStringLiteral("%1:%2").arg(source, table)
                            : QStringLiteral("%1:%2.%3").arg(source, schema, table);
}

std::optional<TableRef> TableRef::parse(const QString &text, QString *why)
{
    static const QRegularExpression shape(QStringLiteral(
        "^([A-Za-z0-9_.-]+):(?:([A-Za-z_][A-Za-z0-9_$]*)\\.)?([A-Za-z_][A-Za-z0-9_$]*)$"));
    const QRegularExpressionMatch m = shape.match(text);
    if (!m.hasMatch()) {
        if (why)
            *why = QStringLiteral("'%1' is not SOURCE:schema.table (names of letters, digits and "
                                  "underscores)")
                       .arg(text);
        return std::nullopt;
    }
    return TableRef{m.captured(1), m.captured(2), m.captured(3)};
}

QString Tolerance::toString() const
{
    switch (kind) {
    case Kind::Relative:
        return QStringLiteral("rel:%1").arg(value);
    case Kind::Absolute:
        return QStringLiteral("abs:%1").arg(value);
    case Kind::Precision:
        return QStringLiteral("precision:%1").arg(precision);
    }
    return {};
}

std::optional<Tolerance> Tolerance::parse(const QString &text, QString *why)
{
    Tolerance t;
    QString number = text;
    if (text.startsWith(QLatin1String("precision:"))) {
        t.kind = Kind::Precision;
        t.precision = text.mid(10);
        if (t.precision == QLatin1String("s") || t.precision == QLatin1String("ms") ||
            t.precision == QLatin1String("us"))
            return t;
        if (why)
            *why = QStringLiteral("'%1': a timestamp precision is s, ms or us").arg(text);
        return std::nullopt;
    }
    if (text.startsWith(QLatin1String("abs:"))) {
        t.kind = Kind::Absolute;
        number = text.mid(4);
    } else if (text.startsWith(QLatin1String("rel:"))) {
        number = text.mid(4);
    }
    bool ok = false;
    t.value = number.toDouble(&ok);
    if (!ok || t.value < 0) {
        if (why)
            *why = QStringLiteral("'%1' is not a tolerance (a relative share like 0.01, abs:0.5 "
                                  "or precision:ms)")
                       .arg(text);
        return std::nullopt;
    }
    return t;
}

QJsonObject ParityMapping::toSpec() const
{
    QJsonObject tolerancesJson;
    for (auto it = tolerances.cbegin(); it != tolerances.cend(); ++it)
        tolerancesJson.insert(it.key(), it.value().toString());
    QJsonObject normaliseJson;
    for (auto it = normalise.cbegin(); it != normalise.cend(); ++it)
        normaliseJson.insert(it.key(), it.value());
    return {{QStringLiteral("onprem"), onprem.toString()},
            {QStringLiteral("cloud"), cloud.toString()},
            {QStringLiteral("key"), QJsonArray::fromStringList(key)},
            {QStringLiteral("columns"), QJsonArray::fromStringList(columns)},
            {QStringLiteral("exclude"), QJsonArray::fromStringList(exclude)},
            {QStringLiteral("tolerances"), tolerancesJson},
            {QStringLiteral("normalise"), normaliseJson},
            {QStringLiteral("where"), where}};
}

namespace {
QStringList stringList(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &x : v.toArray())
        out << x.toString();
    return out;
}
} // namespace

std::optional<ParityMapping> ParityMapping::fromSetting(const ParitySetting &s, QString *why)
{
    ParityMapping m;
    m.pipeline = s.name;
    const auto onprem = TableRef::parse(s.spec.value(QStringLiteral("onprem")).toString(), why);
    const auto cloud = TableRef::parse(s.spec.value(QStringLiteral("cloud")).toString(), why);
    if (!onprem || !cloud)
        return std::nullopt;
    m.onprem = *onprem;
    m.cloud = *cloud;
    m.key = stringList(s.spec.value(QStringLiteral("key")));
    m.columns = stringList(s.spec.value(QStringLiteral("columns")));
    m.exclude = stringList(s.spec.value(QStringLiteral("exclude")));
    const QJsonObject tolerancesJson = s.spec.value(QStringLiteral("tolerances")).toObject();
    for (auto it = tolerancesJson.begin(); it != tolerancesJson.end(); ++it) {
        const auto t = Tolerance::parse(it.value().toString(), why);
        if (!t)
            return std::nullopt;
        m.tolerances.insert(it.key(), *t);
    }
    const QJsonObject normaliseJson = s.spec.value(QStringLiteral("normalise")).toObject();
    for (auto it = normaliseJson.begin(); it != normaliseJson.end(); ++it)
        m.normalise.insert(it.key(), it.value().toString());
    m.where = s.spec.value(QStringLiteral("where")).toString();
    return m;
}

QString ParityMapping::describe() const
{
    QStringList parts{QStringLiteral("onprem %1").arg(onprem.toString()),
                      QStringLiteral("cloud %1").arg(cloud.toString()),
                      QStringLiteral("key %1").arg(key.join(QLatin1Char(',')))};
    if (!columns.isEmpty())
        parts << QStringLiteral("columns %1").arg(columns.join(QLatin1Char(',')));
    if (!exclude.isEmpty())
        parts << QStringLiteral("exclude %1").arg(exclude.join(QLatin1Char(',')));
    for (auto it = tolerances.cbegin(); it != tolerances.cend(); ++it)
        parts << QStringLiteral("tolerance %1=%2").arg(it.key(), it.value().toString());
    for (auto it = normalise.cbegin(); it != normalise.cend(); ++it)
        parts << QStringLiteral("normalise %1=%2").arg(it.key(), it.value());
    if (!where.isEmpty())
        parts << QStringLiteral("where %1").arg(where);
    return parts.join(QStringLiteral("; "));
}

} // namespace daybreak
