#include "Clock.h"
#include "InventoryService.h"
#include "MainWindow.h"
#include "MigrationService.h"
#include "StoreSession.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QMessageBox>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("daybreak"));
    QApplication::setOrganizationName(QStringLiteral("Daybreak"));
    QApplication::setApplicationVersion(QStringLiteral("0.1.0"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Daybreak migration console"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption storeOption(QStringLiteral("store"), QStringLiteral("Store URL (file path or sqlite:///path)."),
                                         QStringLiteral("url"));
    parser.addOption(storeOption);
    const QCommandLineOption warRoomOption(QStringLiteral("war-room"), QStringLiteral("Start on the war-room display (read-only)."));
    parser.addOption(warRoomOption);
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
        store = openStore(url, firstStart ? OpenMode::CreateIfMissing : OpenMode::MustExist);
        // First start with no store configured: the per-user store is created from the demo.
        if (firstStart && store->isEmpty()) {
            const Problems problems = InventoryService(*store, clock, currentOsUser()).importDemo();
            if (hasErrors(problems))
                throw StoreError(problems.constFirst().toString());
        }
    } catch (const StoreError &e) {
        QMessageBox::critical(nullptr, QObject::tr("Daybreak"), QObject::tr("Cannot open the store:\n%1").arg(e.message()));
        return 6;
    }
    MainWindow window(clock);
    window.setSession(std::make_unique<StoreSession>(std::move(store)));
    window.show();
    if (parser.isSet(warRoomOption))
        window.showWarRoom();
    return app.exec();
}
