// daybreakctl's bash completion, scripted: the completion function from
// resources/daybreakctl.bash-completion runs in a real bash against a real store, and what it
// offers is compared with what the store and daybreakctl's own tables hold.
#include "CtlRun.h"
#include "SqliteStore.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace daybreak;

class TestCompletion : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_store;

    // What bash's completion offers for the words typed so far; the last word is the one being
    // completed (empty: after a space).
    QStringList complete(const QStringList &words)
    {
        QString script = QStringLiteral("source \"$1\"; shift; COMP_WORDS=(\"$@\"); "
                                        "COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _daybreakctl; "
                                        "printf '%s\\n' \"${COMPREPLY[@]}\"");
        QProcess bash;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PATH"),
                   QFileInfo(QStringLiteral(DAYBREAKCTL_PATH)).absolutePath() +
                       QStringLiteral(":/usr/bin:/bin"));
        env.remove(QStringLiteral("DAYBREAK_STORE"));
        bash.setProcessEnvironment(env);
        bash.start(QStringLiteral("bash"),
                   QStringList{QStringLiteral("-c"), script, QStringLiteral("bash"),
                               QStringLiteral(DAYBREAK_SOURCE_DIR
                                              "/resources/daybreakctl.bash-completion")} +
                       words);
        bash.closeWriteChannel();
        if (!bash.waitForFinished(60000) || bash.exitCode() != 0)
            return {QStringLiteral("bash failed: ") +
                    QString::fromUtf8(bash.readAllStandardError())};
        QStringList offered =
            QString::fromUtf8(bash.readAllStandardOutput()).split(QLatin1Char('\n'));
        offered.removeAll(QString());
        std::sort(offered.begin(), offered.end());
        return offered;
    }

    QStringList withStore(QStringList words)
    {
        return QStringList{QStringLiteral("daybreakctl"), QStringLiteral("--store"), m_store} +
               words;
    }

    static QStringList sorted(QStringList words)
    {
        std::sort(words.begin(), words.end());
        return words;
    }

    StoreSnapshot snapshot()
    {
        SqliteStore store(m_store, OpenMode::MustExist);
        return store.snapshot();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_store = m_dir.filePath(QStringLiteral("store.sqlite"));
        const QString ctl = QStringLiteral(DAYBREAKCTL_PATH);
        QCOMPARE(runCtl(ctl, {QStringLiteral("init"), QStringLiteral("--demo"),
                              QStringLiteral("--store"), m_store})
                     .exit,
                 0);
        // A wave name with a space, and a channel: both must come back as one word each.
        const QString wave = snapshot().plan.waves().first().name;
        QCOMPARE(runCtl(ctl, {QStringLiteral("wave"), QStringLiteral("rename"), wave,
                              QStringLiteral("Night Pilot"), QStringLiteral("--store"), m_store})
                     .exit,
                 0);
        QCOMPARE(runCtl(ctl, {QStringLiteral("notify"), QStringLiteral("add"),
                              QStringLiteral("war-room"), QStringLiteral("webhook"),
                              QStringLiteral("http://127.0.0.1:9/hook"), QStringLiteral("--store"),
                              m_store})
                     .exit,
                 0);
    }

    void commandsComeFromDaybreakctl()
    {
        const CtlRun listed = runCtl(QStringLiteral(DAYBREAKCTL_PATH),
                                     {QStringLiteral("complete"), QStringLiteral("commands")});
        QCOMPARE(listed.exit, 0);
        QStringList commands = listed.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(commands.contains(QStringLiteral("cutover")));
        QCOMPARE(complete({QStringLiteral("daybreakctl"), QString()}), sorted(commands));
        QCOMPARE(complete({QStringLiteral("daybreakctl"), QStringLiteral("cut")}),
                 QStringList{QStringLiteral("cutover")});
        QCOMPARE(complete({QStringLiteral("daybreakctl"), QStringLiteral("--store"), m_store,
                           QStringLiteral("re")}),
                 sorted({QStringLiteral("reject"), QStringLiteral("report"),
                         QStringLiteral("request"), QStringLiteral("requests")}));
    }

    void subcommandsAndFlags()
    {
        QCOMPARE(complete(withStore({QStringLiteral("wave"), QStringLiteral("st")})),
                 QStringList{QStringLiteral("status")});
        QCOMPARE(complete(withStore({QStringLiteral("cutover"), QStringLiteral("--d")})),
                 QStringList{QStringLiteral("--dry-run")});
        QCOMPARE(complete(withStore({QStringLiteral("sla"), QString()})),
                 sorted({QStringLiteral("ack"), QStringLiteral("backtest")}));
        // A flag's choices, from its description in --help.
        QCOMPARE(complete({QStringLiteral("daybreakctl"), QStringLiteral("report"),
                           QStringLiteral("--format"), QString()}),
                 sorted({QStringLiteral("pdf"), QStringLiteral("html"), QStringLiteral("md"),
                         QStringLiteral("csv"), QStringLiteral("dot")}));
        QCOMPARE(complete({QStringLiteral("daybreakctl"), QStringLiteral("run-event"),
                           QStringLiteral("--side"), QString()}),
                 sorted({QStringLiteral("onprem"), QStringLiteral("cloud")}));
        QCOMPARE(complete(withStore({QStringLiteral("request"), QString()})),
                 sorted({QStringLiteral("cutover"), QStringLiteral("rollback"),
                         QStringLiteral("decommission")}));
    }

    void pipelineIdsFromTheStore()
    {
        QStringList erp;
        const StoreSnapshot now = snapshot();
        for (const Pipeline &p : now.inventory.pipelines())
            if (p.id.startsWith(QLatin1String("erp_")))
                erp << p.id;
        QVERIFY(erp.size() >= 2);
        QCOMPARE(complete(withStore({QStringLiteral("cutover"), QStringLiteral("erp_")})),
                 sorted(erp));
        // After a flag that takes a value, and with --store after the command.
        QCOMPARE(complete({QStringLiteral("daybreakctl"), QStringLiteral("rollback"),
                           QStringLiteral("--reason"), QStringLiteral("two words"),
                           QStringLiteral("--store"), m_store, QStringLiteral("erp_")}),
                 sorted(erp));
        QCOMPARE(complete(withStore({QStringLiteral("request"), QStringLiteral("cutover"),
                                     QStringLiteral("erp_")})),
                 sorted(erp));
        QCOMPARE(complete(withStore({QStringLiteral("cutover"), QStringLiteral("no_such_")})),
                 QStringList());
    }

    void waveNamesAndChannelsFromTheStore()
    {
        QStringList waves;
        const StoreSnapshot now = snapshot();
        for (const Wave &w : now.plan.waves())
            waves << w.name;
        QVERIFY(waves.contains(QStringLiteral("Night Pilot")));
        // A name with a space comes back as one word, quoted for the shell.
        QStringList quoted;
        for (const QString &w : std::as_const(waves))
            quoted << QString(w).replace(QLatin1Char(' '), QStringLiteral("\\ "));
        const QString pipeline = now.inventory.pipelines().first().id;
        QCOMPARE(complete(withStore(
                     {QStringLiteral("wave"), QStringLiteral("assign"), pipeline, QString()})),
                 sorted(quoted));
        QCOMPARE(complete(withStore({QStringLiteral("report"), QStringLiteral("--wave"),
                                     QStringLiteral("Night")})),
                 QStringList{QStringLiteral("Night\\ Pilot")});
        QCOMPARE(
            complete(withStore({QStringLiteral("notify"), QStringLiteral("remove"), QString()})),
            QStringList{QStringLiteral("war-room")});
    }

    void everyListedSubcommandHasItsHelp()
    {
        const QString ctl = QStringLiteral(DAYBREAKCTL_PATH);
        const CtlRun commands =
            runCtl(ctl, {QStringLiteral("complete"), QStringLiteral("commands")});
        for (const QString &command : commands.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const CtlRun subs =
                runCtl(ctl, {QStringLiteral("complete"), QStringLiteral("subcommands"), command});
            QCOMPARE(subs.exit, 0);
            const CtlRun help = runCtl(ctl, {command, QStringLiteral("--help")});
            QVERIFY2(help.exit == 0 &&
                         help.out.startsWith(QStringLiteral("Usage: daybreakctl ") + command),
                     qPrintable(command + QLatin1Char(' ') + help.out.left(80) + help.err));
            for (const QString &sub : subs.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
                const CtlRun subHelp = runCtl(ctl, {command, sub, QStringLiteral("--help")});
                QVERIFY2(subHelp.exit == 0 &&
                             subHelp.out.startsWith(
                                 QStringLiteral("Usage: daybreakctl %1 %2").arg(command, sub)),
                         qPrintable(command + QLatin1Char(' ') + sub + subHelp.out.left(80) +
                                    subHelp.err));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestCompletion)
#include "tst_completion.moc"
