#pragma once

#include "Pipeline.h"

#include <QDate>
#include <QDateTime>
#include <QString>

#include <optional>

namespace daybreak {

// What the orchestrator reports about one run of one pipeline on one side for one business date.
struct RunEvent
{
    enum class Kind
    {
        Scheduled,
        Started,
        Succeeded,
        Failed,
        Retrying
    };

    qint64 id = 0;
    QString pipeline;
    QDate businessDate;
    Side side = Side::OnPrem;
    Kind kind = Kind::Started;
    QDateTime at;
    QString recordedBy;
    bool operator==(const RunEvent &) const = default;
};

QString runEventKindName(RunEvent::Kind kind);
std::optional<RunEvent::Kind> runEventKindFromName(const QString &name);

} // namespace daybreak
