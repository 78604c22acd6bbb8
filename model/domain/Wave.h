#pragma once

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace daybreak {

inline constexpr int kDefaultWaveCapacity = 8;
inline constexpr int kDefaultWaveMaxHighRisk = 2;

// A named weekend change window holding the pipelines to cut over in it.
struct Wave
{
    QString name;
    QDate date;            // the local day the wave starts
    QDateTime windowStart; // in the inventory's time zone
    QDateTime windowEnd;
    int capacity = kDefaultWaveCapacity;
    int maxHighRisk = kDefaultWaveMaxHighRisk;
    QStringList members; // as assigned; the cutover order is computed by WaveRules

    bool operator==(const Wave &) const = default;
};

// Waves in date order with a pipeline -> wave index.
class WavePlan
{
public:
    WavePlan() = default;
    explicit WavePlan(QList<Wave> waves);

    const QList<Wave> &waves() const { return m_waves; }
    const Wave *find(const QString &name) const;
    int indexOf(const QString &waveName) const; // position in date order, -1 if none
    // The wave a pipeline is planned in, or empty.
    QString waveOf(const QString &pipeline) const { return m_waveOf.value(pipeline); }
    int waveIndexOf(const QString &pipeline) const;

    // Hypothetical edits, for checks and planners; they keep date order.
    void assign(const QString &pipeline, const QString &waveName);
    void unassign(const QString &pipeline);
    void addWave(Wave wave);
    void removeWave(const QString &name);

private:
    void reindex();

    QList<Wave> m_waves;
    QHash<QString, QString> m_waveOf;
    QHash<QString, int> m_index;

public:
    bool operator==(const WavePlan &) const = default;
};

} // namespace daybreak
