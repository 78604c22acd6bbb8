#pragma once

#include "Clock.h"
#include "Decision.h"
#include "ExitCode.h"
#include "Outcome.h"
#include "Problem.h"
#include "Store.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QTextStream>

#include <memory>
#include <optional>

namespace daybreak {

// What every daybreakctl command gets: its parsed arguments, the store, the clock and the streams.
class CtlContext
{
public:
    explicit CtlContext(QStringList commandArgs);

    QCommandLineParser parser;
    QTextStream out;
    QTextStream err;
    SystemClock clock;
    QString actor;

    // Adds --store and --json, parses; on bad usage prints it and returns false.
    bool parse(const QList<QCommandLineOption> &options, const QString &positional = {},
               int minPositional = 0, int maxPositional = 0);
    int parseExit = ExitBadInput; // what to return when parse() is false
    // Removes and returns the first non-option argument: the sub-command of "parity", "wave".
    QString takeSubcommand();
    QString peekSubcommand() const;
    bool json() const { return parser.isSet(QStringLiteral("json")); }
    // --store, else a config file's store (setConfiguredStore), else $DAYBREAK_STORE, else the
    // per-user default file.
    QString storeUrl() const;
    void setConfiguredStore(const QString &url) { m_configuredStore = url; }
    // Opens the store or prints why not; nullptr means exit 6.
    Store *openStore(OpenMode mode = OpenMode::MustExist);
    Store &store() { return *m_store; }
    // After a command that read the store: keeps this host's last-known routing of it
    // (LastKnownRouting.h); a warning on stderr when the file cannot be written.
    void rememberRouting();

    int usage(const QString &message);
    // A calendar date as the CLI takes it: exactly YYYY-MM-DD, years 2000 to 2999 (finding
    // D14: '2026-12-05T00:00', 0001 and 9999 were taken); invalid otherwise.
    static QDate strictDate(const QString &text);
    // The value of a date option (strictDate): invalid when the option is not given, or when it
    // is not a date, which then adds "--date: 'x' is not a date (...)" to `bad`.
    QDate dateOption(const QCommandLineOption &option, QStringList *bad) const;
    int fail(int code, const QString &message);
    int refused(const QString &headline, const Decision &decision);
    // The one mapping from a service's outcome to output and exit code: done (warnings on stderr,
    // the message on stdout unless `quiet`) 0, bad input 2, unknown 3, refused 4 with every
    // reason, conflict 5, store failure 6.
    int finish(const Outcome &outcome, bool quiet = false);
    static int exitCodeOf(Outcome::Kind kind);
    void printProblems(const Problems &problems);
    void printWarnings(const Decision &decision);
    void printJson(const QJsonDocument &doc);
    // --select S (dbt's selector grammar): the snapshot restricted to the selection, the whole
    // snapshot without the option, or nothing after printing which token is wrong (exit 2).
    static QCommandLineOption selectOption();
    std::optional<StoreSnapshot> selected(const StoreSnapshot &snapshot,
                                          const QCommandLineOption &select);

private:
    QStringList m_args;
    QString m_configuredStore;
    std::unique_ptr<Store> m_store;
};

} // namespace daybreak
