// The console for someone who cannot see the colours or use a mouse: every interactive widget of
// the main window and the war room has a name that a screen reader says (its text, its accessible
// name, or its label's through a buddy), no name is a bare symbol, and every coloured status
// badge says its state in words.
#include "InventoryService.h"
#include "KeyboardHelp.h"
#include "MainWindow.h"
#include "ManualClock.h"
#include "PipelineTablePanel.h"
#include "ScriptedPrompter.h"
#include "SqliteStore.h"
#include "StoreSession.h"
#include "WarRoomWindow.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>
#include <QTimeZone>

#include <algorithm>

using namespace daybreak;

namespace {

bool interactive(const QWidget *w)
{
    return qobject_cast<const QAbstractButton *>(w) || qobject_cast<const QLineEdit *>(w) ||
           qobject_cast<const QComboBox *>(w) || qobject_cast<const QAbstractSpinBox *>(w) ||
           qobject_cast<const QAbstractSlider *>(w) || qobject_cast<const QAbstractItemView *>(w) ||
           qobject_cast<const QTextEdit *>(w) || qobject_cast<const QPlainTextEdit *>(w);
}

// Where a widget sits, for the failure message: its class and the chain of object names.
QString pathOf(const QWidget *w)
{
    QStringList names;
    for (const QObject *o = w; o; o = o->parent())
        names.prepend(o->objectName().isEmpty() ? QString::fromLatin1(o->metaObject()->className())
                                                : o->objectName());
    return names.join(QLatin1Char('/'));
}

// A name a screen reader can say: some letter or digit in it, not "−", "+" or "…".
bool speakable(const QString &name)
{
    return std::any_of(name.cbegin(), name.cend(), [](QChar c) { return c.isLetterOrNumber(); });
}

QStringList unnamed(const QWidget *root)
{
    QStringList missing;
    const QList<QWidget *> widgets = root->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        if (!interactive(w))
            continue;
        // Parts of a compound widget (a combo box's list, a spin box's line edit, a scroll
        // bar) take their name from it.
        const QWidget *parent = w->parentWidget();
        if (qobject_cast<const QAbstractSpinBox *>(parent) ||
            qobject_cast<const QComboBox *>(parent) ||
            qobject_cast<const QAbstractItemView *>(parent) ||
            qobject_cast<const QLineEdit *>(parent) || qobject_cast<const QAbstractSlider *>(w) ||
            w->objectName().startsWith(QLatin1String("qt_")))
            continue;
        QAccessibleInterface *a = QAccessible::queryAccessibleInterface(w);
        const QString name = a ? a->text(QAccessible::Name) : QString();
        if (!speakable(name))
            missing << QStringLiteral("%1 (name '%2')").arg(pathOf(w), name);
    }
    return missing;
}

} // namespace

class TestAccessibility : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    ManualClock m_clock{QDateTime(QDate(2026, 11, 28), QTime(9, 0), QTimeZone("Europe/Berlin"))};
    ScriptedPrompter m_prompter;

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("DaybreakTests"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                           m_dir.filePath(QStringLiteral("settings")));
    }

    void everyInteractiveWidgetHasAName()
    {
        const QString path = m_dir.filePath(QStringLiteral("demo.sqlite"));
        {
            SqliteStore seed(path, OpenMode::CreateIfMissing);
            QVERIFY(InventoryService(seed, m_clock, QStringLiteral("t")).importDemo().ok());
        }
        MainWindow window(m_clock, &m_prompter);
        QString error;
        QVERIFY2(window.openStore(path, &error), qPrintable(error));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(QTest::qWaitFor([&] { return window.session()->idle(); }, 10000));
        // The check must see what it checks: the window holds its docks and their controls.
        QVERIFY(window.findChildren<QAbstractButton *>().size() > 10);
        QVERIFY(window.findChildren<QAbstractItemView *>().size() > 3);
        const QStringList missing = unnamed(&window);
        for (const QString &m : missing)
            qWarning("unnamed: %s", qPrintable(m));
        QVERIFY2(missing.isEmpty(),
                 qPrintable(QStringLiteral("%1 interactive widgets a screen reader cannot name:\n")
                                .arg(missing.size()) +
                            missing.join(QLatin1Char('\n'))));

        // The war room too.
        window.showWarRoom();
        QVERIFY(window.warRoom());
        QVERIFY(QTest::qWaitForWindowExposed(window.warRoom()));
        const QStringList wall = unnamed(window.warRoom());
        for (const QString &m : wall)
            qWarning("unnamed in the war room: %s", qPrintable(m));
        QVERIFY(wall.isEmpty());
    }

    // A label that names a control is its buddy (Alt+letter reaches it, a screen reader reads it
    // with it), and the tables' cells say in words what their colours say.
    void labelsHaveBuddiesAndCellsSpeak()
    {
        const QString path = m_dir.filePath(QStringLiteral("demo.sqlite"));
        {
            SqliteStore seed(path, OpenMode::CreateIfMissing);
            if (seed.isEmpty())
                QVERIFY(InventoryService(seed, m_clock, QStringLiteral("t")).importDemo().ok());
        }
        MainWindow window(m_clock, &m_prompter);
        QString error;
        QVERIFY2(window.openStore(path, &error), qPrintable(error));
        QVERIFY(QTest::qWaitFor([&] { return window.session()->idle(); }, 10000));
        int labelsOfControls = 0;
        for (QLabel *label : window.findChildren<QLabel *>()) {
            const QString text = label->text().trimmed();
            // A label that names the control beside it ends with a colon; the bars above the
            // window say the store's state, they name no control.
            const bool bar = label->objectName().endsWith(QLatin1String("Bar"));
            if (bar || !text.endsWith(QLatin1Char(':')) || text.contains(QLatin1Char('<')))
                continue;
            ++labelsOfControls;
            QVERIFY2(label->buddy(), qPrintable(QStringLiteral("'%1' has no buddy").arg(text)));
        }
        QVERIFY(labelsOfControls >= 2); // the board's "Backlog by:", the timeline's "Rows:"
        const QAbstractItemModel *table = window.tablePanel()->view()->model();
        QVERIFY(table->rowCount() > 0);
        for (int column = 0; column < table->columnCount(); ++column) {
            const QString spoken = table->index(0, column).data(Qt::AccessibleTextRole).toString();
            const QString shown = table->index(0, column).data(Qt::DisplayRole).toString();
            QVERIFY2(spoken.contains(shown) &&
                         spoken.startsWith(table->headerData(column, Qt::Horizontal).toString()),
                     qPrintable(spoken));
        }
    }

    // Help → Keyboard names the keyboard path of the mouse's actions: the board's card moves,
    // the menu of a pipeline, finding one, the war room.
    void theKeyboardPathIsWrittenDown()
    {
        MainWindow window(m_clock, &m_prompter);
        QAction *shown = window.findChild<QAction *>(QStringLiteral("keyboardHelp"));
        QVERIFY(shown);
        const QString text = keyboardHelp();
        for (const char *key : {"Ctrl+Right", "Ctrl+Shift+Right", "Shift+F10", "Ctrl+F", "F11",
                                "Ctrl+Shift+C", "Alt+2"})
            QVERIFY2(text.contains(QLatin1String(key)), key);
        // and the shortcuts it names are the window's own.
        QStringList shortcuts;
        for (const QAction *a : window.findChildren<QAction *>())
            shortcuts << a->shortcut().toString();
        for (const char *key : {"Ctrl+F", "F11", "Ctrl+Shift+C", "Alt+2", "Ctrl+Shift+Z"})
            QVERIFY2(shortcuts.contains(QLatin1String(key)), key);
    }

    // The check itself: a button named only by a symbol, and a line edit without a label, fail.
    void theCheckFindsWhatItLooksFor()
    {
        QWidget root;
        auto *symbol = new QPushButton(&root);
        symbol->setText(QStringLiteral("−"));
        auto *edit = new QLineEdit(&root);
        QCOMPARE(unnamed(&root).size(), 2);
        symbol->setAccessibleName(QStringLiteral("Zoom out"));
        auto *label = new QLabel(QStringLiteral("&Search"), &root);
        label->setBuddy(edit);
        QCOMPARE(unnamed(&root), QStringList());
    }
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
