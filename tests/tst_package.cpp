// The Debian package, made by CPack from this build tree and looked at as a user's machine
// would: its Depends (the runtime libraries, nothing of the toolchain), its contents, and an
// install into a throwaway root with dpkg (maintainer scripts included), where the installed
// programs run from their installed paths. dpkg installs only as root, as CI runs.
#include "CtlRun.h"
#include "Version.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace daybreak;

namespace {
// Packaging runs longer than a daybreakctl call: cpack compresses, dpkg unpacks.
CtlRun run(const QString &program, const QStringList &args,
           const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    return runCtl(program, args, env, 300000);
}

QString text(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// The passwd or group entry's numeric id, from the throwaway root's own files.
int idIn(const QString &file, const QString &name)
{
    for (const QString &line : text(file).split(QLatin1Char('\n')))
        if (line.startsWith(name + QLatin1Char(':')))
            return line.section(QLatin1Char(':'), 2, 2).toInt();
    return -1;
}
} // namespace

class TestPackage : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_deb;
    QString m_root;
    QStringList m_depends; // package names

    CtlRun dpkg(const QStringList &args)
    {
        return run(QStringLiteral("dpkg"), QStringList{QStringLiteral("--root=") + m_root,
                                                       QStringLiteral("--force-script-chrootless"),
                                                       QStringLiteral("--log=/dev/null")} +
                                               args);
    }

    QString installed(const QString &path) const { return m_root + path; }

private slots:
    void initTestCase()
    {
        QVERIFY2(::geteuid() == 0, "dpkg installs into a root only as root (CI runs as root)");
        QVERIFY(m_dir.isValid());
        const CtlRun cpack =
            run(QStringLiteral("cpack"),
                {QStringLiteral("-G"), QStringLiteral("DEB"), QStringLiteral("--config"),
                 QStringLiteral(DAYBREAK_BUILD_DIR "/CPackConfig.cmake"), QStringLiteral("-B"),
                 m_dir.filePath(QStringLiteral("out"))});
        QVERIFY2(cpack.exit == 0, qPrintable(cpack.out + cpack.err));
        m_deb = m_dir.filePath(QStringLiteral("out/daybreak_%1_amd64.deb").arg(daybreakVersion()));
        QVERIFY2(QFileInfo::exists(m_deb), qPrintable(cpack.out));
    }

    void dependsOnTheRuntimeLibrariesOnly()
    {
        const CtlRun field = run(QStringLiteral("dpkg-deb"),
                                 {QStringLiteral("--field"), m_deb, QStringLiteral("Depends")});
        QCOMPARE(field.exit, 0);
        for (const QString &alternative :
             field.out.trimmed().split(QRegularExpression(QStringLiteral("[,|]"))))
            m_depends << alternative.trimmed().section(QLatin1Char(' '), 0, 0);
        // From the shared libraries (dpkg-shlibdeps), and the drivers Qt loads at run time.
        for (const char *needed :
             {"libqt6core6", "libqt6gui6", "libqt6widgets6", "libqt6charts6", "libqt6sql6",
              "libqt6network6", "libqt6httpserver6", "libqt6svg6", "libqt6sql6-sqlite",
              "libqt6sql6-psql", "libpq5", "libcurl4", "libstdc++6", "libc6"})
            QVERIFY2(m_depends.contains(QLatin1String(needed)),
                     qPrintable(QStringLiteral("%1 missing from Depends: %2")
                                    .arg(QLatin1String(needed), field.out)));
        static const QRegularExpression toolchain(QStringLiteral(
            "-dev$|^(g\\+\\+|gcc|cmake|ninja-build|clang-format|make|qt6-base-dev-tools)$"));
        for (const QString &name : std::as_const(m_depends)) {
            QVERIFY2(!toolchain.match(name).hasMatch(), qPrintable(name));
            // Each a real Debian package: this machine runs the build with it installed.
            const CtlRun status = run(QStringLiteral("dpkg-query"),
                                      {QStringLiteral("-W"), QStringLiteral("-f=${Status}"), name});
            QVERIFY2(status.out == QLatin1String("install ok installed"), qPrintable(name));
        }
    }

    void holdsTheInstallationLayout()
    {
        const CtlRun contents =
            run(QStringLiteral("dpkg-deb"), {QStringLiteral("--contents"), m_deb});
        QCOMPARE(contents.exit, 0);
        for (const char *path :
             {"./usr/bin/daybreak", "./usr/bin/daybreakctl",
              "./usr/libexec/daybreak/daybreakctl-commands",
              "./usr/share/applications/daybreak.desktop",
              "./usr/share/icons/hicolor/scalable/apps/daybreak.svg",
              "./usr/share/man/man1/daybreak.1.gz", "./usr/share/man/man1/daybreakctl.1.gz",
              "./usr/share/bash-completion/completions/daybreakctl",
              "./usr/lib/systemd/system/daybreak-watch.service",
              "./usr/share/daybreak/demo-inventory.json", "./usr/share/daybreak/watch.conf",
              "./usr/share/doc/daybreak/copyright", "./usr/share/doc/daybreak/README.md"})
            QVERIFY2(contents.out.contains(QLatin1String(path) + QLatin1Char('\n')), path);
        QVERIFY(!contents.out.contains(QStringLiteral("./usr/local")));
        QVERIFY(!contents.out.contains(QStringLiteral("./usr/include")));
        QVERIFY(!contents.out.contains(QStringLiteral(".a\n")));
        const CtlRun info = run(QStringLiteral("dpkg-deb"), {QStringLiteral("--info"), m_deb});
        for (const char *script : {"postinst", "prerm", "postrm"})
            QVERIFY2(info.out.contains(QLatin1String(script)), script);
    }

    void installsIntoAThrowawayRoot()
    {
        // The root's dpkg knows the packages Depends names as this machine has them (their
        // status entries, no files), so dpkg checks the dependencies and versions for real;
        // its /etc has only root, so the postinst's user is made there.
        m_root = m_dir.filePath(QStringLiteral("root"));
        QVERIFY(QDir().mkpath(m_root + QStringLiteral("/var/lib/dpkg/info")));
        QVERIFY(QDir().mkpath(m_root + QStringLiteral("/var/lib/dpkg/updates")));
        QVERIFY(QDir().mkpath(m_root + QStringLiteral("/etc")));
        QString status;
        for (const QString &name : std::as_const(m_depends)) {
            const CtlRun entry = run(QStringLiteral("dpkg-query"), {QStringLiteral("-s"), name});
            QCOMPARE(entry.exit, 0);
            status += entry.out.trimmed() + QStringLiteral("\n\n");
            QFile list(m_root + QStringLiteral("/var/lib/dpkg/info/%1.list").arg(name));
            QVERIFY(list.open(QIODevice::WriteOnly));
        }
        QFile statusFile(m_root + QStringLiteral("/var/lib/dpkg/status"));
        QVERIFY(statusFile.open(QIODevice::WriteOnly));
        statusFile.write(status.toUtf8());
        statusFile.close();
        for (const char *file : {"passwd", "group", "shadow", "gshadow"}) {
            QFile out(m_root + QStringLiteral("/etc/") + QLatin1String(file));
            QVERIFY(out.open(QIODevice::WriteOnly));
            for (const QString &line :
                 text(QStringLiteral("/etc/") + QLatin1String(file)).split(QLatin1Char('\n')))
                if (line.startsWith(QLatin1String("root:")))
                    out.write(line.toUtf8() + '\n');
        }

        const CtlRun install = dpkg({QStringLiteral("-i"), m_deb});
        QVERIFY2(install.exit == 0, qPrintable(install.out + install.err));
        QVERIFY2(!install.err.contains(QStringLiteral("dependency problems")),
                 qPrintable(install.err));
        const CtlRun state =
            run(QStringLiteral("dpkg-query"),
                {QStringLiteral("--admindir=") + m_root + QStringLiteral("/var/lib/dpkg"),
                 QStringLiteral("-W"), QStringLiteral("-f=${Status}"), QStringLiteral("daybreak")});
        QCOMPARE(state.out, QStringLiteral("install ok installed"));

        // The daybreak system user, its home, and the config made from the template.
        const QString passwd = text(installed(QStringLiteral("/etc/passwd")));
        QVERIFY2(
            passwd.contains(QRegularExpression(
                QStringLiteral("^daybreak:x:\\d+:\\d+:[^:]*:/var/lib/daybreak:/usr/sbin/nologin$"),
                QRegularExpression::MultilineOption)),
            qPrintable(passwd));
        const int uid = idIn(installed(QStringLiteral("/etc/passwd")), QStringLiteral("daybreak"));
        const int gid = idIn(installed(QStringLiteral("/etc/group")), QStringLiteral("daybreak"));
        QVERIFY(uid > 0 && uid < 1000); // a system user
        struct stat home = {};
        QCOMPARE(::stat(qPrintable(installed(QStringLiteral("/var/lib/daybreak"))), &home), 0);
        QCOMPARE(int(home.st_uid), uid);
        QCOMPARE(int(home.st_mode & 0777), 0750);
        struct stat conf = {};
        const QString config = installed(QStringLiteral("/etc/daybreak/watch.conf"));
        QCOMPARE(::stat(qPrintable(config), &conf), 0);
        QCOMPARE(int(conf.st_uid), 0);
        QCOMPARE(int(conf.st_gid), gid);
        QCOMPARE(int(conf.st_mode & 0777), 0640);

        // The unit: the daybreak user, the config, no password, and not enabled.
        const QString unit =
            text(installed(QStringLiteral("/usr/lib/systemd/system/daybreak-watch.service")));
        QVERIFY(unit.contains(QStringLiteral("\nUser=daybreak\n")));
        QVERIFY(unit.contains(QStringLiteral(
            "\nExecStart=/usr/bin/daybreakctl watch --config /etc/daybreak/watch.conf\n")));
        for (const QString &file : {unit, text(config)})
            for (const QString &line : file.split(QLatin1Char('\n')))
                if (!line.startsWith(QLatin1Char('#')) && !line.startsWith(QLatin1Char(';')))
                    QVERIFY2(!line.contains(QStringLiteral("password"), Qt::CaseInsensitive) &&
                                 !line.contains(QStringLiteral("PGPASSWORD")),
                             qPrintable(line));
        QVERIFY(QDir(installed(QStringLiteral("/etc/systemd/system")))
                    .entryList({QStringLiteral("*.wants")}, QDir::Dirs)
                    .isEmpty());
    }

    void runsFromTheInstalledPaths()
    {
        QVERIFY(!m_root.isEmpty());
        const QString ctl = installed(QStringLiteral("/usr/bin/daybreakctl"));
        const CtlRun linked = run(QStringLiteral("readelf"), {QStringLiteral("-d"), ctl});
        QVERIFY(!linked.out.contains(QStringLiteral("RPATH")) &&
                !linked.out.contains(QStringLiteral("RUNPATH")));
        // The launcher that answers route loads no GUI, HTTP server or libcurl; the commands
        // program it runs for the rest is installed beside the package's other programs.
        for (const char *heavy : {"libQt6Gui", "libQt6HttpServer", "libcurl"})
            QVERIFY2(!linked.out.contains(QLatin1String(heavy)), heavy);
        const CtlRun commands =
            run(QStringLiteral("readelf"),
                {QStringLiteral("-d"),
                 installed(QStringLiteral("/usr/libexec/daybreak/daybreakctl-commands"))});
        QCOMPARE(commands.exit, 0);
        QVERIFY(commands.out.contains(QStringLiteral("libQt6Gui")));
        QVERIFY(!commands.out.contains(QStringLiteral("RPATH")) &&
                !commands.out.contains(QStringLiteral("RUNPATH")));
        const CtlRun version = run(ctl, {QStringLiteral("--version")});
        QCOMPARE(version.exit, 0);
        QCOMPARE(version.out.trimmed(), versionLine(QStringLiteral("daybreakctl")));

        QTemporaryDir home;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home.path());
        env.remove(QStringLiteral("DAYBREAK_STORE"));
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        const CtlRun init = run(ctl, {QStringLiteral("init"), QStringLiteral("--demo")}, env);
        QVERIFY2(init.exit == 0, qPrintable(init.err));
        const CtlRun status = run(ctl, {QStringLiteral("status")}, env); // the per-user store
        QCOMPARE(status.exit, 0);
        QVERIFY(status.out.contains(QStringLiteral("erp_orders_extract")));
        QVERIFY(QFileInfo::exists(
            home.filePath(QStringLiteral(".local/share/daybreak/daybreak.sqlite"))));
        const CtlRun help = run(ctl, {QStringLiteral("--help")}, env);
        QCOMPARE(help.exit, 0);
        QVERIFY(help.out.contains(QStringLiteral("wave status")));
        // The watch reads the installed config (exit 6: its store is not made yet, so the
        // config itself was accepted).
        const CtlRun watch =
            run(ctl,
                {QStringLiteral("watch"), QStringLiteral("--config"),
                 installed(QStringLiteral("/etc/daybreak/watch.conf")), QStringLiteral("--store"),
                 home.filePath(QStringLiteral("none.sqlite"))},
                env);
        QVERIFY2(watch.exit == 6, qPrintable(watch.err));
        // The console, without a display, answers --version and --help.
        const QString gui = installed(QStringLiteral("/usr/bin/daybreak"));
        const CtlRun guiVersion = run(gui, {QStringLiteral("--version")}, env);
        QCOMPARE(guiVersion.exit, 0);
        QCOMPARE(
            guiVersion.out.trimmed(),
            QStringLiteral("daybreak %1 (commit %2)").arg(daybreakVersion(), daybreakCommit()));
    }

    void manPagesAndDesktopEntryRead()
    {
        QVERIFY(!m_root.isEmpty());
        const QString ctl = installed(QStringLiteral("/usr/bin/daybreakctl"));
        for (const char *page : {"daybreak", "daybreakctl"}) {
            const QString path =
                installed(QStringLiteral("/usr/share/man/man1/%1.1.gz").arg(QLatin1String(page)));
            // groff's own warnings (-ww) would name a malformed request.
            const CtlRun rendered =
                run(QStringLiteral("sh"),
                    {QStringLiteral("-c"),
                     QStringLiteral("zcat \"$0\" | groff -man -Tutf8 -ww -P-cbou"), path});
            QCOMPARE(rendered.exit, 0);
            QVERIFY2(rendered.err.isEmpty(), qPrintable(rendered.err));
            QVERIFY(rendered.out.contains(QStringLiteral("NAME")));
            if (qstrcmp(page, "daybreakctl") != 0) {
                QVERIFY(rendered.out.contains(QStringLiteral("--war-room")));
                continue;
            }
            // Every flag of every command's --help is in the page, as ASCII that copies.
            const CtlRun commands =
                run(ctl, {QStringLiteral("complete"), QStringLiteral("commands")});
            for (const QString &command :
                 commands.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
                QVERIFY2(rendered.out.contains(QStringLiteral("daybreakctl ") + command),
                         qPrintable(command));
                const CtlRun help = run(ctl, {command, QStringLiteral("--help")});
                static const QRegularExpression flag(QStringLiteral("^  (--[a-z][a-z0-9-]*)"),
                                                     QRegularExpression::MultilineOption);
                for (const auto &m : flag.globalMatch(help.out))
                    if (m.captured(1) != QLatin1String("--help") &&
                        m.captured(1) != QLatin1String("--help-all")) // Qt's own, every command
                        QVERIFY2(rendered.out.contains(m.captured(1)),
                                 qPrintable(command + QLatin1Char(' ') + m.captured(1)));
            }
        }
        const CtlRun desktop =
            run(QStringLiteral("desktop-file-validate"),
                {installed(QStringLiteral("/usr/share/applications/daybreak.desktop"))});
        QVERIFY2(desktop.exit == 0 && desktop.out.isEmpty(), qPrintable(desktop.out + desktop.err));
    }

    void upgradeKeepsTheConfigAndPurgeRemovesIt()
    {
        QVERIFY(!m_root.isEmpty());
        const QString config = installed(QStringLiteral("/etc/daybreak/watch.conf"));
        QFile edited(config);
        QVERIFY(edited.open(QIODevice::Append));
        edited.write("listen = 127.0.0.1:5000\n");
        edited.close();
        const QString mine = text(config);
        const CtlRun again = dpkg({QStringLiteral("-i"), m_deb});
        QVERIFY2(again.exit == 0, qPrintable(again.err));
        QCOMPARE(text(config), mine);

        const CtlRun purge = dpkg({QStringLiteral("--purge"), QStringLiteral("daybreak")});
        QVERIFY2(purge.exit == 0, qPrintable(purge.err));
        QVERIFY(!QFileInfo::exists(installed(QStringLiteral("/usr/bin/daybreakctl"))));
        QVERIFY(!QFileInfo::exists(config));
        // The store's home and the user stay: a store is the migration's record.
        QVERIFY(QFileInfo::exists(installed(QStringLiteral("/var/lib/daybreak"))));
        QVERIFY(idIn(installed(QStringLiteral("/etc/passwd")), QStringLiteral("daybreak")) > 0);
    }
};

QTEST_GUILESS_MAIN(TestPackage)
#include "tst_package.moc"
