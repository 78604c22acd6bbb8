#include "CtlContext.h"

#include "LastKnownRouting.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include "Printable.h"
#include "Selector.h"

#include "Access.h"

#include <cstdio>

namespace daybreak {

CtlContext::CtlContext(QStringList commandArgs)
    : out(stdout), err(stderr), actor(currentOsUser()), m_args(std::move(commandArgs))
{
}

QDate CtlContext::strictDate(const QString &text)
{
    static const QRegularExpression shape(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    if (!shape.match(text).hasMatch())
        return {};
    const QDate d = QDate::fromString(text, Qt::ISODate);
    return d.isValid() && d.year() >= 2000 && d.year() <= 2999 ? d : QDate();
}

QDate CtlContext::dateOption(const QCommandLineOption &option, QStringList *bad) const
{
    if (!parser.isSet(option))
        return {};
    const QString text = parser.value(option);
    const QDate d = strictDate(text);
    if (!d.isValid())
        *bad << QStringLiteral("--%1: '%2' is not a date (YYYY-MM-DD, years 2000 to 2999)")
                    .arg(option.names().constFirst(), text);
    return d;
}

bool CtlContext::parse(const QList<QCommandLineOption> &options, const QString &positional,
                       int minPositional, int maxPositional)
{
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    parser.addOption({QStringLiteral("store"),
                      QStringLiteral("Store URL: a file path, sqlite:///path or "
                                     "postgresql://user@host:port/db."),
                      QStringLiteral("url")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Machine-readable output.")});
    parser.addOption({QStringLiteral("read-only"),
                      QStringLiteral("Open the store as a viewer: nothing can be written.")});
    parser.addOptions(options);
    parser.addHelpOption();
    // One entry a word ("NAMESPACE JOB-PATTERN" is two arguments), so that the help's column of
    // argument names never wraps one in the middle.
    for (const QString &word : positional.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        parser.addPositionalArgument(word, QString());
    if (!parser.parse(m_args)) {
        parseExit = usage(parser.errorText());
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        // Qt names the program as invoked (a path); the help, the man page made from it and the
        // completion read "daybreakctl wave add" instead.
        QString text = parser.helpText();
        const QString invoked = QCoreApplication::arguments().value(0);
        const QString from = QStringLiteral("Usage: ") + invoked;
        if (!invoked.isEmpty() && text.startsWith(from) && m_args.first().startsWith(invoked))
            text = QStringLiteral("Usage: daybreakctl") + m_args.first().mid(invoked.size()) +
                   text.mid(from.size());
        out << text;
        parseExit = ExitDone;
        return false;
    }
    // A repeated option is a mistake to name, not a value to pick silently (tst_cli guards it).
    QStringList repeated;
    const QStringList given = parser.optionNames();
    for (const QString &name : given)
        if (given.count(name) > 1 && !repeated.contains(name))
            repeated << name;
    if (!repeated.isEmpty()) {
        QStringList texts;
        for (const QString &name : repeated) {
            const QStringList values = parser.values(name);
            texts << QStringLiteral("--%1 is given %2 times%3; give it once")
                         .arg(name)
                         .arg(given.count(name))
                         .arg(values.isEmpty()
                                  ? QString()
                                  : QStringLiteral(" (%1)").arg(values.join(QStringLiteral(", "))));
        }
        parseExit = usage(texts.join(QStringLiteral("; ")));
        return false;
    }
    const int n = int(parser.positionalArguments().size());
    if (n < minPositional) {
        parseExit = usage(QStringLiteral("missing %1").arg(positional));
        return false;
    }
    if (n > maxPositional) {
        parseExit = usage(QStringLiteral("unexpected argument '%1'")
                              .arg(parser.positionalArguments().at(maxPositional)));
        return false;
    }
    return true;
}

QString CtlContext::peekSubcommand() const
{
    for (qsizetype i = 1; i < m_args.size(); ++i) {
        if (m_args.at(i) == QLatin1String("--store")) {
            ++i;
            continue;
        }
        if (!m_args.at(i).startsWith(QLatin1Char('-')))
            return m_args.at(i);
    }
    return {};
}

QString CtlContext::takeSubcommand()
{
    for (qsizetype i = 1; i < m_args.size(); ++i) {
        if (m_args.at(i) == QLatin1String("--store")) {
            ++i;
            continue;
        }
        if (!m_args.at(i).startsWith(QLatin1Char('-'))) {
            const QString sub = m_args.takeAt(i);
            m_args[0] += QLatin1Char(' ') + sub;
            return sub;
        }
    }
    return {};
}

QString CtlContext::storeUrl() const
{
    if (parser.isSet(QStringLiteral("store")))
        return parser.value(QStringLiteral("store"));
    if (!m_configuredStore.isEmpty())
        return m_configuredStore;
    const QString fromEnv = qEnvironmentVariable("DAYBREAK_STORE");
    return fromEnv.isEmpty() ? defaultStorePath() : fromEnv;
}

Store *CtlContext::openStore(OpenMode mode)
{
    try {
        StoreOptions options;
        options.readOnly = parser.isSet(QStringLiteral("read-only"));
        m_store = daybreak::openStore(storeUrl(), mode, options);
    } catch (const StoreError &e) {
        err << "daybreakctl: store unavailable: " << e.message() << Qt::endl;
        return nullptr;
    }
    return m_store.get();
}

void CtlContext::rememberRouting()
{
    if (!m_store)
        return;
    try {
        QString problem;
        LastKnownRouting::keep(*m_store, LastKnownRouting::storeKeyOf(m_store->location()),
                               clock.now(), &problem);
        if (!problem.isEmpty())
            err << "daybreakctl: warning: last-known routing not kept: " << problem << Qt::endl;
    } catch (const StoreError &) {
        // The command said what it had to; a store gone since is the next command's news.
    }
}

int CtlContext::usage(const QString &message)
{
    err << "daybreakctl: " << message << "\n(see daybreakctl --help)" << Qt::endl;
    return ExitBadInput;
}

int CtlContext::fail(int code, const QString &message)
{
    err << "daybreakctl: " << printable(message) << Qt::endl;
    return code;
}

int CtlContext::refused(const QString &headline, const Decision &decision)
{
    err << "daybreakctl: " << printable(headline) << ":" << Qt::endl;
    for (const Reason &r : decision.reasons)
        err << "  - " << printable(r.text) << Qt::endl;
    printWarnings(decision);
    return ExitRefused;
}

int CtlContext::exitCodeOf(Outcome::Kind kind)
{
    switch (kind) {
    case Outcome::Kind::Done:
        return ExitDone;
    case Outcome::Kind::BadInput:
        return ExitBadInput;
    case Outcome::Kind::Unknown:
        return ExitUnknown;
    case Outcome::Kind::Refused:
        return ExitRefused;
    case Outcome::Kind::Conflict:
        return ExitConflict;
    case Outcome::Kind::StoreFailure:
        return ExitStore;
    }
    return ExitStore;
}

int CtlContext::finish(const Outcome &o, bool quiet)
{
    printProblems(o.problems);
    switch (o.kind) {
    case Outcome::Kind::Done:
        printWarnings(o.decision);
        if (!quiet && !o.message.isEmpty())
            out << o.message << Qt::endl;
        return ExitDone;
    case Outcome::Kind::Refused:
        return refused(o.message, o.decision);
    case Outcome::Kind::StoreFailure:
        return fail(ExitStore, QStringLiteral("store unavailable: %1").arg(o.message));
    case Outcome::Kind::BadInput:
    case Outcome::Kind::Unknown:
    case Outcome::Kind::Conflict:
        break;
    }
    return fail(exitCodeOf(o.kind), o.message);
}

void CtlContext::printWarnings(const Decision &decision)
{
    for (const Reason &w : decision.warnings)
        err << "warning: " << printable(w.text) << Qt::endl;
}

void CtlContext::printProblems(const Problems &problems)
{
    for (const Problem &p : problems)
        err << p.toString() << Qt::endl;
}

void CtlContext::printJson(const QJsonDocument &doc)
{
    out << doc.toJson(QJsonDocument::Indented);
    out.flush();
}

QCommandLineOption CtlContext::selectOption()
{
    return QCommandLineOption(QStringLiteral("select"),
                              QStringLiteral("Only these pipelines: +id, id+, 2+id, @id, "
                                             "group:G, owner:O, state:S, wave:W; space for "
                                             "union, comma for intersection."),
                              QStringLiteral("selector"));
}

std::optional<StoreSnapshot> CtlContext::selected(const StoreSnapshot &snapshot,
                                                  const QCommandLineOption &select)
{
    if (!parser.isSet(select))
        return snapshot;
    const Selector::Result r = Selector::select(parser.value(select), snapshot);
    if (!r.ok()) {
        err << "--select: " << r.error << Qt::endl;
        return std::nullopt;
    }
    return Selector::restricted(snapshot, r.ids);
}

} // namespace daybreak
