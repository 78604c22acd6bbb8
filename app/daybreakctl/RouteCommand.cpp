// `daybreakctl route ID`: the one question every task of every night asks. It answers from the
// store when the store answers within --timeout, and otherwise from this host's last-known
// routing (LastKnownRouting.h), saying so on stderr; --strict fails closed instead.
#include "Commands.h"
#include "CtlContext.h"
#include "Printable.h"

#include "LastKnownRouting.h"
#include "SqlStore.h"

#include <QSysInfo>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <thread>

namespace daybreak {

namespace {

// What the store said, handed from the thread that asks it to the one that waits.
struct StoreAnswer
{
    std::mutex mutex;
    std::condition_variable changed;
    bool answered = false; // `pointer` or `failure` is set
    bool finished = false; // the thread is done with the store, the receipt and the file
    std::optional<RoutingPointer> pointer;
    QString failure; // why the store could not be asked (empty: it answered)
    QString fileProblem;
};

struct RouteQuestion
{
    QString url;
    bool readOnly = false;
    QString pipeline;
    QString storeKey;
    ReadReceipt receipt; // host, caller, the time asked
};

// Runs on a thread of its own, so a store that hangs costs the caller no more than --timeout.
void askStore(const RouteQuestion &q, const std::shared_ptr<StoreAnswer> &answer)
{
    const auto publish = [&](auto &&set) {
        std::lock_guard lock(answer->mutex);
        set();
        answer->changed.notify_all();
    };
    try {
        StoreOptions options;
        options.readOnly = q.readOnly;
        std::unique_ptr<Store> store = openStore(q.url, OpenMode::MustExist, options);
        const std::optional<RoutingPointer> pointer = store->routing(q.pipeline);
        publish([&] {
            answer->pointer = pointer;
            answer->answered = true;
        });
        if (pointer) {
            ReadReceipt receipt = q.receipt;
            receipt.version = pointer->version;
            try {
                store->recordReadReceipt(q.pipeline, receipt);
            } catch (const StoreError &) {
                // A reader that may not write (a read-only file) still gets its answer.
            }
        }
        QString problem;
        LastKnownRouting::keep(*store, q.storeKey, q.receipt.seenAt, &problem);
        store.reset();
        publish([&] {
            answer->fileProblem = problem;
            answer->finished = true;
        });
    } catch (const StoreError &e) {
        publish([&] {
            if (!answer->answered)
                answer->failure = e.message();
            answer->answered = true;
            answer->finished = true;
        });
    }
}

// Leaves at once, without waiting for the thread still stuck on the store: what was printed is
// flushed first.
[[noreturn]] void leave(CtlContext &ctx, int code)
{
    ctx.out.flush();
    ctx.err.flush();
    std::fflush(nullptr);
    std::_Exit(code);
}

struct RouteArguments
{
    double seconds = 2;
    QString timeoutText;
    std::chrono::seconds oldest{0};
    QString caller;
    bool strict = false;
};

// The options, checked; nullopt (with `*exit` set) when one is wrong.
std::optional<RouteArguments> routeArguments(CtlContext &ctx, int *exit)
{
    const QCommandLineOption timeout(
        QStringLiteral("timeout"),
        QStringLiteral("How long to wait for the store before answering from this host's "
                       "last-known routing, in seconds (default 2)."),
        QStringLiteral("seconds"), QStringLiteral("2"));
    const QCommandLineOption maxAge(
        QStringLiteral("max-age"),
        QStringLiteral("The oldest last-known routing to answer from: 24h, 90m, 3600s "
                       "(default 24h)."),
        QStringLiteral("age"), QStringLiteral("24h"));
    const QCommandLineOption strict(
        QStringLiteral("strict"),
        QStringLiteral("Never answer from the last-known routing: exit 6 when the store does "
                       "not answer."));
    const QCommandLineOption caller(
        QStringLiteral("caller"),
        QStringLiteral("Who asks, for the pointer's read receipts (default: the user name)."),
        QStringLiteral("name"));
    if (!ctx.parse({timeout, maxAge, strict, caller}, QStringLiteral("ID"), 1, 1)) {
        *exit = ctx.parseExit;
        return std::nullopt;
    }
    const auto usage = [&](const QString &message) {
        *exit = ctx.usage(message);
        return std::nullopt;
    };
    RouteArguments args;
    args.timeoutText = ctx.parser.value(timeout);
    args.strict = ctx.parser.isSet(strict);
    bool ok = false;
    args.seconds = ctx.parser.value(timeout).toDouble(&ok);
    if (!ok || args.seconds <= 0 || args.seconds > 600)
        return usage(QStringLiteral("--timeout: '%1' is not a number of seconds from 0.1 to "
                                    "600")
                         .arg(ctx.parser.value(timeout)));
    const std::optional<std::chrono::seconds> oldest = parseDuration(ctx.parser.value(maxAge));
    if (!oldest)
        return usage(QStringLiteral("--max-age: '%1' is not an age (24h, 90m, 3600s)")
                         .arg(ctx.parser.value(maxAge)));
    args.oldest = *oldest;
    args.caller = ctx.parser.isSet(caller) ? ctx.parser.value(caller).trimmed() : ctx.actor;
    if (args.caller.isEmpty() || args.caller.size() > 200)
        return usage(QStringLiteral("--caller: a name of 1 to 200 characters"));

    return args;
}

// The store did not answer: this host's last-known routing, when it is fresh enough.
int answerFromLastKnown(CtlContext &ctx, const RouteQuestion &q, const QString &why,
                        std::chrono::seconds oldest)
{
    const LastKnownRouting::Answer a =
        LastKnownRouting::lookup(LastKnownRouting::pathFor(q.storeKey), q.pipeline, q.storeKey,
                                 ctx.clock.now().toUTC(), oldest);
    if (!a.pointer) {
        ctx.fail(ExitStore,
                 QStringLiteral("store unavailable: %1; no answer from the last-known routing: %2")
                     .arg(why, a.refusal));
        return ExitStore;
    }
    ctx.out << sideName(a.pointer->canonical()) << Qt::endl;
    ctx.err << "from last-known routing of " << isoUtc(a.readAt)
            << " (store unreachable: " << printable(why) << ")" << Qt::endl;
    return ExitDone;
}

} // namespace

int cmdRoute(CtlContext &ctx)
{
    int exit = ExitDone;
    const std::optional<RouteArguments> parsed = routeArguments(ctx, &exit);
    if (!parsed)
        return exit;
    const RouteArguments &args = *parsed;
    RouteQuestion q;
    q.url = ctx.storeUrl();
    q.readOnly = ctx.parser.isSet(QStringLiteral("read-only"));
    q.pipeline = ctx.parser.positionalArguments().constFirst();
    q.storeKey = LastKnownRouting::storeKeyOf(q.url);
    q.receipt = ReadReceipt{QSysInfo::machineHostName(), args.caller, 0, ctx.clock.now().toUTC()};

    const auto answer = std::make_shared<StoreAnswer>();
    std::thread asker([q, answer] { askStore(q, answer); });
    const auto deadline =
        std::chrono::steady_clock::now() + std::chrono::milliseconds(qint64(args.seconds * 1000));
    std::unique_lock lock(answer->mutex);
    const bool answered =
        answer->changed.wait_until(lock, deadline, [&] { return answer->answered; });
    if (answered && answer->failure.isEmpty()) {
        // The store answered: what it says, never the file.
        const std::optional<RoutingPointer> pointer = answer->pointer;
        if (pointer)
            ctx.out << sideName(pointer->canonical()) << Qt::endl;
        else
            ctx.fail(ExitUnknown, QStringLiteral("unknown pipeline '%1'").arg(q.pipeline));
        const int code = pointer ? ExitDone : ExitUnknown;
        // The receipt and the file are worth finishing, but not worth a hung store's wait.
        if (!answer->changed.wait_until(lock, deadline + std::chrono::seconds(1),
                                        [&] { return answer->finished; })) {
            asker.detach();
            leave(ctx, code);
        }
        const QString problem = answer->fileProblem;
        lock.unlock();
        asker.join();
        if (!problem.isEmpty())
            ctx.err << "daybreakctl: warning: last-known routing not kept: " << problem << Qt::endl;
        return code;
    }
    const QString why =
        answered ? answer->failure : QStringLiteral("no answer within %1 s").arg(args.timeoutText);
    const bool stuck = !answered || !answer->finished;
    lock.unlock();
    if (stuck)
        asker.detach();
    else
        asker.join();
    const auto exitWith = [&](int code) {
        if (stuck)
            leave(ctx, code);
        return code;
    };
    if (args.strict) {
        ctx.fail(ExitStore, QStringLiteral("store unavailable: %1").arg(why));
        return exitWith(ExitStore);
    }
    return exitWith(answerFromLastKnown(ctx, q, why, args.oldest));
}

} // namespace daybreak
