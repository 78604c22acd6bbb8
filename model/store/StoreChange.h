#pragma once

#include <QDate>
#include <QSet>
#include <QString>

namespace daybreak {

// What a console learns changed in the store since its last read (from the change feed), so
// each view redraws only that. `everything`: read and redraw it all (the first read, an
// inventory change, a feed the console fell behind on).
struct StoreChange
{
    bool everything = false;
    QString why; // when everything: what made it so, for the log

    QSet<QString> routing; // pipelines whose pointer moved
    QSet<QString> parity;  // pipelines with new or resolved comparisons
    bool plan = false;     // the waves, their members or the plan version
    QSet<QString> runs;    // pipelines with new run events
    bool alerts = false;
    bool requests = false; // change requests
    bool audit = false;
    bool watches = false; // a watch's heartbeat

    // Something the snapshot holds (inventory, pointers, parity, plan) changed.
    bool touchesSnapshot() const
    {
        return everything || !routing.isEmpty() || !parity.isEmpty() || plan;
    }
    // Something the 6am view reads (pointers decide the side, run events, alerts).
    bool touchesNight() const
    {
        return everything || !routing.isEmpty() || !runs.isEmpty() || alerts || plan;
    }
    bool isEmpty() const
    {
        return !everything && routing.isEmpty() && parity.isEmpty() && !plan && runs.isEmpty() &&
               !alerts && !requests && !audit && !watches;
    }
    static StoreChange all(const QString &why)
    {
        StoreChange c;
        c.everything = true;
        c.why = why;
        return c;
    }
};

} // namespace daybreak
