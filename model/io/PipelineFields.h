#pragma once

#include "Pipeline.h"
#include "Problem.h"

#include <QString>
#include <QVariant>

#include <functional>

namespace daybreak {

// Field-by-field validation shared by the JSON and CSV readers, so both give the same messages.
// Each setter reads a raw value into the pipeline or reports a problem through `report`.
class PipelineFields
{
public:
    // A week: anything longer is a typo, and past INT_MAX the store cannot hold it.
    static constexpr int kMaxMinutes = 7 * 24 * 60;
    using Report =
        std::function<void(Problem::Severity, const QString &field, const QString &message)>;

    PipelineFields(Pipeline &pipeline, Report report) : m_p(pipeline), m_report(std::move(report))
    {
    }

    static constexpr int kMaxIdLength = 256; // dbt and BigQuery ids stay well under it
    static constexpr int kMaxNameLength = 1000;
    void setId(const QString &text);
    void setName(const QString &text);
    void setOwner(const QString &text);
    // Optional; a name of at most 200 printable characters.
    void setGroup(const QString &text);
    void setSchedule(const QString &text);
    void setSla(const QString &text);
    // `present` false reports "missing"; `number` is the parsed value, `ok` false when not a
    // number.
    void setDuration(const QString &field, bool present, bool ok, double number, int &out);
    void setOptionalDuration(const QString &field, bool ok, double number, std::optional<int> &out);
    void setRisk(const QString &text);
    void setTarget(const QString &text);
    void setState(const QString &text);
    void setTolerance(bool ok, double number);
    void setUpstreams(const QStringList &ids);
    void finish(); // cross-field checks on one pipeline

private:
    void error(const QString &field, const QString &message)
    {
        m_report(Problem::Severity::Error, field, message);
    }

    Pipeline &m_p;
    Report m_report;
};

bool isValidPipelineId(const QString &id);

} // namespace daybreak
