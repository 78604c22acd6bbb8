#pragma once

#include "InventoryReader.h"

#include <QTime>

namespace daybreak {

// dbt's manifest.json (schema v7 to v12, as dbt writes it) as an inventory. Models, seeds,
// snapshots and sources are pipelines and `depends_on.nodes` their reads; tests, disabled nodes
// and everything else are left out, and an ephemeral model is left out with its reads passed
// through to its readers. Each exposure is what the business reads: a report pipeline, due at
// its `meta.daybreak.sla` ("06:00") or at the default. The group is the package and the fqn
// folder ("analytics:marts/finance"); the owner `meta.owner`, else the dbt group's owner. Each
// pipeline carries its dbt unique_id as the tag "dbt:<unique_id>", which run results and
// re-imports find it by. Durations are neutral until history teaches better.
class DbtManifest
{
public:
    struct Options
    {
        QTime defaultSla = QTime(6, 0);
        QString timezone = QStringLiteral("UTC");
    };

    // Whether `data` looks like a dbt manifest (its metadata names the manifest schema).
    static bool isManifest(const QByteArray &data);
    static InventoryReadResult read(const QByteArray &data, const QString &fileName,
                                    const Options &options);

    static QString tagFor(const QString &uniqueId) { return QStringLiteral("dbt:") + uniqueId; }
};

} // namespace daybreak
