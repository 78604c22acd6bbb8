#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

namespace daybreak {

// One daybreakctl process, run to its end: what end-to-end tests look at.
struct CtlRun
{
    int exit = -1; // -1: it did not finish within a minute
    QString out;
    QString err;
};

// `program` (daybreakctl, or any other) with `args`, in `env`; waits up to `timeoutMs`.
inline CtlRun runCtl(const QString &program, const QStringList &args,
                     const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(),
                     int timeoutMs = 60000)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs))
        return {};
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace daybreak
