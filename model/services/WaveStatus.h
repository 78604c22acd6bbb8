#pragma once

#include "ChangeRequest.h"
#include "StoreTypes.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace daybreak {

class Store;

// Where the weekend's wave stands, as a live runbook: each member in cutover order with its
// steps (dual-run gate met, pre-check, cutover, first cloud run succeeded, parity of the first
// night), who did each and when, what is next and what is blocked and why. The console's Wave
// tab, the war room's main panel during a change window and `daybreakctl wave status` all show
// this one computation.
struct WaveStatus
{
    struct Step
    {
        bool done = false;
        QString by;     // who did it, when known
        QDateTime at;   // when
        QString detail; // "7 of 7 clean", "would go", "succeeded 01:42", ...
    };
    enum class Standing
    {
        CutOver,          // the cloud is canonical
        RolledBack,       // cut over in this window, then rolled back
        Next,             // the first member whose cutover would go now
        Ready,            // would go now, after the next
        AwaitingApproval, // a request waits for a second operator
        Blocked,          // a rule refuses it now (reasons below)
    };

    struct Member
    {
        QString pipeline;
        QString owner;
        Risk risk = Risk::Low;
        State state = State::OnPrem;
        Standing standing = Standing::Blocked;
        Step gate, precheck, cutover, firstCloudRun, firstNightParity;
        QStringList blockedBecause;
        std::optional<ChangeRequest> pendingRequest;
        // Changes to what parity compares (mapping, tolerance, normalisation) made while the gate
        // was failing, with the gate green now: each to be reviewed before the cutover.
        QStringList gateFlags;
    };

    Wave wave;
    QList<Member> members;
    int cutOver = 0;
    int rolledBack = 0;
    int toGo = 0;
    bool windowOpen = false;              // now inside the wave's window
    QDateTime windowCloses;               // the wave's window end
    qint64 minutesLeft = 0;               // until then (0 once closed)
    QList<ChangeRequest> pendingRequests; // the wave's, oldest first

    // "5 of 8 cut over, 1 rolled back, 2 to go; window closes Sun 23:59, 31 h left"
    QString progressText(const QTimeZone &zone) const;
    static QString standingName(Standing standing); // cut over, rolled back, next, ...
    QJsonObject toJson(const QTimeZone &zone) const;

    // The wave a weekend is about at `now`: the one whose window is open, else the next to come,
    // else the last one; none without waves.
    static const Wave *currentWave(const WavePlan &plan, const QDateTime &now);
    // Reads what it needs (audit log, the window's run events, the requests) from the store.
    static WaveStatus compute(Store &store, const StoreSnapshot &snapshot, const Wave &wave,
                              const QDateTime &now);
    // The computation itself, on what was read.
    static WaveStatus compute(const StoreSnapshot &snapshot, const Wave &wave,
                              const QList<AuditEntry> &audit, const QList<RunEvent> &runs,
                              const QList<ChangeRequest> &requests, const QDateTime &now);
};

} // namespace daybreak
