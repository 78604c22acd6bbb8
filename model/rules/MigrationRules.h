#pragma once

#include "Calendar.h"
#include "ChangeWindow.h"
#include "Decision.h"
#include "ParityGate.h"
#include "StoreTypes.h"

#include <QDateTime>

namespace daybreak {

enum class MigrationAction
{
    DualRun,
    Cutover,
    Rollback,
    Decommission
};

QString actionName(MigrationAction action); // "dual_run", "cutover", ...
std::optional<MigrationAction> actionFromName(const QString &name);
State targetState(MigrationAction action);

struct ActionRequest
{
    QString pipeline;
    QString reason;
    bool breakGlass = false;
    // The change request this carries out, approved by a second operator (0: none).
    qint64 approvedRequest = 0;
};

// The rules of DESIGN.md §3 for routing changes, as pure functions of a snapshot and an instant.
// MigrationService is their only caller that writes; views call them to grey out actions.
class MigrationRules
{
public:
    MigrationRules(const StoreSnapshot &snapshot, QDateTime now);

    Decision check(MigrationAction action, const ActionRequest &request) const;

    ParityGate::Evaluation gate(const QString &pipeline) const
    {
        return gateOf(m_snapshot, pipeline, Calendar(m_snapshot.inventory).localDate(m_now));
    }
    static ParityGate::Evaluation gateOf(const StoreSnapshot &snapshot, const QString &pipeline,
                                         const QDate &asOf);
    ChangeWindow changeWindow() const;
    // Four eyes (the inventory's `approvals`): whether `action` on `pipeline` needs a second
    // operator. A break-glass rollback never does.
    static bool needsApproval(const Inventory &inventory, const Pipeline &pipeline,
                              MigrationAction action, bool breakGlass);
    // Upstreams that are neither canonical in the cloud nor staying on-prem.
    QStringList upstreamsNotCutOver(const QString &pipeline) const
    {
        return upstreamsNotCutOver(m_snapshot, pipeline);
    }
    static QStringList upstreamsNotCutOver(const StoreSnapshot &snapshot, const QString &pipeline);
    // Downstreams already canonical in the cloud, which would read this pipeline across sides.
    QStringList cloudDownstreams(const QString &pipeline) const;

private:
    void checkState(Decision &d, const Pipeline &p, State current, MigrationAction action) const;
    void checkWindow(Decision &d, const ActionRequest &request, MigrationAction action) const;
    void checkPlanned(Decision &d, const QString &pipeline) const;

    const StoreSnapshot &m_snapshot;
    QDateTime m_now;
};

} // namespace daybreak
