#include "OpenLineage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

namespace daybreak {

QString OpenLineage::Read::firstError() const
{
    for (const Problem &p : problems)
        if (p.isError())
            return p.toString();
    return {};
}

OpenLineage::Read OpenLineage::parse(const QByteArray &body, const QString &source)
{
    Read read;
    // The event and its field as a JSON path: "[2].run.runId".
    const auto error = [&](const QString &record, const QString &field, const QString &message) {
        const QString path = field.isEmpty() ? record : record + QLatin1Char('.') + field;
        read.problems.append({Problem::Severity::Error, source, 0, 0, {}, path, message});
    };
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        error({}, {},
              QStringLiteral("not JSON at byte %1: %2")
                  .arg(parseError.offset)
                  .arg(parseError.errorString()));
        return read;
    }
    QJsonArray items;
    if (doc.isArray())
        items = doc.array();
    else if (doc.isObject())
        items.append(doc.object());
    else {
        error({}, {}, QStringLiteral("expected an OpenLineage event or an array of them"));
        return read;
    }
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString where = QStringLiteral("[%1]").arg(i);
        if (!items.at(i).isObject()) {
            error(where, {}, QStringLiteral("not a JSON object"));
            continue;
        }
        const QJsonObject e = items.at(i).toObject();
        const QJsonValue type = e.value(QStringLiteral("eventType"));
        if (type.isUndefined() && !e.contains(QStringLiteral("run"))) {
            ++read.ignored; // a DatasetEvent or JobEvent: lineage without a run
            continue;
        }
        const QString t = type.toString();
        Event ev;
        ev.index = int(i);
        if (t == QLatin1String("START") || t == QLatin1String("RUNNING"))
            ev.kind = RunEvent::Kind::Started;
        else if (t == QLatin1String("COMPLETE"))
            ev.kind = RunEvent::Kind::Succeeded;
        else if (t == QLatin1String("FAIL") || t == QLatin1String("ABORT"))
            ev.kind = RunEvent::Kind::Failed;
        else if (t == QLatin1String("OTHER")) {
            ++read.ignored;
            continue;
        } else {
            error(where, QStringLiteral("eventType"),
                  QStringLiteral("'%1' is not START, RUNNING, COMPLETE, ABORT, FAIL or OTHER")
                      .arg(type.toVariant().toString()));
            continue;
        }
        const QJsonObject job = e.value(QStringLiteral("job")).toObject();
        ev.ns = job.value(QStringLiteral("namespace")).toString();
        ev.job = job.value(QStringLiteral("name")).toString();
        ev.runId =
            e.value(QStringLiteral("run")).toObject().value(QStringLiteral("runId")).toString();
        if (ev.ns.isEmpty())
            error(where, QStringLiteral("job.namespace"), QStringLiteral("missing"));
        if (ev.job.isEmpty())
            error(where, QStringLiteral("job.name"), QStringLiteral("missing"));
        if (ev.runId.isEmpty())
            error(where, QStringLiteral("run.runId"), QStringLiteral("missing"));
        const QString time = e.value(QStringLiteral("eventTime")).toString();
        ev.at = QDateTime::fromString(time, Qt::ISODateWithMs);
        if (ev.at.isValid() && ev.at.timeSpec() == Qt::LocalTime)
            ev.at.setTimeZone(QTimeZone::utc()); // no offset: the spec's times are UTC then
        if (!ev.at.isValid())
            error(where, QStringLiteral("eventTime"),
                  time.isEmpty() ? QStringLiteral("missing")
                                 : QStringLiteral("'%1' is not an ISO-8601 time").arg(time));
        else if (ev.at.date().year() < 2000 || ev.at.date().year() > 2999)
            error(where, QStringLiteral("eventTime"),
                  QStringLiteral("%1 is outside the years 2000 to 2999").arg(time));
        read.events.append(ev);
    }
    return read;
}

} // namespace daybreak
