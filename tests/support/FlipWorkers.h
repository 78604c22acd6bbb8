#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace daybreak {

// Worker processes (tst_concurrency --worker) flipping pointers through daybreakctl while a
// fault test breaks the store; each prints one line per attempt: "<pipeline> <action> <exit>".
class FlipWorkers
{
public:
    // Starts `count` workers of `flips` flips each on `store`, seeded from `seed`; their output is
    // collected as it comes, parented to `owner`.
    FlipWorkers(QObject *owner, const QString &workerPath, const QString &ctlPath,
                const QString &store, int count, int flips, int seed)
    {
        for (int w = 0; w < count; ++w) {
            auto *p = new QProcess(owner);
            QObject::connect(p, &QProcess::readyReadStandardOutput, owner, [this, p] {
                m_output += QString::fromUtf8(p->readAllStandardOutput());
            });
            p->start(workerPath, {QStringLiteral("--worker"), ctlPath, store,
                                  QString::number(flips), QString::number(seed + w)});
            m_workers.append(p);
        }
    }
    FlipWorkers(const FlipWorkers &) = delete;
    FlipWorkers &operator=(const FlipWorkers &) = delete;

    // Waits for every worker; false if one did not finish or failed.
    bool finish()
    {
        bool ok = true;
        for (QProcess *p : std::as_const(m_workers)) {
            ok = p->waitForFinished(10 * 60 * 1000) && p->exitCode() == 0 && ok;
            m_output += QString::fromUtf8(p->readAllStandardOutput());
        }
        return ok;
    }
    const QString &output() const { return m_output; }

    // What the attempts answered: flips done (exit 0) and unreachable (exit 6, also counted per
    // pipeline when a flip rather than the look before one found no store); any other exit but
    // 5 (a conflict) is unexpected.
    struct Tally
    {
        QHash<QString, int> written;
        QHash<QString, int> unreachableFlips;
        int unreachable = 0;
        QStringList unexpected;
    };
    Tally tally() const
    {
        Tally t;
        for (const QString &line : m_output.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const QStringList f = line.split(QLatin1Char(' '));
            const QString exit = f.value(2);
            if (exit == QLatin1String("0")) {
                ++t.written[f.value(0)];
            } else if (exit == QLatin1String("6")) {
                ++t.unreachable;
                if (f.value(1) != QLatin1String("status"))
                    ++t.unreachableFlips[f.value(0)];
            } else if (exit != QLatin1String("5")) {
                t.unexpected << line;
            }
        }
        return t;
    }

private:
    QList<QProcess *> m_workers;
    QString m_output;
};

} // namespace daybreak
