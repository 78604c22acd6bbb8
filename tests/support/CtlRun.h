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

inline CtlRun runCtl(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000))
        return {};
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace daybreak
