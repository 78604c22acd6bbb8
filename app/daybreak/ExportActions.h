#pragma once

#include "PlanReport.h"

#include <QString>

class QWidget;

namespace daybreak {

class GraphScene;
struct StoreSnapshot;

// File → Export: each asks where, writes, and returns what the status bar says (empty when the
// user cancelled or the error was shown).
namespace ExportActions {
QString graph(QWidget *parent, GraphScene *scene);
QString report(QWidget *parent, const StoreSnapshot &snapshot, const PlanReport::Options &options);
} // namespace ExportActions

} // namespace daybreak
