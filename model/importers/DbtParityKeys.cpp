#include "DbtParityKeys.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace daybreak {

namespace {

// `"db"."schema"."table"`, `` `schema`.`table` `` or `db.schema.table`: the last two parts.
QStringList relationParts(const QString &relation)
{
    QStringList parts;
    QString current;
    QChar quote;
    for (const QChar c : relation) {
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
            else
                current += c;
        } else if (c == QLatin1Char('"') || c == QLatin1Char('`') || c == QLatin1Char('[')) {
            quote = c == QLatin1Char('[') ? QLatin1Char(']') : c;
        } else if (c == QLatin1Char('.')) {
            parts << current;
            current.clear();
        } else {
            current += c;
        }
    }
    parts << current;
    return parts;
}

bool isColumn(const QString &name)
{
    static const QRegularExpression word(QStringLiteral("^[A-Za-z_][A-Za-z0-9_$]*$"));
    return word.match(name).hasMatch();
}

QStringList metaKey(const QJsonObject &node)
{
    for (const QJsonObject &meta :
         {node.value(QStringLiteral("meta")).toObject(), node.value(QStringLiteral("config"))
                                                             .toObject()
                                                             .value(QStringLiteral("meta"))
                                                             .toObject()}) {
        const QJsonValue key =
            meta.value(QStringLiteral("daybreak")).toObject().value(QStringLiteral("key"));
        if (key.isString())
            return key.toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        if (key.isArray()) {
            QStringList out;
            for (const QJsonValue &v : key.toArray())
                out << v.toString();
            return out;
        }
    }
    return {};
}

QStringList primaryKey(const QJsonObject &node)
{
    for (const QJsonValue &c : node.value(QStringLiteral("constraints")).toArray()) {
        const QJsonObject constraint = c.toObject();
        if (constraint.value(QStringLiteral("type")).toString() == QLatin1String("primary_key")) {
            QStringList out;
            for (const QJsonValue &col : constraint.value(QStringLiteral("columns")).toArray())
                out << col.toString();
            if (!out.isEmpty())
                return out;
        }
    }
    QStringList out;
    const QJsonObject columns = node.value(QStringLiteral("columns")).toObject();
    for (auto it = columns.begin(); it != columns.end(); ++it)
        for (const QJsonValue &c :
             it.value().toObject().value(QStringLiteral("constraints")).toArray())
            if (c.toObject().value(QStringLiteral("type")).toString() ==
                QLatin1String("primary_key"))
                out << it.key();
    return out;
}

} // namespace

DbtParityRead readDbtParityKeys(const QByteArray &manifest, const QString &fileName)
{
    DbtParityRead read;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(manifest, &error);
    if (!doc.isObject()) {
        read.error = QStringLiteral("%1: not a dbt manifest (%2 at offset %3)")
                         .arg(fileName, error.errorString())
                         .arg(error.offset);
        return read;
    }
    const QJsonObject nodes = doc.object().value(QStringLiteral("nodes")).toObject();
    if (nodes.isEmpty()) {
        read.error = QStringLiteral("%1: no nodes: not a dbt manifest").arg(fileName);
        return read;
    }
    // unique tests, by the model they test
    QHash<QString, QStringList> uniqueTests;
    QHash<QString, QString> uniqueKind;
    for (auto it = nodes.begin(); it != nodes.end(); ++it) {
        const QJsonObject n = it.value().toObject();
        if (n.value(QStringLiteral("resource_type")).toString() != QLatin1String("test"))
            continue;
        const QJsonObject meta = n.value(QStringLiteral("test_metadata")).toObject();
        const QString name = meta.value(QStringLiteral("name")).toString();
        const QJsonObject kwargs = meta.value(QStringLiteral("kwargs")).toObject();
        QStringList key;
        if (name == QLatin1String("unique")) {
            const QString column = kwargs.value(QStringLiteral("column_name")).toString();
            if (isColumn(column))
                key << column;
        } else if (name == QLatin1String("unique_combination_of_columns")) {
            for (const QJsonValue &c :
                 kwargs.value(QStringLiteral("combination_of_columns")).toArray())
                key << c.toString();
        }
        if (key.isEmpty())
            continue;
        QString model = n.value(QStringLiteral("attached_node")).toString();
        if (model.isEmpty())
            for (const QJsonValue &d : n.value(QStringLiteral("depends_on"))
                                           .toObject()
                                           .value(QStringLiteral("nodes"))
                                           .toArray())
                if (d.toString().startsWith(QLatin1String("model.")) && model.isEmpty())
                    model = d.toString();
        if (model.isEmpty())
            continue;
        // one column beats a combination; the first found of each kind stays
        const QString kind = name == QLatin1String("unique")
                                 ? QStringLiteral("unique test")
                                 : QStringLiteral("unique_combination_of_columns test");
        if (!uniqueTests.contains(model) ||
            (uniqueKind.value(model) != QLatin1String("unique test") && key.size() == 1)) {
            uniqueTests.insert(model, key);
            uniqueKind.insert(model, kind);
        }
    }
    for (auto it = nodes.begin(); it != nodes.end(); ++it) {
        const QJsonObject n = it.value().toObject();
        if (n.value(QStringLiteral("resource_type")).toString() != QLatin1String("model"))
            continue;
        if (n.value(QStringLiteral("config"))
                .toObject()
                .value(QStringLiteral("materialized"))
                .toString() == QLatin1String("ephemeral"))
            continue; // no relation of its own
        DbtParityModel m;
        m.uniqueId = it.key();
        const QString relation = n.value(QStringLiteral("relation_name")).toString();
        if (!relation.isEmpty()) {
            const QStringList parts = relationParts(relation);
            m.table = parts.constLast();
            m.schema = parts.size() >= 2 ? parts.at(parts.size() - 2) : QString();
        } else {
            m.compiled = false;
            m.schema = n.value(QStringLiteral("schema")).toString();
            m.table = n.value(QStringLiteral("alias")).toString();
            if (m.table.isEmpty())
                m.table = n.value(QStringLiteral("name")).toString();
        }
        if (const QStringList k = metaKey(n); !k.isEmpty()) {
            m.key = k;
            m.keyFrom = QStringLiteral("meta.daybreak.key");
        } else if (const QStringList pk = primaryKey(n); !pk.isEmpty()) {
            m.key = pk;
            m.keyFrom = QStringLiteral("primary_key constraint");
        } else if (uniqueTests.contains(m.uniqueId)) {
            m.key = uniqueTests.value(m.uniqueId);
            m.keyFrom = uniqueKind.value(m.uniqueId);
        }
        for (QString &k : m.key)
            k = k.trimmed();
        read.models.insert(m.uniqueId, m);
    }
    return read;
}

} // namespace daybreak
