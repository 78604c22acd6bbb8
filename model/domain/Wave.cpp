#include "Wave.h"

#include <algorithm>

namespace daybreak {

WavePlan::WavePlan(QList<Wave> waves) : m_waves(std::move(waves))
{
    reindex();
}

void WavePlan::reindex()
{
    std::stable_sort(m_waves.begin(), m_waves.end(), [](const Wave &a, const Wave &b) {
        return a.date != b.date ? a.date < b.date : a.name < b.name;
    });
    m_waveOf.clear();
    m_index.clear();
    for (int i = 0; i < m_waves.size(); ++i) {
        m_index.insert(m_waves.at(i).name, i);
        for (const QString &id : m_waves.at(i).members)
            m_waveOf.insert(id, m_waves.at(i).name);
    }
}

const Wave *WavePlan::find(const QString &name) const
{
    const auto it = m_index.constFind(name);
    return it == m_index.constEnd() ? nullptr : &m_waves.at(*it);
}

int WavePlan::indexOf(const QString &waveName) const
{
    return m_index.value(waveName, -1);
}

int WavePlan::waveIndexOf(const QString &pipeline) const
{
    const auto it = m_waveOf.constFind(pipeline);
    return it == m_waveOf.constEnd() ? -1 : m_index.value(*it, -1);
}

void WavePlan::assign(const QString &pipeline, const QString &waveName)
{
    const int target = indexOf(waveName);
    if (target < 0)
        return;
    const int current = waveIndexOf(pipeline);
    if (current == target)
        return;
    if (current >= 0)
        m_waves[current].members.removeAll(pipeline);
    m_waves[target].members.append(pipeline);
    m_waveOf.insert(pipeline, waveName);
}

void WavePlan::unassign(const QString &pipeline)
{
    const int current = waveIndexOf(pipeline);
    if (current < 0)
        return;
    m_waves[current].members.removeAll(pipeline);
    m_waveOf.remove(pipeline);
}

void WavePlan::addWave(Wave wave)
{
    m_waves.append(std::move(wave));
    reindex();
}

void WavePlan::removeWave(const QString &name)
{
    m_waves.erase(std::remove_if(m_waves.begin(), m_waves.end(),
                                 [&](const Wave &w) { return w.name == name; }),
                  m_waves.end());
    reindex();
}

} // namespace daybreak
