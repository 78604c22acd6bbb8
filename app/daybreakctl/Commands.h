#pragma once

#include "CommandTable.h"

#include <QDate>

#include <span>

namespace daybreak {

class CtlContext;

// One function per daybreakctl command, or the table of its sub-commands; each returns its exit
// code.
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
std::span<const SubcommandEntry> paritySubcommands();
// parity source|map|diff (ParityDiffCommands.cpp)
int parityDiffCommand(CtlContext &ctx, const QString &sub);
std::span<const SubcommandEntry> waveSubcommands();
int cmdReport(CtlContext &ctx);
int cmdGraph(CtlContext &ctx);
int cmdRunEvent(CtlContext &ctx);
int cmdSla(CtlContext &ctx); // tonight; its sub-commands are ack and backtest
std::span<const SubcommandEntry> slaSubcommands();
class Store;
// sla --follow: the night, then what changes in it, until SIGTERM or SIGINT (SlaFollow.cpp).
int followNight(CtlContext &ctx, Store &store, const QDate &night);
int cmdSimulateNight(CtlContext &ctx);
int cmdWhoami(CtlContext &ctx);
int cmdVerify(CtlContext &ctx);
int cmdWatch(CtlContext &ctx);
std::span<const SubcommandEntry> notifySubcommands();
std::span<const SubcommandEntry> mapSubcommands();
int cmdRequest(CtlContext &ctx);
int cmdApprove(CtlContext &ctx);
int cmdReject(CtlContext &ctx);
int cmdRequests(CtlContext &ctx);
int cmdComplete(CtlContext &ctx);

} // namespace daybreak
