#pragma once

#include "Problem.h"
#include "RunEvent.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace daybreak {

// OpenLineage run events (spec 2-0-2, and the 1-0-x events older clients send) as the
// orchestrators post them: one event, or a batch (a JSON array). START and RUNNING are a run
// that started, COMPLETE one that succeeded, FAIL and ABORT one that failed; the event time is
// the run's. OTHER events and static DatasetEvents and JobEvents (no run) are counted and
// otherwise ignored. A bad document is refused whole, naming the event and the field.
class OpenLineage
{
public:
    struct Event
    {
        QString ns;
        QString job;
        QString runId;
        RunEvent::Kind kind = RunEvent::Kind::Started;
        QDateTime at;
        int index = 0; // in the batch
    };
    struct Read
    {
        QList<Event> events;
        int ignored = 0;
        Problems problems;
        bool ok() const { return !hasErrors(problems); }
        QString firstError() const;
    };
    static Read parse(const QByteArray &body, const QString &source);
};

} // namespace daybreak
