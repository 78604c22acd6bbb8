#include "DbtRunResults.h"

#include "DbtManifest.h"
#include "ImportJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace daybreak {

bool DbtRunResults::isRunResults(const QByteArray &data)
{
    return data.left(4096).contains("schemas.getdbt.com/dbt/run-results/");
}

RunHistoryRead DbtRunResults::read(const QByteArray &data, const QString &fileName)
{
    RunHistoryRead result;
    const auto error = [&](const QString &record, const QString &field, const QString &message) {
        result.problems.append({Problem::Severity::Error, fileName, 0, 0, record, field, message});
    };
    const std::optional<QJsonObject> parsed = ImportJson::object(data, fileName, result.problems);
    if (!parsed)
        return result;
    const QJsonObject root = *parsed;
    const QString which =
        root.value(QStringLiteral("args")).toObject().value(QStringLiteral("which")).toString();
    static const QStringList runs{QStringLiteral("run"),   QStringLiteral("build"),
                                  QStringLiteral("seed"),  QStringLiteral("snapshot"),
                                  QStringLiteral("retry"), QString()};
    if (!runs.contains(which)) {
        error({}, QStringLiteral("args.which"),
              QStringLiteral("written by 'dbt %1', which runs nothing; import the run_results of "
                             "dbt run or dbt build")
                  .arg(which));
        return result;
    }
    const QJsonArray results = root.value(QStringLiteral("results")).toArray();
    for (qsizetype i = 0; i < results.size(); ++i) {
        const QJsonObject r = results.at(i).toObject();
        const QString where = QStringLiteral("results[%1]").arg(i);
        const QString uid = r.value(QStringLiteral("unique_id")).toString();
        const QString status = r.value(QStringLiteral("status")).toString();
        const QString type = uid.section(QLatin1Char('.'), 0, 0);
        if (uid.isEmpty()) {
            error(where, QStringLiteral("unique_id"), QStringLiteral("missing"));
            continue;
        }
        if ((type != QLatin1String("model") && type != QLatin1String("seed") &&
             type != QLatin1String("snapshot")) ||
            status == QLatin1String("skipped")) {
            ++result.skipped;
            continue;
        }
        const QJsonArray timing = r.value(QStringLiteral("timing")).toArray();
        if (timing.isEmpty()) {
            ++result.skipped; // dbt wrote no times: nothing ran
            continue;
        }
        const auto time = [&](const QJsonValue &v, const QString &field) {
            const QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
            if (!t.isValid())
                error(uid, where + QLatin1Char('.') + field,
                      QStringLiteral("'%1' is not an ISO-8601 time").arg(v.toString()));
            return t;
        };
        RunRecord run;
        run.key = DbtManifest::tagFor(uid);
        run.where = where;
        run.started = time(timing.first().toObject().value(QStringLiteral("started_at")),
                           QStringLiteral("timing[0].started_at"));
        run.finished = time(timing.last().toObject().value(QStringLiteral("completed_at")),
                            QStringLiteral("timing[%1].completed_at").arg(timing.size() - 1));
        if (status == QLatin1String("success") || status == QLatin1String("pass")) {
            run.succeeded = true;
        } else if (status == QLatin1String("error") || status == QLatin1String("fail")) {
            run.succeeded = false;
        } else {
            error(uid, where + QStringLiteral(".status"),
                  QStringLiteral("'%1' is not a dbt status (success, error, fail, skipped)")
                      .arg(status));
            continue;
        }
        if (run.started.isValid() && run.finished.isValid())
            result.runs.append(run);
    }
    return result;
}

} // namespace daybreak
