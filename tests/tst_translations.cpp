// The console in German: the catalogue compiled into the program is found by the locale, and
// every text of the main window's menus, tool bar, tabs and docks is translated; the English
// console is unchanged without it.
#include "InventoryService.h"
#include "MainWindow.h"
#include "ManualClock.h"
#include "PipelineTablePanel.h"
#include "ScriptedPrompter.h"
#include "SqliteStore.h"
#include "StoreSession.h"
#include "Translations.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QDockWidget>
#include <QLineEdit>
#include <QMenuBar>
#include <QSettings>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QTranslator>

using namespace daybreak;

class TestTranslations : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    ManualClock m_clock{QDateTime(QDate(2026, 11, 28), QTime(9, 0), QTimeZone("Europe/Berlin"))};
    ScriptedPrompter m_prompter;

    static void collectMenu(QMenu *menu, const QString &recent, QStringList *texts)
    {
        texts->append(menu->title());
        if (menu->title() == recent)
            return; // the recent stores are paths, not text
        for (QAction *a : menu->actions()) {
            if (a->isSeparator())
                continue;
            if (a->menu())
                collectMenu(a->menu(), recent, texts);
            else
                texts->append(a->text());
        }
    }

    // The texts of the menus, the tool bar, the tabs, the docks' titles and the pipeline table's
    // headers and filter, in one order for both languages.
    QStringList texts(const QString &recent)
    {
        const QString path = m_dir.filePath(QStringLiteral("demo.sqlite"));
        MainWindow window(m_clock, &m_prompter);
        QString error;
        if (!window.openStore(path, &error))
            qFatal("%s", qPrintable(error));
        QStringList out;
        for (QAction *a : window.menuBar()->actions())
            if (a->menu())
                collectMenu(a->menu(), recent, &out);
        for (QToolBar *bar : window.findChildren<QToolBar *>(Qt::FindDirectChildrenOnly)) {
            out.append(bar->windowTitle());
            for (QAction *a : bar->actions())
                if (!a->isSeparator())
                    out.append(a->text());
        }
        for (int i = 0; i < window.tabs()->count(); ++i)
            out.append(window.tabs()->tabText(i));
        for (QDockWidget *dock : window.findChildren<QDockWidget *>())
            out.append(dock->windowTitle());
        const QAbstractItemModel *table = window.tablePanel()->view()->model();
        for (int c = 0; c < table->columnCount(); ++c)
            out.append(table->headerData(c, Qt::Horizontal).toString());
        for (QLineEdit *edit : window.tablePanel()->findChildren<QLineEdit *>())
            out.append(edit->placeholderText());
        return out;
    }

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("DaybreakTests"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                           m_dir.filePath(QStringLiteral("settings")));
        SqliteStore seed(m_dir.filePath(QStringLiteral("demo.sqlite")), OpenMode::CreateIfMissing);
        QVERIFY(InventoryService(seed, m_clock, QStringLiteral("t")).importDemo().ok());
    }

    void everyMenuAndDockTextIsGerman()
    {
        const QStringList english = texts(QStringLiteral("Open &recent"));
        QVERIFY(english.contains(QStringLiteral("&File")));
        QVERIFY(english.contains(QStringLiteral("&Cut over…")));
        QVERIFY(english.size() > 50);

        QVERIFY(installTranslators(*QCoreApplication::instance(), QLocale(QLocale::German)));
        const QStringList german = texts(QStringLiteral("&Zuletzt geöffnet"));
        QCOMPARE(german.size(), english.size());
        QTranslator catalogue;
        QVERIFY(catalogue.load(QLocale(QLocale::German), QStringLiteral("daybreak"),
                               QStringLiteral("_"), QStringLiteral(":/i18n")));
        QStringList untranslated;
        for (int i = 0; i < english.size(); ++i) {
            if (german.at(i) != english.at(i))
                continue;
            // The same word in both languages ("Pipelines", "Details") is fine when the
            // catalogue says so; anything else was not translated.
            bool kept = false;
            for (const char *context :
                 {"daybreak::MainWindow", "daybreak::MigrationActions",
                  "daybreak::PipelineTableModel", "daybreak::PipelineTablePanel"})
                kept = kept || !catalogue.translate(context, qPrintable(english.at(i))).isEmpty();
            if (!kept)
                untranslated.append(english.at(i));
        }
        QVERIFY2(untranslated.isEmpty(), qPrintable(QStringLiteral("not translated: ") +
                                                    untranslated.join(QStringLiteral(" | "))));
        QVERIFY(german.contains(QStringLiteral("&Datei")));
        QVERIFY(german.contains(QStringLiteral("&Umschalten…")));
    }

    void pluralsTakeTheirForms()
    {
        QTranslator german;
        QVERIFY(german.load(QLocale(QLocale::German), QStringLiteral("daybreak"),
                            QStringLiteral("_"), QStringLiteral(":/i18n")));
        QCOMPARE(
            german.translate("daybreak::StatusBadges", "%n rollback(s) recommended", nullptr, 2),
            QStringLiteral("%n Rückschaltungen empfohlen"));
        QTranslator english;
        QVERIFY(english.load(QLocale(QLocale::English), QStringLiteral("daybreak"),
                             QStringLiteral("_"), QStringLiteral(":/i18n")));
        QCOMPARE(
            english.translate("daybreak::StatusBadges", "%n rollback(s) recommended", nullptr, 1),
            QStringLiteral("%n rollback recommended"));
        QCOMPARE(
            english.translate("daybreak::StatusBadges", "%n rollback(s) recommended", nullptr, 3),
            QStringLiteral("%n rollbacks recommended"));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
