#pragma once

#include "LearnedDurations.h"
#include "SlaProjection.h"
#include "StoreTypes.h"
#include "WaveRules.h"

#include <QDateTime>
#include <QImage>

#include <memory>

namespace daybreak {

// Everything a plan report says, gathered once from a snapshot, then written as HTML (also the
// PDF's source) or Markdown. CSV and DOT live in ReportExport.
class PlanReport
{
public:
    struct Options
    {
        QString storeLocation;
        QDateTime generatedAt; // from the clock
        QString onlyWave;      // empty: every wave
        // The durations the nights after the waves are projected with (none: the inventory's).
        std::shared_ptr<const LearnedDurations> learned;
    };

    PlanReport(const StoreSnapshot &snapshot, Options options);

    // `graphImage`/`chartImage`: how the HTML refers to the pictures (a resource name, a file
    // name or a data: URL).
    QString html(const QString &graphImage, const QString &chartImage) const;
    QString markdown(const QString &graphImage, const QString &chartImage) const;

    QImage graphPicture() const;
    QImage progressChart() const;

    // What tells two printed copies apart beside the time they were made: a fingerprint of the
    // inventory's definitions (12 hex digits of a SHA-256 over every pipeline's fields, the time
    // zone, the change window and the parity rule; the routing states do not count) and the plan
    // version, e.g. "inventory 3f9c0a41b2de, plan version 14".
    static QString inventoryFingerprint(const Inventory &inventory);
    QString versionText() const;

    // The exact commands of a runbook, so tests and readers see the same text.
    QString cutoverCommand(const QString &pipeline, const QString &wave) const;
    QString rollbackCommand(const QString &pipeline) const;
    QList<Wave> waves() const;
    SlaProjection projectionAfter(const Wave &wave) const;

private:
    QString storeArgument() const;
    QStringList readersWithDeadlines(const QString &pipeline) const;

    const StoreSnapshot &m_snapshot;
    Options m_options;
    QDate m_today;
    WaveRules m_rules;
};

} // namespace daybreak
