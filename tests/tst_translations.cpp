// The console in German: the catalogue compiled into the program is found by the locale, and
// every text of the main window's menus, tool bar, tabs and docks is translated; the English
// console is unchanged without it.
#include "InventoryService.h"
#include "LocalText.h"
#include "MainWindow.h"
#include "ManualClock.h"
#include "PipelineTablePanel.h"
#include "ScriptedPrompter.h"
#include "SqliteStore.h"
#include "StoreSession.h"
#include "Translations.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QComboBox>
#include <QDockWidget>
#include <QLineEdit>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSettings>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QTranslator>

#include <memory>

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

    std::unique_ptr<MainWindow> openDemo()
    {
        auto window = std::make_unique<MainWindow>(m_clock, &m_prompter);
        QString error;
        if (!window->openStore(m_dir.filePath(QStringLiteral("demo.sqlite")), &error))
            qFatal("%s", qPrintable(error));
        return window;
    }

    // The catalogues installTranslators() installed are children of the app: gone, English.
    static void backToEnglish()
    {
        for (QTranslator *t : QCoreApplication::instance()->findChildren<QTranslator *>()) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    }

    // The texts of the menus, the tool bar, the tabs, the docks' titles and the pipeline table's
    // headers and filter, in one order for both languages.
    QStringList texts(const QString &recent)
    {
        const std::unique_ptr<MainWindow> opened = openDemo();
        MainWindow &window = *opened;
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

    // Every button's text, tool tip and accessible name and every field's placeholder, in the
    // graph panel, the wave board, the timeline and the runbook as much as in the menus.
    QStringList widgetTexts()
    {
        const std::unique_ptr<MainWindow> opened = openDemo();
        MainWindow &window = *opened;
        QStringList out;
        for (QAbstractButton *b : window.findChildren<QAbstractButton *>())
            out << b->text() << b->toolTip() << b->accessibleName();
        for (QLineEdit *edit : window.findChildren<QLineEdit *>())
            out << edit->placeholderText() << edit->toolTip();
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

    void everyButtonAndFieldOfThePanelsIsGerman()
    {
        backToEnglish(); // an earlier case installed German
        const QStringList english = widgetTexts();
        QVERIFY(english.contains(QStringLiteral("Hide the rest")));
        QVERIFY(english.contains(QStringLiteral("Auto-plan the rest…")));
        QVERIFY(installTranslators(*QCoreApplication::instance(), QLocale(QLocale::German)));
        const QStringList german = widgetTexts();
        QCOMPARE(german.size(), english.size());
        // Texts without a word to translate (ids, "−", "▶", "SLA") stay as they are.
        static const QRegularExpression word(QStringLiteral("[a-z]{3,}"));
        QStringList untranslated;
        for (int i = 0; i < english.size(); ++i)
            if (german.at(i) == english.at(i) && english.at(i).contains(word))
                untranslated.append(english.at(i));
        untranslated.removeDuplicates();
        QVERIFY2(untranslated.isEmpty(), qPrintable(QStringLiteral("not translated: ") +
                                                    untranslated.join(QStringLiteral(" | "))));
        QVERIFY(german.contains(QStringLiteral("Den Rest ausblenden")));
    }

    void refusalsAndTimesFollowTheLanguage()
    {
        const Reason closed{Reason::Code::WindowClosed,
                            QStringLiteral("orders_daily: the change window opens Sat 22:00"),
                            {QStringLiteral("orders_daily")}};
        const Reason other{Reason::Code::Other, QStringLiteral("something else"), {}};
        QLocale::setDefault(QLocale(QLocale::German));
        QVERIFY(installTranslators(*QCoreApplication::instance(), QLocale(QLocale::German)));
        QCOMPARE(phraseReason(closed),
                 QStringLiteral("Außerhalb des Änderungsfensters — ") + closed.text);
        QCOMPARE(phraseReason(other), other.text);
        QCOMPARE(dayAndDate(QDate(2026, 3, 28)), QStringLiteral("Sa. 2026-03-28"));
        QCOMPARE(clockTime(QTime(5, 7)), QStringLiteral("05:07"));
        backToEnglish();
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCOMPARE(phraseReasons({closed, other}), (QStringList{closed.text, other.text}));
        QCOMPARE(dayAndDate(QDate(2026, 3, 28)), QStringLiteral("Sat 2026-03-28"));
        // English keeps the 24-hour clock of operations, not "5:07 AM".
        QCOMPARE(clockTime(QTime(5, 7)), QStringLiteral("05:07"));
        QCOMPARE(clockTime(QTime(17, 7, 9), true), QStringLiteral("17:07:09"));
        QCOMPARE(clockTime(QDateTime(), QTimeZone::utc()), QString());
    }

    void theCLocaleReadsEnglishPlurals()
    {
        backToEnglish();
        QVERIFY(installTranslators(*QCoreApplication::instance(), QLocale::c()));
        QCOMPARE(QCoreApplication::translate("daybreak::StatusBadges", "%n rollback(s) recommended",
                                             nullptr, 1),
                 QStringLiteral("1 rollback recommended"));
        QCOMPARE(QCoreApplication::translate("daybreak::StatusBadges", "%n rollback(s) recommended",
                                             nullptr, 2),
                 QStringLiteral("2 rollbacks recommended"));
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
