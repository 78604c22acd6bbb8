#include "Clock.h"
#include "InventoryService.h"
#include "MainWindow.h"
#include "MigrationService.h"
#include "StorePrompt.h"
#include "StoreSession.h"
#include "Version.h"

#include "Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QIcon>
#include <QMessageBox>

#include <cstdio>
#include <cstring>

using namespace daybreak;

namespace {
// Without a display Qt aborts in QApplication's constructor with a platform-plugin dump; say what
// is wrong in one line instead. An explicit platform (QT_QPA_PLATFORM, -platform) is left to Qt.
bool displayAvailable(int argc, char *argv[])
{
    if (!qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") ||
        !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        return true;
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "-platform") == 0 || std::strcmp(argv[i], "--platform") == 0)
            return true;
    return false;
}

// The console's options; its --help is also where `man daybreak` comes from.
struct Options
{
    QCommandLineParser parser;
    QCommandLineOption store{QStringLiteral("store"),
                             QStringLiteral("Store URL: a SQLite file path, sqlite:///path or "
                                            "postgresql://user@host:port/db?sslmode=... (else "
                                            "$DAYBREAK_STORE, else the per-user file, made from "
                                            "the demo on first start)"),
                             QStringLiteral("url")};
    QCommandLineOption readOnly{
        QStringLiteral("read-only"),
        QStringLiteral("Open the store as a viewer: nothing can be changed from this console.")};
    QCommandLineOption warRoom{QStringLiteral("war-room"),
                               QStringLiteral("Start on the war-room display (read-only).")};

    Options()
    {
        parser.setApplicationDescription(
            QStringLiteral("Daybreak migration console: plan dependency-valid weekend waves, "
                           "watch the 6am SLA, cut each pipeline over or roll it back alone."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOption(readOnly);
        parser.addOption(store);
        parser.addOption(warRoom);
    }
};

void describe()
{
    QCoreApplication::setApplicationName(QStringLiteral("daybreak"));
    QCoreApplication::setOrganizationName(QStringLiteral("Daybreak"));
    QCoreApplication::setApplicationVersion(
        QStringLiteral("%1 (commit %2)").arg(daybreakVersion(), daybreakCommit()));
}

bool asksForText(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i)
        for (const char *word : {"--help", "-h", "--help-all", "--version", "-v"})
            if (std::strcmp(argv[i], word) == 0)
                return true;
    return false;
}
} // namespace

int main(int argc, char *argv[])
{
    // --help and --version print and leave: no display needed (the man page is made from them).
    if (!displayAvailable(argc, argv) && asksForText(argc, argv)) {
        QCoreApplication text(argc, argv);
        describe();
        Options options;
        options.parser.process(text);
        return 0;
    }
    if (!displayAvailable(argc, argv)) {
        std::fputs("daybreak: no display (DISPLAY and WAYLAND_DISPLAY are unset); to run it in a "
                   "virtual display: "
                   "xvfb-run -a daybreak\n",
                   stderr);
        return 1;
    }
    QApplication app(argc, argv);
    describe();
    installTranslators(app);
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/daybreak.svg")));
    Options options;
    QCommandLineParser &parser = options.parser;
    const QCommandLineOption &storeOption = options.store;
    const QCommandLineOption &readOnlyOption = options.readOnly;
    const QCommandLineOption &warRoomOption = options.warRoom;
    parser.process(app);

    SystemClock clock;
    QString url = parser.value(storeOption);
    if (url.isEmpty())
        url = qEnvironmentVariable("DAYBREAK_STORE");
    const bool firstStart = url.isEmpty() && !QFileInfo::exists(defaultStorePath());
    if (url.isEmpty())
        url = defaultStorePath();

    std::unique_ptr<Store> store;
    try {
        store = openStoreInteractively(nullptr, url,
                                       firstStart ? OpenMode::CreateIfMissing : OpenMode::MustExist,
                                       parser.isSet(readOnlyOption));
        // First start with no store configured: the per-user store is created from the demo.
        if (firstStart && store->isEmpty()) {
            const Outcome demo = InventoryService(*store, clock, currentOsUser()).importDemo();
            if (!demo.ok())
                throw StoreError(demo.describe());
        }
    } catch (const StoreError &e) {
        QMessageBox::critical(nullptr, QObject::tr("Daybreak"),
                              QObject::tr("Cannot open the store:\n%1").arg(e.message()));
        return 6;
    }
    MainWindow window(clock);
    window.setReadOnly(parser.isSet(readOnlyOption));
    window.setSession(std::make_unique<StoreSession>(std::move(store)));
    window.show();
    if (parser.isSet(warRoomOption))
        window.showWarRoom();
    return app.exec();
}
