#include "DiffSides.h"

#include <QRegularExpression>

namespace daybreak::diff {

QString dateText(const QDate &d)
{
    return d.toString(Qt::ISODate);
}

QString tuple(const QStringList &parts)
{
    return parts.size() == 1
               ? parts.constFirst()
               : QLatin1Char('(') + parts.join(QStringLiteral(", ")) + QLatin1Char(')');
}

QString placeholders(int n)
{
    QStringList marks;
    for (int i = 0; i < n; ++i)
        marks << QStringLiteral("?");
    return tuple(marks);
}

QString rangeCondition(const Side &s, const KeyRange &r, QVariantList &params)
{
    QStringList parts;
    if (!r.lower.isEmpty()) {
        parts << QStringLiteral("%1 >= %2").arg(tuple(s.keyOrder), placeholders(r.lower.size()));
        params += r.lower;
    }
    if (!r.upper.isEmpty()) {
        parts << QStringLiteral("%1 < %2").arg(tuple(s.keyOrder), placeholders(r.upper.size()));
        params += r.upper;
    }
    return parts.isEmpty() ? QStringLiteral("1 = 1") : parts.join(QStringLiteral(" AND "));
}

QString rangesCondition(const Side &s, const QList<KeyRange> &ranges, QVariantList &params)
{
    if (ranges.isEmpty())
        return QStringLiteral("1 = 1");
    QStringList any;
    for (const KeyRange &r : ranges)
        any << QLatin1Char('(') + rangeCondition(s, r, params) + QLatin1Char(')');
    return QLatin1Char('(') + any.join(QStringLiteral(" OR ")) + QLatin1Char(')');
}

QVariantList filterParams(const Side &s, const QDate &date)
{
    QVariantList p;
    for (int i = 0; i < s.filterDateParams; ++i)
        p << dateText(date);
    return p;
}

std::vector<QVariantList> runSelect(QSqlDatabase &db, const Side &s, const QString &sql,
                                    const QVariantList &params)
{
    qint64 bytes = 0;
    try {
        std::vector<QVariantList> rows = SideWorker::select(db, sql, params, &bytes);
        s.worker->count(1, bytes);
        return rows;
    } catch (const SourceUnreachable &e) {
        s.worker->count(1, bytes);
        throw SourceUnreachable(
            QStringLiteral("source %1 (%2) was lost in the middle of the "
                           "diff: %3")
                .arg(s.worker->source().name, s.label, QString::fromUtf8(e.what()).trimmed())
                .toStdString());
    }
}

QString boundFilter(const QString &where, int *dateParams)
{
    static const QRegularExpression date(QStringLiteral(":date\\b"));
    QString out = where;
    *dateParams = int(where.count(date));
    out.replace(date, QStringLiteral("?"));
    return out.trimmed().isEmpty() ? QStringLiteral("1 = 1") : QStringLiteral("(%1)").arg(out);
}

QString whereSide(const QString &label)
{
    return label == QLatin1String("onprem") ? QStringLiteral("on-prem")
                                            : QStringLiteral("in the cloud");
}

} // namespace daybreak::diff
