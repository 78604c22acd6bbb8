#include "ParityDiff.h"

#include <QDateTime>
#include <QTimeZone>

#include <cmath>

namespace daybreak {

namespace {

struct Fit
{
    QString cause;
    QString rule;
};

std::optional<QDateTime> timestampOf(const QString &canonical)
{
    if (canonical.size() < 19 || canonical[10] != QLatin1Char('T'))
        return std::nullopt;
    QDateTime t =
        QDateTime::fromString(canonical.left(23), QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz"));
    if (!t.isValid())
        t = QDateTime::fromString(canonical.left(19), QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
    if (!t.isValid())
        return std::nullopt;
    t.setTimeZone(QTimeZone::utc());
    return t;
}

// Which known cause one changed value fits, if any, and the rule that would absorb it.
std::optional<Fit> fit(const ChangedValue &v)
{
    if (v.onprem == QLatin1String("NULL") || v.cloud == QLatin1String("NULL"))
        return std::nullopt;
    const QString col = v.column;
    if (const auto a = timestampOf(v.onprem), b = timestampOf(v.cloud); a && b) {
        const qint64 seconds = a->secsTo(*b);
        if (seconds != 0 && std::llabs(seconds) <= 14 * 3600 && seconds % 900 == 0)
            return Fit{QStringLiteral("time-zone shift"),
                       QStringLiteral("the cloud side is %1 h %2: load %3 as UTC on both sides "
                                      "(a tolerance would hide real errors)")
                           .arg(std::llabs(seconds) / 3600.0)
                           .arg(seconds > 0 ? QStringLiteral("ahead") : QStringLiteral("behind"))
                           .arg(col)};
        if (v.onprem.left(19) == v.cloud.left(19))
            return Fit{QStringLiteral("lost precision"),
                       QStringLiteral("--tolerance %1=precision:%2")
                           .arg(col, v.onprem.left(23) == v.cloud.left(23) ? QStringLiteral("ms")
                                                                           : QStringLiteral("s"))};
        return std::nullopt;
    }
    bool okA = false, okB = false;
    const double x = v.onprem.toDouble(&okA);
    const double y = v.cloud.toDouble(&okB);
    if (okA && okB) {
        const double scale = std::max(std::fabs(x), std::fabs(y));
        const double rel = scale > 0 ? std::fabs(x - y) / scale : 0;
        if (rel <= 1e-6)
            return Fit{QStringLiteral("float noise"),
                       QStringLiteral("--tolerance %1=1e-6").arg(col)};
        // One side is the other rounded to fewer decimals (8.756 and 8.76, not 8.75 and 8.76).
        for (int decimals = 0; decimals <= 4; ++decimals) {
            const double unit = std::pow(10.0, -decimals);
            const auto roundedTo = [unit](double a, double b) {
                return std::fabs(a - std::round(b / unit) * unit) <=
                       1e-9 * std::max(1.0, std::fabs(a));
            };
            if ((roundedTo(x, y) || roundedTo(y, x)) && std::fabs(x - y) < unit / 2 + 1e-12)
                return Fit{QStringLiteral("lost precision"),
                           QStringLiteral("--tolerance %1=abs:%2").arg(col).arg(unit / 2)};
        }
        return std::nullopt;
    }
    if (v.onprem.trimmed() == v.cloud.trimmed() && v.onprem != v.cloud) {
        // only trailing whitespace: rtrim absorbs it
        QString a = v.onprem, b = v.cloud;
        while (a.endsWith(QLatin1Char(' ')) || a.endsWith(QLatin1Char('\t')))
            a.chop(1);
        while (b.endsWith(QLatin1Char(' ')) || b.endsWith(QLatin1Char('\t')))
            b.chop(1);
        if (a == b)
            return Fit{QStringLiteral("trailing whitespace"),
                       QStringLiteral("--normalise %1=rtrim").arg(col)};
    }
    if (v.onprem.compare(v.cloud, Qt::CaseInsensitive) == 0)
        return Fit{QStringLiteral("collation"), QStringLiteral("--normalise %1=lower").arg(col)};
    return std::nullopt;
}

} // namespace

QList<DiffCause> classifyDifferences(const QList<ChangedRow> &changed, int examples)
{
    QList<DiffCause> causes;
    for (const ChangedRow &row : changed)
        for (const ChangedValue &v : row.values) {
            const std::optional<Fit> f = fit(v);
            if (!f)
                continue;
            auto it = std::find_if(causes.begin(), causes.end(), [&](const DiffCause &c) {
                return c.cause == f->cause && c.column == v.column && c.rule == f->rule;
            });
            if (it == causes.end()) {
                causes.append({f->cause, v.column, f->rule, 0, {}});
                it = causes.end() - 1;
            }
            ++it->rows;
            if (it->examples.size() < examples)
                it->examples << row.key;
        }
    return causes;
}

} // namespace daybreak
