#include "AirflowApi.h"

#include "ImportJson.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace daybreak {

namespace {
QString idFor(const QString &dag, const QString &task)
{
    return ImportJson::slug(dag + QLatin1Char('.') + task);
}

// A file's JSON object, or a problem naming it.
std::optional<QJsonObject> load(const QString &path, Problems &problems)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        problems.append({Problem::Severity::Error,
                         path,
                         0,
                         0,
                         {},
                         {},
                         QStringLiteral("cannot be read: %1").arg(f.errorString())});
        return std::nullopt;
    }
    return ImportJson::object(f.readAll(), path, problems);
}

// The time of day a daily cron or preset starts at; empty for anything else.
std::optional<QTime> dailyStart(const QJsonValue &schedule)
{
    QString expr = schedule.isObject()
                       ? schedule.toObject().value(QStringLiteral("value")).toString()
                       : schedule.toString();
    expr = expr.trimmed();
    if (expr == QLatin1String("@daily") || expr == QLatin1String("@midnight"))
        return QTime(0, 0);
    static const QRegularExpression cron(QStringLiteral("^(\\d{1,2}) (\\d{1,2}) \\* \\* \\S+$"));
    const QRegularExpressionMatch m = cron.match(expr);
    if (!m.hasMatch())
        return std::nullopt;
    const QTime t(m.captured(2).toInt(), m.captured(1).toInt());
    return t.isValid() ? std::optional<QTime>(t) : std::nullopt;
}

QStringList instanceFiles(const QString &folder)
{
    QStringList files;
    for (const QString &name :
         QDir(folder).entryList({QStringLiteral("task_instances*.json")}, QDir::Files, QDir::Name))
        files << QDir(folder).filePath(name);
    return files;
}
// One export read in the order its files build on each other: the DAGs and their tasks, the
// tasks' own links, the links across DAGs (datasets and assets, ExternalTaskSensors), and then
// one pipeline per task.
class ExportReader
{
public:
    ExportReader(const QString &folder, Problems &problems)
        : m_folder(folder), m_dir(folder), m_dagsPath(m_dir.filePath(QStringLiteral("dags.json"))),
          m_problems(problems)
    {
    }

    std::optional<QList<Pipeline>> read()
    {
        const std::optional<QJsonObject> dags = load(m_dagsPath, m_problems);
        if (!dags)
            return std::nullopt;
        readDags(*dags);
        for (const Task &t : std::as_const(m_tasks))
            for (const QJsonValue &down :
                 t.json.value(QStringLiteral("downstream_task_ids")).toArray())
                m_upstreams[idFor(t.dag, down.toString())] << idFor(t.dag, t.task);
        readDatasets();
        readSensors();
        QList<Pipeline> pipelines;
        for (const Task &t : std::as_const(m_tasks))
            m_ids.insert(idFor(t.dag, t.task));
        for (const Task &t : std::as_const(m_tasks))
            pipelines.append(pipelineOf(t));
        return pipelines;
    }

private:
    struct Task
    {
        QString dag;
        QString task;
        QJsonObject json;
    };

    const QString m_folder;
    const QDir m_dir;
    const QString m_dagsPath;
    Problems &m_problems;
    QList<Task> m_tasks;
    QHash<QString, QJsonObject> m_dagOf;
    QHash<QString, QStringList> m_tasksOfDag; // ids
    QHash<QString, QStringList> m_upstreams;  // id: upstream ids
    QHash<QString, QStringList> m_crossDag;   // id: upstream ids from other DAGs
    QSet<QString> m_ids;
    QSet<QString> m_warnedSchedule;

    void problem(Problem::Severity severity, const QString &file, const QString &record,
                 const QString &field, const QString &message)
    {
        m_problems.append({severity, file, 0, 0, record, field, message});
    }

    void readDags(const QJsonObject &dags)
    {
        const QJsonArray dagList = dags.value(QStringLiteral("dags")).toArray();
        if (dagList.isEmpty())
            problem(Problem::Severity::Error, m_dagsPath, {}, QStringLiteral("dags"),
                    QStringLiteral("no DAG"));
        for (qsizetype i = 0; i < dagList.size(); ++i) {
            const QJsonObject dag = dagList.at(i).toObject();
            const QString dagId = dag.value(QStringLiteral("dag_id")).toString();
            if (dagId.isEmpty()) {
                problem(Problem::Severity::Error, m_dagsPath, {},
                        QStringLiteral("dags[%1].dag_id").arg(i), QStringLiteral("missing"));
                continue;
            }
            m_dagOf.insert(dagId, dag);
            const QString tasksPath = m_dir.filePath(QStringLiteral("tasks/%1.json").arg(dagId));
            const std::optional<QJsonObject> list = load(tasksPath, m_problems);
            if (!list)
                continue;
            for (const QJsonValue &v : list->value(QStringLiteral("tasks")).toArray()) {
                const QJsonObject t = v.toObject();
                const QString taskId = t.value(QStringLiteral("task_id")).toString();
                if (taskId.isEmpty())
                    continue;
                m_tasks.append({dagId, taskId, t});
                m_tasksOfDag[dagId] << idFor(dagId, taskId);
            }
        }
    }

    // The first tasks of a DAG: nothing in the DAG reads into them.
    QStringList firstTasks(const QString &dag) const
    {
        QStringList first;
        for (const QString &id : m_tasksOfDag.value(dag)) {
            bool inner = false;
            for (const QString &up : m_upstreams.value(id))
                inner = inner || m_tasksOfDag.value(dag).contains(up);
            if (!inner)
                first << id;
        }
        return first;
    }

    // The last tasks of a DAG: nothing in the DAG reads them.
    QStringList lastTasks(const QString &dag) const
    {
        QStringList last;
        for (const QString &id : m_tasksOfDag.value(dag)) {
            bool read = false;
            for (const QString &other : m_tasksOfDag.value(dag))
                read = read || m_upstreams.value(other).contains(id);
            if (!read)
                last << id;
        }
        return last;
    }

    // Datasets: a producing task feeds the first tasks of every DAG the dataset schedules.
    // Airflow 2's datasets.json (GET /api/v1/datasets), or Airflow 3's assets.json (GET
    // /api/v2/assets: "assets", consumers under "scheduled_dags").
    void readDatasets()
    {
        for (const QString &name : {QStringLiteral("datasets"), QStringLiteral("assets")}) {
            const QString path = m_dir.filePath(name + QStringLiteral(".json"));
            if (!QFile::exists(path))
                continue;
            const std::optional<QJsonObject> ds = load(path, m_problems);
            if (!ds)
                continue;
            for (const QJsonValue &v : ds->value(name).toArray()) {
                const QJsonObject d = v.toObject();
                QStringList producers;
                for (const QJsonValue &p : d.value(QStringLiteral("producing_tasks")).toArray())
                    producers << idFor(p.toObject().value(QStringLiteral("dag_id")).toString(),
                                       p.toObject().value(QStringLiteral("task_id")).toString());
                const QJsonArray consumers =
                    d.contains(QStringLiteral("consuming_dags"))
                        ? d.value(QStringLiteral("consuming_dags")).toArray()
                        : d.value(QStringLiteral("scheduled_dags")).toArray();
                for (const QJsonValue &c : consumers)
                    for (const QString &first :
                         firstTasks(c.toObject().value(QStringLiteral("dag_id")).toString()))
                        m_crossDag[first] += producers;
            }
        }
    }

    // ExternalTaskSensors: their targets are in the task instances' rendered fields.
    void readSensors()
    {
        for (const QString &path : instanceFiles(m_folder)) {
            const std::optional<QJsonObject> ti = load(path, m_problems);
            if (!ti)
                continue;
            for (const QJsonValue &v : ti->value(QStringLiteral("task_instances")).toArray()) {
                const QJsonObject i = v.toObject();
                const QJsonObject fields = i.value(QStringLiteral("rendered_fields")).toObject();
                const QString externalDag =
                    fields.value(QStringLiteral("external_dag_id")).toString();
                if (externalDag.isEmpty())
                    continue;
                const QString sensor = idFor(i.value(QStringLiteral("dag_id")).toString(),
                                             i.value(QStringLiteral("task_id")).toString());
                QStringList targets;
                const QString externalTask =
                    fields.value(QStringLiteral("external_task_id")).toString();
                if (!externalTask.isEmpty())
                    targets << idFor(externalDag, externalTask);
                for (const QJsonValue &t :
                     fields.value(QStringLiteral("external_task_ids")).toArray())
                    targets << idFor(externalDag, t.toString());
                if (targets.isEmpty()) // the whole DAG: its last tasks
                    targets = lastTasks(externalDag);
                m_crossDag[sensor] += targets;
            }
        }
    }

    Pipeline pipelineOf(const Task &t)
    {
        Pipeline p;
        p.id = idFor(t.dag, t.task);
        p.name = t.json.value(QStringLiteral("task_display_name")).toString();
        if (p.name.isEmpty())
            p.name = t.task;
        p.group = t.dag;
        const QJsonObject dag = m_dagOf.value(t.dag);
        const QString taskOwner = t.json.value(QStringLiteral("owner")).toString();
        const QJsonArray owners = dag.value(QStringLiteral("owners")).toArray();
        p.owner = taskOwner != QLatin1String("airflow") ? taskOwner : QString();
        if (p.owner.isEmpty() && !owners.isEmpty() &&
            owners.first().toString() != QLatin1String("airflow"))
            p.owner = owners.first().toString();
        for (const QString &up : m_upstreams.value(p.id) + m_crossDag.value(p.id))
            if (m_ids.contains(up) && !p.upstreams.contains(up) && up != p.id)
                p.upstreams << up;
        for (const QString &up : m_crossDag.value(p.id))
            if (!m_ids.contains(up))
                problem(Problem::Severity::Warning, m_folder, p.id, QStringLiteral("upstreams"),
                        QStringLiteral("reads %1, which is not among the DAGs saved; the read is "
                                       "left out")
                            .arg(up));
        if (m_upstreams.value(p.id).isEmpty())
            scheduleFirstTask(t.dag, dag, p);
        p.onpremMinutes = p.cloudMinutes = 10;
        p.tags << AirflowApi::tagFor(t.dag, t.task);
        return p;
    }

    // A DAG's first task starts at its DAG's daily time; one that is not daily starts at 00:00,
    // said once per DAG.
    void scheduleFirstTask(const QString &dagId, const QJsonObject &dag, Pipeline &p)
    {
        // Airflow 2 says schedule_interval; Airflow 3's API v2 timetable_summary.
        const QJsonValue schedule = dag.value(QStringLiteral("schedule_interval")).isUndefined()
                                        ? dag.value(QStringLiteral("timetable_summary"))
                                        : dag.value(QStringLiteral("schedule_interval"));
        p.schedule = dailyStart(schedule);
        if (p.schedule || !p.upstreams.isEmpty())
            return;
        p.schedule = QTime(0, 0);
        if (m_warnedSchedule.contains(dagId))
            return;
        m_warnedSchedule.insert(dagId);
        const QString text = schedule.isObject()
                                 ? schedule.toObject().value(QStringLiteral("value")).toString()
                                 : schedule.toVariant().toString();
        problem(Problem::Severity::Warning, m_dagsPath, dagId, QStringLiteral("schedule_interval"),
                QStringLiteral("'%1' is not a daily time; its first tasks start at 00:00 until "
                               "you set their schedule")
                    .arg(text));
    }
};
} // namespace

bool AirflowApi::isExport(const QString &folder)
{
    return QFileInfo(folder).isDir() &&
           QFileInfo::exists(QDir(folder).filePath(QStringLiteral("dags.json")));
}

InventoryReadResult AirflowApi::read(const QString &folder, const QString &timezone)
{
    InventoryReadResult result;
    const std::optional<QList<Pipeline>> pipelines = ExportReader(folder, result.problems).read();
    if (!pipelines)
        return result;
    result.inventory.timezone = timezone;
    result.inventory.setPipelines(*pipelines);
    InventoryReader::checkGraph(result.inventory, folder, {}, result.problems);
    return result;
}

RunHistoryRead AirflowApi::readRuns(const QString &folder)
{
    RunHistoryRead result;
    for (const QString &path : instanceFiles(folder)) {
        const std::optional<QJsonObject> ti = load(path, result.problems);
        if (!ti)
            continue;
        const QJsonArray list = ti->value(QStringLiteral("task_instances")).toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QJsonObject t = list.at(i).toObject();
            const QString state = t.value(QStringLiteral("state")).toString();
            const QDateTime start = QDateTime::fromString(
                t.value(QStringLiteral("start_date")).toString(), Qt::ISODateWithMs);
            const QDateTime end = QDateTime::fromString(
                t.value(QStringLiteral("end_date")).toString(), Qt::ISODateWithMs);
            if (!start.isValid()) {
                ++result.skipped; // never started: skipped, upstream_failed, queued
                continue;
            }
            RunRecord r;
            r.key = tagFor(t.value(QStringLiteral("dag_id")).toString(),
                           t.value(QStringLiteral("task_id")).toString());
            r.where =
                QStringLiteral("%1: task_instances[%2]").arg(QFileInfo(path).fileName()).arg(i);
            r.started = start;
            if (state == QLatin1String("success")) {
                r.finished = end;
            } else if (state == QLatin1String("failed") || state == QLatin1String("up_for_retry") ||
                       state == QLatin1String("upstream_failed")) {
                r.finished = end;
                r.succeeded = false;
            } else if (state == QLatin1String("skipped")) {
                ++result.skipped;
                continue;
            } // running, deferred, up_for_reschedule: started, no end yet
            result.runs.append(r);
        }
    }
    if (instanceFiles(folder).isEmpty())
        result.problems.append({Problem::Severity::Error,
                                folder,
                                0,
                                0,
                                {},
                                {},
                                QStringLiteral("no task_instances*.json file")});
    return result;
}

} // namespace daybreak
