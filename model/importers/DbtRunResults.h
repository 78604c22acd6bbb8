#pragma once

#include "RunHistory.h"

#include <QByteArray>

namespace daybreak {

// dbt's run_results.json (schema v4 to v6) as run history: every model, seed and snapshot result
// with its start (the first timing's start) and end (the last timing's end); "success" is a
// success, "error" and "fail" a failure; skipped nodes and tests are no run. The results of
// `dbt docs generate`, `compile` or `test` hold no runs and are refused.
class DbtRunResults
{
public:
    static bool isRunResults(const QByteArray &data);
    static RunHistoryRead read(const QByteArray &data, const QString &fileName);
};

} // namespace daybreak
