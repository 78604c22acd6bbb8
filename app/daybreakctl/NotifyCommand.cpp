#include "CommandTable.h"
#include "Commands.h"
#include "CtlContext.h"
#include "Deliverer.h"
#include "ExitCode.h"
#include "NotifyService.h"
#include "SqlStore.h"

#include <QJsonArray>
#include <QJsonObject>

#include <array>

namespace daybreak {

namespace {

QJsonArray listOption(const QString &text)
{
    QJsonArray list;
    for (const QString &item : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        list.append(item.trimmed());
    return list;
}

int notifyAdd(CtlContext &ctx)
{
    const QCommandLineOption reports(QStringLiteral("reports"),
                                     QStringLiteral("only alerts about these (comma-separated)"),
                                     QStringLiteral("IDS"));
    const QCommandLineOption owners(QStringLiteral("owners"),
                                    QStringLiteral("only alerts about these owners' pipelines"),
                                    QStringLiteral("OWNERS"));
    const QCommandLineOption severity(QStringLiteral("min-severity"),
                                      QStringLiteral("warning (default) or critical"),
                                      QStringLiteral("S"));
    const QCommandLineOption escalate(
        QStringLiteral("escalate-after"),
        QStringLiteral("an escalation channel: only alerts unacknowledged for this long"),
        QStringLiteral("MINUTES"));
    const QCommandLineOption eventsUrl(QStringLiteral("events-url"),
                                       QStringLiteral("PagerDuty's Events API URL (default "
                                                      "https://events.pagerduty.com/v2/enqueue)"),
                                       QStringLiteral("URL"));
    const QCommandLineOption smtp(QStringLiteral("smtp"),
                                  QStringLiteral("email: the mail server, HOST:PORT"),
                                  QStringLiteral("HOST:PORT"));
    const QCommandLineOption starttls(QStringLiteral("starttls"),
                                      QStringLiteral("email: require STARTTLS"));
    const QCommandLineOption from(QStringLiteral("from"),
                                  QStringLiteral("email: the sender (default daybreak@localhost)"),
                                  QStringLiteral("ADDRESS"));
    const QCommandLineOption requests(
        QStringLiteral("requests"),
        QStringLiteral("the approvers' channel: it also hears each change request that waits for "
                       "a second operator"));
    if (!ctx.parse({reports, owners, severity, escalate, eventsUrl, smtp, starttls, from, requests},
                   QStringLiteral("NAME KIND TARGET"), 3, 3))
        return ctx.parseExit;
    const QStringList args = ctx.parser.positionalArguments();
    Channel c{args.at(0), args.at(1), args.at(2), {}, {}, {}};
    if (ctx.parser.isSet(reports))
        c.options.insert(QStringLiteral("reports"), listOption(ctx.parser.value(reports)));
    if (ctx.parser.isSet(owners))
        c.options.insert(QStringLiteral("owners"), listOption(ctx.parser.value(owners)));
    if (ctx.parser.isSet(severity))
        c.options.insert(QStringLiteral("min_severity"), ctx.parser.value(severity));
    if (ctx.parser.isSet(escalate)) {
        bool ok = false;
        const int minutes = ctx.parser.value(escalate).toInt(&ok);
        c.options.insert(QStringLiteral("escalate_after_minutes"), ok ? minutes : -1);
    }
    if (ctx.parser.isSet(smtp))
        c.options.insert(QStringLiteral("smtp"), ctx.parser.value(smtp));
    if (ctx.parser.isSet(starttls))
        c.options.insert(QStringLiteral("starttls"), true);
    if (ctx.parser.isSet(requests))
        c.options.insert(QStringLiteral("requests"), true);
    if (ctx.parser.isSet(from))
        c.options.insert(QStringLiteral("from"), ctx.parser.value(from));
    if (ctx.parser.isSet(eventsUrl))
        c.options.insert(QStringLiteral("events_url"), ctx.parser.value(eventsUrl));
    // A bad channel is refused before the store is opened: nothing can be half-written.
    if (const QStringList problems = NotifyService::problemsOf(c); !problems.isEmpty())
        return ctx.fail(ExitBadInput, QStringLiteral("channel '%1' not added: %2")
                                          .arg(c.name, problems.join(QStringLiteral("; "))));
    Store *store = ctx.openStore();
    if (!store)
        return ExitStore;
    return ctx.finish(NotifyService(*store, ctx.clock, ctx.actor).addChannel(c));
}

int notifyList(CtlContext &ctx)
{
    if (!ctx.parse({}))
        return ctx.parseExit;
    Store *store = ctx.openStore();
    if (!store)
        return ExitStore;
    const QList<Channel> channels = store->channels();
    if (ctx.json()) {
        QJsonArray list;
        for (const Channel &c : channels)
            list.append(
                QJsonObject{{QStringLiteral("name"), c.name},
                            {QStringLiteral("kind"), c.kind},
                            {QStringLiteral("target"), c.kind == QLatin1String("pagerduty")
                                                           ? QStringLiteral("…") + c.target.right(4)
                                                           : c.target},
                            {QStringLiteral("options"), c.options},
                            {QStringLiteral("created_by"), c.createdBy},
                            {QStringLiteral("created_at"), isoUtc(c.createdAt)}});
        ctx.printJson(QJsonDocument(list));
        return ExitDone;
    }
    if (channels.isEmpty())
        ctx.out << "no delivery channel: alerts stay in the store and the consoles" << Qt::endl;
    for (const Channel &c : channels)
        ctx.out << c.name << "  " << c.kind << "  "
                << (c.kind == QLatin1String("pagerduty") ? QStringLiteral("…") + c.target.right(4)
                                                         : c.target)
                << (c.options.isEmpty()
                        ? QString()
                        : QStringLiteral("  ") + QString::fromUtf8(QJsonDocument(c.options).toJson(
                                                     QJsonDocument::Compact)))
                << Qt::endl;
    return ExitDone;
}

int notifyRemove(CtlContext &ctx)
{
    if (!ctx.parse({}, QStringLiteral("NAME"), 1, 1))
        return ctx.parseExit;
    Store *store = ctx.openStore();
    if (!store)
        return ExitStore;
    return ctx.finish(NotifyService(*store, ctx.clock, ctx.actor)
                          .removeChannel(ctx.parser.positionalArguments().first()));
}

// Sends a test alert through one channel now and says what the receiver answered.
int notifyTest(CtlContext &ctx)
{
    if (!ctx.parse({}, QStringLiteral("NAME"), 1, 1))
        return ctx.parseExit;
    Store *store = ctx.openStore();
    if (!store)
        return ExitStore;
    const QString name = ctx.parser.positionalArguments().first();
    for (const Channel &c : store->channels()) {
        if (c.name != name)
            continue;
        SlaAlert a;
        a.businessDate = ctx.clock.now().date();
        a.report = QStringLiteral("daybreak-test");
        a.status = QStringLiteral("at_risk");
        a.raisedAt = ctx.clock.now();
        a.message = QStringLiteral("Daybreak test alert from %1: nothing is wrong").arg(ctx.actor);
        Delivery d{0,          0,  name, QStringLiteral("trigger"), QStringLiteral("pending"), 0,
                   a.raisedAt, {}, {}};
        QTextStream quiet(stderr);
        Deliverer deliverer(*store, ctx.clock, ctx.actor, quiet);
        const QString error = deliverer.send(c, a, d);
        if (!error.isEmpty()) // the receiver failed, not the store (finding N16): exit 1, as --help
                              // says
            return ctx.fail(ExitValidation,
                            QStringLiteral("test delivery to '%1' failed: %2").arg(name, error));
        ctx.out << "test alert delivered to " << name << Qt::endl;
        return ExitDone;
    }
    return ctx.fail(ExitUnknown, QStringLiteral("no channel named '%1'").arg(name));
}

} // namespace

// daybreakctl notify add|list|remove|test: where the watch delivers alerts.
std::span<const SubcommandEntry> notifySubcommands()
{
    static const std::array table{
        SubcommandEntry{"add", notifyAdd}, SubcommandEntry{"list", notifyList},
        SubcommandEntry{"remove", notifyRemove}, SubcommandEntry{"test", notifyTest}};
    return table;
}

} // namespace daybreak
