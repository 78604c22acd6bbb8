// daybreakctl-commands: every daybreakctl command, run by the daybreakctl launcher
// (Launcher.cpp) for all but `route`, with the same arguments.
#include "CommandLine.h"
#include "CommandTable.h"
#include "CtlContext.h"
#include "Version.h"

#include <QCoreApplication>
#include <QGuiApplication>

using namespace daybreak;

namespace {
const char kHelp[] =
    "daybreakctl - Daybreak's command line for leads, operators and the orchestrator\n"
    "\n"
    "Usage: daybreakctl COMMAND [ARGS] [--store URL] [--json]\n"
    "\n"
    "  init [--demo | --inventory FILE]    create the store (and load an inventory)\n"
    "  import FILE [--allow-removals]      load an inventory (JSON or CSV) into the store\n"
    "  import manifest.json | AIRFLOW-DIR [--apply] [--default-sla HH:MM] [--timezone Z]\n"
    "                                      dbt or Airflow: the inventory (a reviewed diff when\n"
    "                                      the store has one; --apply writes it)\n"
    "  import run_results.json | AIRFLOW-DIR --runs [--side onprem|cloud]   run history\n"
    "  validate [FILE]                     check a file, or the store's inventory and promises\n"
    "  verify                              audit triggers in place, every pointer backed by its\n"
    "                                      audit rows (exit 1 with every finding)\n"
    "  status [ID]                         every pipeline's state, or one in detail\n"
    "  route ID [--timeout S] [--max-age 24h] [--strict] [--caller NAME]\n"
    "                                      print the canonical side: onprem or cloud; when the\n"
    "                                      store does not answer within --timeout (2 s), from\n"
    "                                      this host's last-known routing (said on stderr)\n"
    "  dual-run ID                         start the cloud shadow run\n"
    "  cutover ID [--reason TEXT]          make the cloud side canonical\n"
    "  rollback ID --reason TEXT [--break-glass]\n"
    "                                      make on-prem canonical again\n"
    "  decommission ID                     retire the on-prem side\n"
    "        --dry-run on any of these four, on wave assign and on import: every rule checked\n"
    "        against the live store, what would happen said, nothing written, the same exit\n"
    "  request cutover|rollback|decommission ID --reason TEXT [--json]\n"
    "                                      four eyes (the inventory's approvals): a pending\n"
    "                                      request another operator decides; prints its id\n"
    "  approve REQUEST                     carry it out, every rule checked again (approver)\n"
    "  reject REQUEST --reason TEXT        close it\n"
    "  requests [--all] [--json]           pending requests (--all: decided and expired too)\n"
    "  parity record ID --date D --onprem-rows N --cloud-rows N [--mismatched-rows N] "
    "[--max-rel-diff X]\n"
    "  parity import FILE.csv              comparisons in bulk (all or nothing)\n"
    "  parity source add NAME URL [--password-file F] | list | remove NAME | test NAME\n"
    "                                      the warehouses parity diffs read (no passwords kept)\n"
    "  parity map ID --onprem SRC:schema.table --cloud SRC:schema.table --key COL[,COL]\n"
    "      [--columns C,..] [--exclude C,..] [--tolerance COL=REL|abs:X|precision:ms]\n"
    "      [--normalise COL=rtrim|lower] [--where \"ds = :date\"] [--reason TEXT]\n"
    "  parity map list | map remove ID     what each pipeline's diff compares\n"
    "  parity map import ONPREM-MANIFEST CLOUD-MANIFEST --onprem SRC --cloud SRC [--apply]\n"
    "                                      mappings from dbt: relation_name and the key\n"
    "  parity diff ID [--date D] [--json] [--record]\n"
    "                                      measure parity inside both warehouses\n"
    "  parity status [ID]                  the parity gate of each pipeline\n"
    "  parity accept ID --date D --reason TEXT\n"
    "  parity explain ID --date D --cause legacy_bug|new_bug --reason TEXT\n"
    "  audit [ID]                          the audit log, oldest first\n"
    "  wave add --date D [--name N] [--capacity N] [--max-high-risk N]\n"
    "  wave list | validate                the plan, in cutover order; every finding\n"
    "  wave status [WAVE] [--json]         the weekend's wave as a live runbook: each member's\n"
    "                                      steps, who did them and when, next, blocked and why\n"
    "  wave assign ID WAVE | unassign ID | remove WAVE | rename WAVE NEW\n"
    "  wave auto --from D [--capacity N] [--max-high-risk N] [--dry-run]\n"
    "  report --format pdf|html|md|csv|dot --out FILE [--wave W] [--select S]\n"
    "  graph --format svg|png|json --out FILE [--select S] [--collapse all|overview|G,...] "
    "[--no-groups]\n"
    "  run-event ID --side onprem|cloud --state started|succeeded|failed [--at ISO-8601] [--date "
    "D]\n"
    "  run-event --openlineage FILE|-      OpenLineage run events (one or a batch), mapped\n"
    "  sla [--date D]                      tonight's 6am projection and alerts (exit 1 when at "
    "risk)\n"
    "  sla ack ALERT-ID                    acknowledge an alert\n"
    "  sla backtest [--from D] [--to D] [--step MIN]   recorded nights replayed as if live:\n"
    "                                      flags, misses, false alarms, p95 coverage\n"
    "  simulate-night [--speed N] [--seed S] [--date D]   the demo orchestrator\n"
    "  watch [--interval S] [--grace M] [--silence M] [--lease S]\n"
    "        [--listen HOST:PORT --token-file F]  OpenLineage in, /metrics and /healthz out\n"
    "                                      the unattended sensors: late starts, overruns, a "
    "silent\n"
    "                                      orchestrator, at-risk reports; until SIGTERM/SIGINT\n"
    "  notify add NAME webhook|slack URL | pagerduty ROUTING-KEY | command PATH\n"
    "             | email ADDRESS --smtp HOST:PORT [--starttls] [--from ADDRESS]\n"
    "         [--reports IDS] [--owners O] [--min-severity critical] [--escalate-after MIN]\n"
    "         [--requests]  (the approvers' channel: also each change request that waits)\n"
    "  notify list | remove NAME | test NAME   where the watch delivers alerts (test: exit 1\n"
    "                                      when the receiver fails)\n"
    "  map add NAMESPACE JOB-PATTERN --pipeline ID|--same-name --side onprem|cloud\n"
    "  map list | remove ID | unmapped     which OpenLineage job reports on which pipeline and "
    "side\n"
    "  whoami                              the store's user and the Daybreak roles they hold\n"
    "  complete commands | subcommands COMMAND | pipelines | waves | groups | owners\n"
    "           | requests | channels      one word a line, for the shell's completion\n"
    "\n"
    "status and report take --select S too: +id, id+, 2+id, @id, group:G, owner:O, state:S,\n"
    "wave:W; a space for union, a comma for intersection.\n"
    "State changes also take --expect-version N: refuse with exit 5 if the routing pointer moved.\n"
    "Store: --store URL (a SQLite file, or postgresql://user@host:port/db?sslmode=...), else\n"
    "$DAYBREAK_STORE, else the per-user default file. PostgreSQL passwords come from PGPASSWORD\n"
    "or ~/.pgpass. --read-only opens the store as a viewer.\n"
    "Exit codes: 0 done, 1 validation problems, 2 bad usage or input, 3 unknown pipeline or wave,\n"
    "4 refused by a rule, 5 concurrent change, 6 store unavailable.\n";

// Qt's GUI start (reports and pictures) warns that XDG_RUNTIME_DIR is unset on every cron job and
// CI run, where it never is, and then uses a folder of its own: a warning nobody can act on, on
// the stderr that scripts read for Daybreak's own words. Every other message passes.
QtMessageHandler qtHandler = nullptr;
void quietRuntimeDir(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtWarningMsg &&
        message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR not set")))
        return;
    qtHandler(type, context, message);
}
} // namespace

int main(int argc, char *argv[])
{
    qtHandler = qInstallMessageHandler(quietRuntimeDir);
    // Reports draw text and pictures, which needs a GUI application; without a display the
    // program picks the offscreen platform itself, so cron jobs and CI can render them.
    bool drawing = false;
    for (int i = 1; i < argc; ++i)
        drawing = drawing || qstrcmp(argv[i], "report") == 0 || qstrcmp(argv[i], "graph") == 0;
    if (drawing && qEnvironmentVariableIsEmpty("DISPLAY") &&
        qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
        qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> application(drawing ? new QGuiApplication(argc, argv)
                                                          : new QCoreApplication(argc, argv));
    QCoreApplication::setApplicationName(QStringLiteral("daybreak"));
    QCoreApplication::setApplicationVersion(daybreakVersion());

    QStringList args = QCoreApplication::arguments();
    const QString program = args.takeFirst();
    if (args.size() == 1 &&
        (args.first() == QLatin1String("--version") || args.first() == QLatin1String("-V"))) {
        fputs(qPrintable(versionLine(QStringLiteral("daybreakctl")) + QLatin1Char('\n')), stdout);
        return ExitDone;
    }
    const qsizetype at = commandIndex(args);
    if (at < 0) {
        const bool help =
            args.contains(QStringLiteral("--help")) || args.contains(QStringLiteral("-h"));
        (help ? fputs(kHelp, stdout) : fputs(kHelp, stderr));
        return help ? ExitDone : ExitBadInput;
    }
    const QString command = args.takeAt(at);
    args.prepend(program + QLatin1Char(' ') + command);

    const CommandEntry *entry = findCommand(command);
    CtlContext ctx(args);
    if (!entry)
        return ctx.usage(QStringLiteral("unknown command '%1'").arg(command));
    if (entry->subcommands && !entry->runsAlone &&
        (args.contains(QStringLiteral("--help")) || args.contains(QStringLiteral("-h"))) &&
        ctx.peekSubcommand().isEmpty()) {
        fputs(qPrintable(subcommandHelp(*entry)), stdout);
        return ExitDone;
    }
    try {
        const int code = runCommand(*entry, ctx);
        // route keeps the file itself, off its deadline; the watch keeps it on every run.
        if (code != ExitStore && command != QLatin1String("route") &&
            command != QLatin1String("watch"))
            ctx.rememberRouting();
        return code;
    } catch (const StoreError &e) { // a read that failed; every write reports through its Outcome
        return ctx.fail(ExitStore, QStringLiteral("store unavailable: %1").arg(e.message()));
    }
}
