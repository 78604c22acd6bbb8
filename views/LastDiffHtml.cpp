#include "LastDiffHtml.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace daybreak {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("LastDiffHtml", text);
}

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString keyText(const QJsonValue &key)
{
    QStringList parts;
    for (const QJsonValue &k : key.toArray())
        parts << k.toString();
    return QLatin1Char('(') + parts.join(QStringLiteral(", ")) + QLatin1Char(')');
}

// A value as the diff read it: NULL stays NULL, an empty string or spaces at its ends are quoted.
QString valueText(const QString &v)
{
    if (v == QLatin1String("NULL"))
        return QStringLiteral("<i>NULL</i>");
    if (v.isEmpty() || v.trimmed() != v)
        return QLatin1Char('"') + esc(v) + QLatin1Char('"');
    return esc(v);
}

constexpr int kShown = 10;

} // namespace

QString lastDiffHtml(const MeasuredParity &measured, const ParityResult *result)
{
    const QJsonObject d = measured.detail;
    const qint64 missingCloud = d.value(QStringLiteral("missing_on_cloud_count")).toInteger();
    const qint64 missingPrem = d.value(QStringLiteral("missing_on_onprem_count")).toInteger();
    const qint64 changed = d.value(QStringLiteral("changed_count")).toInteger();
    const bool clean = missingCloud + missingPrem + changed == 0;
    QString html = tr("<h4>Last diff measured by Daybreak: %1</h4>")
                       .arg(measured.businessDate.toString(Qt::ISODate));
    html += tr("<p>%1 rows on-prem, %2 in the cloud; <b style='color:%3'>%4 differing</b>%5</p>")
                .arg(d.value(QStringLiteral("onprem_rows")).toInteger())
                .arg(d.value(QStringLiteral("cloud_rows")).toInteger())
                .arg(clean ? QStringLiteral("#1b7f3b") : QStringLiteral("#c01c28"))
                .arg(missingCloud + missingPrem + changed)
                .arg(result && result->isResolved()
                         ? tr(" (%1 by %2)")
                               .arg(resolutionName(result->resolution), esc(result->resolvedBy))
                         : QString());
    if (clean) {
        html += tr("<p style='color:#1b7f3b'>Every row equal within tolerance.</p>");
        return html;
    }
    auto keys = [&](const QString &field, qint64 count, const QString &what) {
        if (count == 0)
            return;
        QStringList shown;
        const QJsonArray listed = d.value(field).toArray();
        for (qsizetype i = 0; i < std::min<qsizetype>(listed.size(), kShown); ++i)
            shown << esc(keyText(listed.at(i)));
        html += QStringLiteral("<p><b>%1: %2</b> %3%4</p>")
                    .arg(what)
                    .arg(count)
                    .arg(shown.join(QLatin1Char(' ')), count > shown.size() ? tr(" …") : QString());
    };
    keys(QStringLiteral("missing_on_cloud"), missingCloud, tr("Missing in the cloud"));
    keys(QStringLiteral("missing_on_onprem"), missingPrem, tr("Only in the cloud"));
    if (changed > 0) {
        html += tr("<p><b>Changed: %1 rows</b></p><table cellspacing='0' cellpadding='2'><tr>"
                   "<th align='left'>Key</th><th align='left'>Column</th><th "
                   "align='right'>On-prem</th><th align='right'>Cloud</th></tr>")
                    .arg(changed);
        int rows = 0;
        for (const QJsonValue &row : d.value(QStringLiteral("changed")).toArray()) {
            const QJsonObject r = row.toObject();
            for (const QJsonValue &v : r.value(QStringLiteral("values")).toArray()) {
                if (rows++ >= kShown)
                    break;
                const QJsonObject value = v.toObject();
                html += QStringLiteral("<tr><td>%1</td><td>%2</td><td align='right'>%3</td><td "
                                       "align='right' style='color:#c01c28'>%4</td></tr>")
                            .arg(esc(keyText(r.value(QStringLiteral("key")))),
                                 esc(value.value(QStringLiteral("column")).toString()),
                                 valueText(value.value(QStringLiteral("onprem")).toString()),
                                 valueText(value.value(QStringLiteral("cloud")).toString()));
            }
        }
        html += QStringLiteral("</table>");
    }
    for (const QJsonValue &c : d.value(QStringLiteral("causes")).toArray()) {
        const QJsonObject cause = c.toObject();
        html += tr("<p style='color:#555'>Looks like %1 in %2 (%3 rows): %4 would absorb it — "
                   "suggested, not applied.</p>")
                    .arg(esc(cause.value(QStringLiteral("cause")).toString()),
                         esc(cause.value(QStringLiteral("column")).toString()))
                    .arg(cause.value(QStringLiteral("rows")).toInteger())
                    .arg(esc(cause.value(QStringLiteral("rule")).toString()));
    }
    return html;
}

} // namespace daybreak
