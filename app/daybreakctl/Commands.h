#pragma once

#include <QDate>

namespace daybreak {

class CtlContext;

// One function per daybreakctl command; each returns its exit code.
int cmdInit(CtlContext &ctx);
int cmdImport(CtlContext &ctx);
int cmdValidate(CtlContext &ctx);
int cmdStatus(CtlContext &ctx);
int cmdRoute(CtlContext &ctx);
int cmdDualRun(CtlContext &ctx);
int cmdCutover(CtlContext &ctx);
int cmdRollback(CtlContext &ctx);
int cmdDecommission(CtlContext &ctx);
int cmdAudit(CtlContext &ctx);
int cmdParity(CtlContext &ctx);
// parity source|map|diff (ParityDiffCommands.cpp)
int parityDiffCommand(CtlContext &ctx, const QString &sub);
int cmdWave(CtlContext &ctx);
int cmdReport(CtlContext &ctx);
int cmdGraph(CtlContext &ctx);
int cmdRunEvent(CtlContext &ctx);
int cmdSla(CtlContext &ctx);
class Store;
// sla --follow: the night, then what changes in it, until SIGTERM or SIGINT (SlaFollow.cpp).
int followNight(CtlContext &ctx, Store &store, const QDate &night);
int cmdSimulateNight(CtlContext &ctx);
int cmdWhoami(CtlContext &ctx);
int cmdVerify(CtlContext &ctx);
int cmdWatch(CtlContext &ctx);
int cmdNotify(CtlContext &ctx);
int cmdMap(CtlContext &ctx);
int cmdRequest(CtlContext &ctx);
int cmdApprove(CtlContext &ctx);
int cmdReject(CtlContext &ctx);
int cmdRequests(CtlContext &ctx);
int cmdComplete(CtlContext &ctx);

} // namespace daybreak
