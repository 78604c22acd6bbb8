#include "StatusBadges.h"

#include "Badges.h"
#include "Calendar.h"
#include "ElidedLabel.h"
#include "Freshness.h"
#include "LocalText.h"
#include "ParityService.h"
#include "SlaAlert.h"

#include <QLabel>
#include <QStatusBar>

namespace daybreak {

StatusBadges::StatusBadges(QStatusBar *bar)
    : QObject(bar), m_store(new ElidedLabel(bar)), m_counts(new QLabel(bar)),
      m_rollbacks(new QLabel(bar)), m_freshness(new QLabel(bar)), m_watch(new QLabel(bar)),
      m_window(new QLabel(bar))
{
    m_store->setObjectName(QStringLiteral("storeLabel"));
    m_window->setObjectName(QStringLiteral("changeWindowLabel"));
    m_rollbacks->setObjectName(QStringLiteral("rollbackLabel"));
    m_freshness->setObjectName(QStringLiteral("freshnessLabel"));
    m_watch->setObjectName(QStringLiteral("watchLabel"));
    // The store's location is the one that gives way when the bar is short; the full text is
    // its tooltip.
    m_store->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_store->setMinimumWidth(120);
    m_rollbacks->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Preferred);
    bar->addWidget(m_store, 1);
    m_counts->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_counts->setMinimumWidth(160);
    bar->addWidget(m_counts, 1);
    // Permanent, so an edit's answer in the status bar never draws over the advice.
    bar->addPermanentWidget(m_rollbacks);
    bar->addPermanentWidget(m_freshness);
    bar->addPermanentWidget(m_watch);
    bar->addPermanentWidget(m_window);
}

void StatusBadges::showStore(const QString &location, const QString &access)
{
    Badges::paint(m_store, {});
    m_store->setFullText(tr("Store: %1 · %2").arg(location, access));
}

void StatusBadges::showUnreachable(double retrySeconds)
{
    Badges::paint(m_store, QLatin1String(Badges::kAlarm));
    m_store->setFullText(
        tr("Store unreachable — retrying in %1 s").arg(QString::number(retrySeconds, 'f', 1)));
}

void StatusBadges::showCounts(const StoreSnapshot &s, const QDate &today)
{
    QHash<State, int> counts;
    int rollbacks = 0;
    for (const Pipeline &p : s.inventory.pipelines()) {
        const State state = s.stateOf(p.id);
        ++counts[state];
        if (state == State::Cloud && ParityService::evaluate(s, p.id, today).rollbackRecommended)
            ++rollbacks;
    }
    m_counts->setText(tr("%1 pipelines · %2 on-prem · %3 dual-run · %4 cloud · %5 "
                         "decommissioned")
                          .arg(s.inventory.size())
                          .arg(counts.value(State::OnPrem))
                          .arg(counts.value(State::DualRun))
                          .arg(counts.value(State::Cloud))
                          .arg(counts.value(State::Decommissioned)));
    m_counts->setToolTip(m_counts->text());
    m_rollbacks->setText(rollbacks > 0
                             ? QStringLiteral("<b style='color:#b00020'>%1</b>")
                                   .arg(tr("%n rollback(s) recommended", nullptr, rollbacks))
                             : QString());
    m_rollbacks->setVisible(rollbacks > 0);
}

void StatusBadges::showChangeWindow(const QString &state, const Inventory &inventory)
{
    m_window->setText(state);
    const ChangeWindowPolicy &policy = inventory.changeWindow;
    QStringList blackouts;
    for (const QDate &d : policy.blackoutDates)
        blackouts << d.toString(Qt::ISODate);
    m_window->setToolTip(
        tr("Cutovers, rollbacks and decommissions run %1 (%2). Blackout dates: %3")
            .arg(policy.describe(), inventory.timezone,
                 blackouts.isEmpty() ? tr("none") : blackouts.join(QStringLiteral(", "))));
}

void StatusBadges::clearFreshness()
{
    m_freshness->clear();
}

StatusBadges::Freshness StatusBadges::showFreshness(qint64 silence, const QDateTime &now,
                                                    const Calendar &calendar,
                                                    const QList<WatchBeat> &watches,
                                                    int failingDeliveries)
{
    QString text = tr("data as of %1").arg(clockTime(calendar, now.addMSecs(-silence), true));
    // The colour is for the eye across the room; the words say the same to everyone else.
    QString colour;
    const int quiet = int(silence / 1000);
    switch (freshnessOf(silence)) {
    case daybreak::Freshness::Live:
        break;
    case daybreak::Freshness::Aging:
        colour = QLatin1String(Badges::kWarning);
        text += tr(" — aging: no answer for %n s", nullptr, quiet);
        break;
    case daybreak::Freshness::Stale:
        colour = QLatin1String(Badges::kAlarm);
        text += tr(" — STALE: no answer for %n s", nullptr, quiet);
        break;
    }
    m_freshness->setText(text);
    Badges::paint(m_freshness, colour);
    // The watch: when it last ran, or that none runs; a dead watch must never pass for a quiet
    // night.
    QString watchText, watchColour;
    if (watches.isEmpty()) {
        watchText = tr("watch: none running");
        watchColour = QLatin1String(Badges::kWarning);
        m_watch->setToolTip(tr("No daybreakctl watch beats in this store: nothing raises "
                               "alerts while no console is open, and nobody is paged."));
    } else {
        const WatchBeat &latest = watches.first();
        const bool stale = latest.isStaleAt(now);
        watchText =
            tr("watch: last ran %1%2")
                .arg(clockTime(calendar, latest.lastRan, true), stale ? tr(" — STALE") : QString());
        watchColour = stale ? QLatin1String(Badges::kAlarm) : QString();
        m_watch->setToolTip(
            tr("%1, every %2 s since %3; %4")
                .arg(latest.id)
                .arg(latest.intervalSeconds)
                .arg(calendar.format(latest.startedAt, QStringLiteral("ddd HH:mm")), latest.note));
    }
    // A delivery that keeps failing means on-call may not have heard: the war room says so.
    if (failingDeliveries > 0) {
        watchText += tr(" · %n deliveries FAILING", nullptr, failingDeliveries);
        watchColour = QLatin1String(Badges::kAlarm);
    }
    m_watch->setText(watchText);
    Badges::paint(m_watch, watchColour);
    return {text + QStringLiteral(" · ") + watchText, colour.isEmpty() ? watchColour : colour};
}

} // namespace daybreak
