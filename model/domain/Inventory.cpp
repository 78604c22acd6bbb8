#include "Inventory.h"

#include <QTimeZone>

#include <utility>

namespace daybreak {

void Inventory::setPipelines(QList<Pipeline> pipelines)
{
    m_pipelines = std::move(pipelines);
    reindex();
}

void Inventory::addPipeline(Pipeline pipeline)
{
    m_pipelines.append(std::move(pipeline));
    reindex();
}

const Pipeline *Inventory::find(const QString &id) const
{
    const auto it = m_index.constFind(id);
    return it == m_index.constEnd() ? nullptr : &m_pipelines.at(*it);
}

QStringList Inventory::downstreamsOf(const QString &id) const
{
    return m_downstreams.value(id);
}

void Inventory::reindex()
{
    m_index.clear();
    m_downstreams.clear();
    for (qsizetype i = 0; i < m_pipelines.size(); ++i) {
        const Pipeline &p = m_pipelines.at(i);
        m_index.insert(p.id, i); // first one wins; the reader reports duplicates
        for (const QString &up : p.upstreams)
            m_downstreams[up].append(p.id);
    }
}

} // namespace daybreak
