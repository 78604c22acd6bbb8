#pragma once

#include "ChangeRequest.h"
#include "ChangeWindowPolicy.h"
#include "Pipeline.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

namespace daybreak {

inline constexpr auto kInventoryFormat = "daybreak-inventory/1";

// The pipelines of one platform, their time zone and the change-window policy that governs them.
class Inventory
{
public:
    QString timezone = QStringLiteral("UTC");
    ChangeWindowPolicy changeWindow;
    int parityRunsRequired = 7;
    ApprovalPolicy approvals = ApprovalPolicy::None; // four eyes on which routing changes

    const QList<Pipeline> &pipelines() const { return m_pipelines; }
    void setPipelines(QList<Pipeline> pipelines);
    void addPipeline(Pipeline pipeline);

    const Pipeline *find(const QString &id) const;
    bool contains(const QString &id) const { return m_index.contains(id); }
    int size() const { return int(m_pipelines.size()); }
    // Ids of the pipelines that read `id` directly.
    QStringList downstreamsOf(const QString &id) const;

private:
    void reindex();

    QList<Pipeline> m_pipelines;
    QHash<QString, qsizetype> m_index;
    QHash<QString, QStringList> m_downstreams;

public:
    bool operator==(const Inventory &) const = default;
};

} // namespace daybreak
