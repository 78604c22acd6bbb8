#pragma once

#include "ParityService.h"
#include "StoreTypes.h"

#include <QTextBrowser>

#include <optional>

namespace daybreak {

class Calendar;

// Everything about the selected pipeline: state and canonical side, schedule, durations,
// neighbours, parity gate with its last results, wave and recent audit rows.
class PipelineDetailsPanel : public QTextBrowser
{
    Q_OBJECT

public:
    explicit PipelineDetailsPanel(QWidget *parent = nullptr);

    // `learned`: LearnedDurations::summary, read from the store's history (empty: not yet);
    // `lastDiff`: the last night Daybreak measured its parity itself, read likewise.
    void showPipeline(const StoreSnapshot &snapshot, const QString &id,
                      const QList<AuditEntry> &recentAudit, const QDate &today,
                      const QString &learned = {},
                      const std::optional<MeasuredParity> &lastDiff = std::nullopt,
                      const QString &readers = {});
    void showNothing();
    const QString &pipeline() const { return m_id; }

private:
    QString headerHtml(const StoreSnapshot &s, const Pipeline &p,
                       const ParityService::PipelineParity &parity) const;
    QString factsHtml(const StoreSnapshot &s, const Pipeline &p, const QString &learned,
                      const QString &readers) const;
    QString parityHtml(const StoreSnapshot &s, const Pipeline &p,
                       const ParityService::PipelineParity &parity,
                       const std::optional<MeasuredParity> &lastDiff) const;
    QString recentHtml(const Calendar &calendar, const QList<AuditEntry> &recentAudit) const;

    QString m_id;
};

} // namespace daybreak
