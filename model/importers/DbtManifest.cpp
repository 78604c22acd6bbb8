#include "DbtManifest.h"

#include "ImportJson.h"
#include "PipelineFields.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace daybreak {

namespace {
// The value of `key` in `meta`, or in `config.meta` (where dbt 1.10 moves it).
QJsonValue metaValue(const QJsonObject &node, const QString &key)
{
    const QJsonValue direct = node.value(QStringLiteral("meta")).toObject().value(key);
    if (!direct.isUndefined() && !direct.isNull())
        return direct;
    return node.value(QStringLiteral("config"))
        .toObject()
        .value(QStringLiteral("meta"))
        .toObject()
        .value(key);
}

QString ownerName(const QJsonObject &owner)
{
    const QString name = owner.value(QStringLiteral("name")).toString().trimmed();
    return name.isEmpty() ? owner.value(QStringLiteral("email")).toString().trimmed() : name;
}

struct Node
{
    QString uniqueId;
    QString type; // model, seed, snapshot, source, exposure
    QJsonObject json;
    QString id;
    QStringList reads; // unique ids
    bool ephemeral = false;
};
// One manifest read in the order dbt builds it: the schema version, the groups' owners, the
// nodes that run (models, seeds, snapshots, sources, exposures), their ids, and one pipeline
// per node that is not ephemeral.
class ManifestReader
{
public:
    ManifestReader(const QString &fileName, const DbtManifest::Options &options, Problems &problems)
        : m_fileName(fileName), m_options(options), m_problems(problems)
    {
    }

    std::optional<QList<Pipeline>> read(const QByteArray &data)
    {
        const std::optional<QJsonObject> parsed = ImportJson::object(data, m_fileName, m_problems);
        if (!parsed || !readableSchema(*parsed))
            return std::nullopt;
        readGroupOwners(*parsed);
        take(parsed->value(QStringLiteral("nodes")).toObject(), false);
        take(parsed->value(QStringLiteral("sources")).toObject(), false);
        take(parsed->value(QStringLiteral("exposures")).toObject(), true);
        if (m_nodes.isEmpty()) {
            error({}, QStringLiteral("nodes"),
                  QStringLiteral("no models, seeds, snapshots, sources or exposures"));
            return std::nullopt;
        }
        assignIds();
        QList<Pipeline> pipelines;
        for (const Node &n : std::as_const(m_nodes))
            if (!n.ephemeral)
                pipelines.append(pipelineOf(n));
        return pipelines;
    }

private:
    const QString m_fileName;
    const DbtManifest::Options &m_options;
    Problems &m_problems;
    QHash<QString, QString> m_groupOwner; // the dbt groups' owners, for nodes that name a group
    QList<Node> m_nodes;
    QHash<QString, qsizetype> m_indexOf;

    void error(const QString &record, const QString &field, const QString &message)
    {
        m_problems.append({Problem::Severity::Error, m_fileName, 0, 0, record, field, message});
    }

    bool readableSchema(const QJsonObject &root)
    {
        const QString schema = root.value(QStringLiteral("metadata"))
                                   .toObject()
                                   .value(QStringLiteral("dbt_schema_version"))
                                   .toString();
        static const QRegularExpression version(
            QStringLiteral("schemas\\.getdbt\\.com/dbt/manifest/v(\\d+)\\.json"));
        const QRegularExpressionMatch m = version.match(schema);
        if (!m.hasMatch()) {
            error({}, QStringLiteral("metadata.dbt_schema_version"),
                  QStringLiteral("not a dbt manifest (expected a manifest schema URL, found '%1')")
                      .arg(schema));
            return false;
        }
        if (const int v = m.captured(1).toInt(); v < 7 || v > 12) {
            error({}, QStringLiteral("metadata.dbt_schema_version"),
                  QStringLiteral("manifest schema v%1; Daybreak reads v7 to v12 (dbt 1.3 to 1.10)")
                      .arg(v));
            return false;
        }
        return true;
    }

    void readGroupOwners(const QJsonObject &root)
    {
        const QJsonObject groups = root.value(QStringLiteral("groups")).toObject();
        for (auto it = groups.begin(); it != groups.end(); ++it) {
            const QJsonObject g = it.value().toObject();
            m_groupOwner.insert(g.value(QStringLiteral("name")).toString(),
                                ownerName(g.value(QStringLiteral("owner")).toObject()));
        }
    }

    void take(const QJsonObject &section, bool exposures)
    {
        static const QStringList kept{QStringLiteral("model"), QStringLiteral("seed"),
                                      QStringLiteral("snapshot"), QStringLiteral("source")};
        for (auto it = section.begin(); it != section.end(); ++it) {
            const QJsonObject n = it.value().toObject();
            const QString type = n.value(QStringLiteral("resource_type")).toString();
            if (exposures ? type != QLatin1String("exposure") : !kept.contains(type))
                continue; // tests, analyses, operations, unit tests
            const QJsonObject config = n.value(QStringLiteral("config")).toObject();
            if (config.value(QStringLiteral("enabled")) == QJsonValue(false))
                continue;
            Node node;
            node.uniqueId = it.key();
            node.type = type;
            node.json = n;
            node.ephemeral = config.value(QStringLiteral("materialized")).toString() ==
                             QLatin1String("ephemeral");
            for (const QJsonValue &r : n.value(QStringLiteral("depends_on"))
                                           .toObject()
                                           .value(QStringLiteral("nodes"))
                                           .toArray())
                node.reads << r.toString();
            m_indexOf.insert(node.uniqueId, m_nodes.size());
            m_nodes.append(node);
        }
    }

    static QString baseId(const Node &n)
    {
        const QString name = n.json.value(QStringLiteral("name")).toString();
        if (n.type == QLatin1String("source"))
            return ImportJson::slug(n.json.value(QStringLiteral("source_name")).toString() +
                                    QLatin1Char('.') + name);
        return ImportJson::slug(name);
    }

    // Ids: the model's name; a source as dbt's source() names it (source_name.table); the
    // package in front where two packages use one name.
    void assignIds()
    {
        QHash<QString, int> uses;
        for (const Node &n : std::as_const(m_nodes))
            ++uses[baseId(n)];
        QSet<QString> taken;
        for (Node &n : m_nodes) {
            QString id = baseId(n);
            if (uses.value(id) > 1)
                id = ImportJson::slug(n.json.value(QStringLiteral("package_name")).toString() +
                                      QLatin1Char('.') + id);
            for (int k = 2; taken.contains(id); ++k)
                id = baseId(n) + QStringLiteral("-%1").arg(k);
            taken.insert(id);
            n.id = id;
        }
    }

    // An ephemeral model is compiled into its readers: they read what it reads.
    QStringList resolve(const QString &uid, int depth) const
    {
        const auto it = m_indexOf.constFind(uid);
        if (it == m_indexOf.cend() || depth > 64)
            return {}; // disabled, a test, a metric or a semantic model: nothing to run
        const Node &n = m_nodes.at(*it);
        if (!n.ephemeral)
            return {n.id};
        QStringList through;
        for (const QString &r : n.reads)
            through += resolve(r, depth + 1);
        return through;
    }

    // The package, then the folders under it: "jaffle_shop:staging/stripe".
    static QString groupOf(const Node &n)
    {
        QStringList fqn;
        for (const QJsonValue &v : n.json.value(QStringLiteral("fqn")).toArray())
            fqn << v.toString();
        const QString package = n.json.value(QStringLiteral("package_name")).toString();
        const QStringList folder = fqn.mid(1, std::max<qsizetype>(0, fqn.size() - 2));
        return folder.isEmpty() ? package
                                : package + QLatin1Char(':') + folder.join(QLatin1Char('/'));
    }

    // meta.owner; an exposure's own owner; else its dbt group's.
    QString ownerOf(const Node &n) const
    {
        QString owner = metaValue(n.json, QStringLiteral("owner")).toString().trimmed();
        if (owner.isEmpty() && n.type == QLatin1String("exposure"))
            owner = ownerName(n.json.value(QStringLiteral("owner")).toObject());
        if (!owner.isEmpty())
            return owner;
        const QString dbtGroup = n.json.value(QStringLiteral("group")).toString().isEmpty()
                                     ? n.json.value(QStringLiteral("config"))
                                           .toObject()
                                           .value(QStringLiteral("group"))
                                           .toString()
                                     : n.json.value(QStringLiteral("group")).toString();
        return m_groupOwner.value(dbtGroup);
    }

    // An exposure is a report: the default SLA, or its own in meta.daybreak.sla.
    void readSla(const Node &n, Pipeline &p)
    {
        p.sla = m_options.defaultSla;
        const QJsonValue sla =
            metaValue(n.json, QStringLiteral("daybreak")).toObject().value(QStringLiteral("sla"));
        if (sla.isUndefined() || sla.isNull())
            return;
        const QTime t = QTime::fromString(sla.toString(), QStringLiteral("HH:mm"));
        if (!t.isValid() || sla.toString().size() != 5)
            error(p.id, QStringLiteral("meta.daybreak.sla"),
                  QStringLiteral("'%1' is not a time of day (HH:MM, e.g. \"06:00\")")
                      .arg(sla.toVariant().toString()));
        else
            p.sla = t;
    }

    Pipeline pipelineOf(const Node &n)
    {
        Pipeline p;
        p.id = n.id;
        p.name = n.json.value(QStringLiteral("name")).toString();
        if (n.type == QLatin1String("source"))
            p.name =
                n.json.value(QStringLiteral("source_name")).toString() + QLatin1Char('.') + p.name;
        p.group = groupOf(n);
        p.owner = ownerOf(n);
        for (const QString &r : n.reads)
            for (const QString &up : resolve(r, 0))
                if (!p.upstreams.contains(up) && up != p.id)
                    p.upstreams << up;
        p.onpremMinutes = p.cloudMinutes = 10;
        p.tags << DbtManifest::tagFor(n.uniqueId);
        if (n.type == QLatin1String("exposure"))
            readSla(n, p);
        if (p.upstreams.isEmpty())
            p.schedule = QTime(1, 0); // a source is loaded at night; the rest follows its reads
        if (p.id.size() > PipelineFields::kMaxIdLength)
            error(n.uniqueId, QStringLiteral("name"),
                  QStringLiteral("gives an id of %1 characters; at most %2")
                      .arg(p.id.size())
                      .arg(PipelineFields::kMaxIdLength));
        return p;
    }
};
} // namespace

bool DbtManifest::isManifest(const QByteArray &data)
{
    // A cheap look at the start, without parsing a file of many megabytes twice.
    return data.left(4096).contains("schemas.getdbt.com/dbt/manifest/");
}

InventoryReadResult DbtManifest::read(const QByteArray &data, const QString &fileName,
                                      const Options &options)
{
    InventoryReadResult result;
    const std::optional<QList<Pipeline>> pipelines =
        ManifestReader(fileName, options, result.problems).read(data);
    if (!pipelines)
        return result;
    result.inventory.timezone = options.timezone;
    result.inventory.setPipelines(*pipelines);
    InventoryReader::checkGraph(result.inventory, fileName, {}, result.problems);
    return result;
}

} // namespace daybreak
