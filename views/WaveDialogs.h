#pragma once

#include "WavePlanner.h"

#include <QDate>
#include <QString>

#include <functional>
#include <optional>

class QWidget;

namespace daybreak {

// Small dialogs of the wave board.
namespace WaveDialogs {

struct NewWave
{
    QString name;
    QDate date;
    int capacity = kDefaultWaveCapacity;
    int maxHighRisk = kDefaultWaveMaxHighRisk;
};
std::optional<NewWave> askNewWave(QWidget *parent, const QDate &suggested);

// Shows the planner's preview for the chosen options (recomputed as they change) and returns
// the options when the lead applies it.
std::optional<WavePlanner::Options>
askAutoPlan(QWidget *parent, const QDate &from,
            const std::function<QString(const WavePlanner::Options &)> &preview);

} // namespace WaveDialogs

} // namespace daybreak
