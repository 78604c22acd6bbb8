#include "PipelineHistory.h"

#include "LearnedDurations.h"
#include "ReadReceipts.h"
#include "SlaService.h"
#include "Store.h"

namespace daybreak {

PipelineHistory PipelineHistory::read(Store &store, const StoreSnapshot &snapshot,
                                      const QString &id, const QDateTime &now)
{
    PipelineHistory h;
    h.audit = store.auditLog(id);
    const qint64 version = snapshot.routing.value(id).version;
    h.readers =
        summarizeReaders(store.readReceipts(id, now.addSecs(-24 * 3600)), version).text(version);
    const QDate night = SlaService::currentNight(snapshot.inventory, now);
    h.learned = LearnedDurations::forPipeline(store, snapshot.inventory, id, night).summary(id);
    for (const MeasuredParity &m : store.measuredParity(id))
        if (!h.lastDiff || h.lastDiff->businessDate < m.businessDate)
            h.lastDiff = m;
    return h;
}

} // namespace daybreak
