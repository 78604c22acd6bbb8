#pragma once

#include "LearnedDurations.h"
#include "SlaProjection.h"
#include "StoreTypes.h"
#include "WaveRules.h"

#include <QDateTime>
#include <QImage>

#include <functional>
#include <memory>

namespace daybreak {

// Everything a plan report says, gathered once from a snapshot, then written as HTML (also the
// PDF's source, PlanReportHtml.cpp) or Markdown (PlanReportMarkdown.cpp). CSV and DOT live in
// ReportExport. The document: a one-page summary, the calendar of the waves, the graph, one
// runbook per wave still to do (with its neighbourhood in the graph when the whole graph is too
// big to read on a page), the completed waves, then an appendix with the details.
class PlanReport
{
public:
    struct Options
    {
        QString storeLocation;
        QDateTime generatedAt; // from the clock
        QString onlyWave;      // empty: every wave
        // The durations the nights are projected with (none: the inventory's).
        std::shared_ptr<const LearnedDurations> learned;
        // The current night as it stands, projected on its run events (none: as planned). A
        // report made after its 6am tells what happened, not what was planned.
        std::optional<SlaProjection> night;
    };

    // What a report knows about one wave.
    struct WaveFacts
    {
        Wave wave;
        QStringList order; // cutover order
        QList<PlanFinding> findings;
        SlaProjection night; // the 6am after the wave, everything cut over by then in the cloud
        QStringList atRisk;  // reports at risk or breached that night
        int highRisk = 0;
        bool done = false;  // every member in the cloud (or decommissioned)
        int cloudAfter = 0; // pipelines in the cloud once the wave is done
        QString picture;    // its neighbourhood's picture, or empty when the whole graph reads
    };

    // A picture the document shows, by name: "progress", "calendar-1", "graph", "wave-3".
    struct Picture
    {
        QString name;
        QString caption;
        QImage image;
        int width = 0; // shown at, in CSS pixels (a landscape A4 page holds about 1000)
    };

    PlanReport(const StoreSnapshot &snapshot, Options options);

    // `source(name)`: how the document refers to a picture (a resource name, a file name or a
    // data: URL).
    using PictureSource = std::function<QString(const QString &name)>;
    QString html(const PictureSource &source) const;
    QString markdown(const PictureSource &source) const;
    const QList<Picture> &pictures() const { return m_pictures; }

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
    const QList<WaveFacts> &waveFacts() const { return m_waves; }
    SlaProjection projectionAfter(const Wave &wave) const;

    // The summary's figures.
    struct Moves
    {
        int toMove = 0; // neither in the cloud nor staying on-prem
        int inCloud = 0;
        int highRiskToMove = 0;
    };
    Moves moves() const;
    int weekendsNeeded() const;    // distinct weekends of the waves still to do
    QStringList unplanned() const; // pipelines to move that no wave holds yet
    struct Breach
    {
        QString pipeline;
        State state = State::OnPrem;
        QDate night;
        double difference = 0; // worst relative difference
        bool rollbackRecommended = false;
        bool measured = false; // by Daybreak itself, not imported
    };
    // The comparisons of the last 28 nights: how many Daybreak measured, how many were imported.
    struct Evidence
    {
        int measured = 0;
        int imported = 0;
    };
    const Evidence &evidence() const { return m_evidence; }
    const QList<Breach> &breaches() const { return m_breaches; }
    // Planned pipelines whose cutover cannot go as planned: an open breach, or a parity gate
    // that will not have passed by their wave's date. "id: why".
    const QStringList &heldCutovers() const { return m_held; }
    // Tonight as planned, on the routing now.
    const SlaProjection &tonight() const { return m_tonight; }
    // Tonight's reports, tightest first (least slack between p95 finish and deadline).
    QList<SlaProjection::Report> tightestTonight(int count) const;
    // "Tonight: … (business date D, as planned)", "… as of 03:40", or, once its last deadline
    // has passed, "Last night: the 6am reports (business date D, as it happened)".
    QString tonightHeading() const;

private:
    friend class PlanReportHtml;     // PlanReportHtml.cpp
    friend class PlanReportMarkdown; // PlanReportMarkdown.cpp
    QString storeArgument() const;
    QString precheckText(const QString &pipeline, const WaveFacts &facts) const;
    void gatherBreaches();
    void drawPictures();

    const StoreSnapshot &m_snapshot;
    Options m_options;
    QDate m_today;
    WaveRules m_rules;
    QList<WaveFacts> m_waves;
    QList<Breach> m_breaches;
    Evidence m_evidence;
    QStringList m_held;
    SlaProjection m_tonight;
    QList<Picture> m_pictures;
    bool m_wholeGraphReads = true;
};

} // namespace daybreak
