#pragma once

#include "Inventory.h"
#include "ParityResult.h"

#include <QByteArray>
#include <QDateTime>

// The embedded demo inventory (resources/demo-inventory.json).
QByteArray demoInventoryJson();
// Several weeks of dual-run comparisons ending the night before `now`, for every pipeline that
// starts dual-running or cut over. One pipeline spikes on the latest quarter-end run so the
// gate has something to hold.
QList<ParityResult> demoParityHistory(const Inventory &inventory, const QDateTime &now, const QString &actor);
