#include "NightController.h"

#include "Calendar.h"
#include "Clock.h"
#include "SlaPanel.h"
#include "StoreSession.h"
#include "WarRoomWindow.h"
#include "WaveBoard.h"
#include "WaveRunbookPanel.h"

#include <QCoreApplication>
#include <QLocale>
#include <QThreadPool>

#include <QTimer>
#include <algorithm>

namespace daybreak {

namespace {
constexpr int kWarRoomRoutingChanges = 12;
}

NightController::NightController(const Clock &clock, Views views, QObject *parent)
    : QObject(parent), m_clock(clock), m_views(std::move(views)), m_pace(new QTimer(this))
{
    m_pace->setSingleShot(true);
    m_pace->setInterval(kPaceMs);
    connect(m_pace, &QTimer::timeout, this, [this] {
        if (m_paced) {
            m_paced = false;
            refreshForChange();
        }
    });
}

void NightController::setSession(StoreSession *session)
{
    m_session = session;
    m_calibratedNight = QDate(); // a new store has its own record
}

void NightController::refreshForChange()
{
    if (m_pace->isActive()) {
        m_paced = true; // one when the pace is over, for all that came meanwhile
        return;
    }
    refresh();
    m_pace->start();
}

void NightController::refresh()
{
    if (!m_session)
        return;
    if (m_inFlight) {
        m_again = true;
        return;
    }
    m_inFlight = true;
    const StoreSnapshot snapshot = m_session->snapshot();
    const QDateTime now = m_clock.now();
    const int routingChanges = m_views.warRoom() ? kWarRoomRoutingChanges : 0;
    const int offset = m_views.sla->nightOffset();
    m_session->post([this, snapshot, now, routingChanges, offset,
                     learned = m_learned](Store *store) -> std::function<void()> {
        const auto done = [this] { m_inFlight = false; };
        if (!store)
            return done;
        NightPicture picture;
        try {
            const ClockReading at(now); // the services keep a reference: it must outlive them
            picture = NightPicture::gather(*store, at, currentOsUser(), snapshot, offset,
                                           routingChanges, learned.get());
        } catch (const StoreError &) {
            return done; // the session reports the loss
        }
        return [this, picture, now, calendar = Calendar(snapshot.inventory),
                feedSeq = snapshot.feedSeq, learnedNow = learned->learned] {
            m_inFlight = false;
            m_views.board->setLearned(learnedNow); // the what-if nights of the waves use them too
            show(picture, now, calendar, feedSeq);
            if (m_again) {
                m_again = false;
                refresh();
            }
        };
    });
}

void NightController::show(const NightPicture &picture, const QDateTime &now,
                           const Calendar &calendar, qint64 feedSeq)
{
    if (const QDate tonight = calendar.businessDate(now); tonight != m_calibratedNight) {
        m_calibratedNight = tonight;
        calibrate(tonight);
    }
    m_watches = picture.watches;
    m_failingDeliveries = picture.failingDeliveries();
    const auto &runs = picture.current.projection.runs();
    m_current = std::any_of(runs.cbegin(), runs.cend(),
                            [](const SlaProjection::Run &r) { return r.started; })
                    ? std::optional<SlaProjection>(picture.current.projection)
                    : std::nullopt;
    emit watchesRead();
    m_views.sla->setNight(picture.shown.projection, picture.shown.alerts, now, picture.deliveries);
    const Access &access = m_session->access();
    const QString identity = m_session->serverNamesUsers() ? access.user : currentOsUser();
    const bool canDecide = access.can(Role::Operator);
    const bool canApprove = canDecide && access.can(Role::Approver);
    if (picture.wave)
        m_views.runbook->setStatus(*picture.wave, calendar.zone(), identity, canDecide, canApprove);
    else
        m_views.runbook->setNoWave();
    if (WarRoomWindow *warRoom = m_views.warRoom()) {
        warRoom->setNight(picture.current.projection, now);
        warRoom->setRecentChanges(picture.recentRouting, calendar);
        warRoom->setWave(picture.wave, calendar.zone(), identity, canDecide, canApprove);
    }
    emit nightShown(feedSeq);
}

void NightController::calibrate(const QDate &tonight)
{
    // The record of the last nights: their events read on the store thread, the replay on a
    // worker of its own, so neither the window nor the store's other jobs wait on it.
    const QDate to = tonight.addDays(-1);
    const QDate from = to.addDays(-(SlaService::kBacktestNights - 1));
    const QDateTime now = m_clock.now();
    m_session->post([this, from, to, now](Store *store) -> std::function<void()> {
        if (!store)
            return [] {};
        SlaService::BacktestInputs inputs;
        try {
            const ClockReading at(now);
            inputs = SlaService(*store, at, currentOsUser()).backtestInputs(from, to);
        } catch (const StoreError &) {
            return [] {}; // the session reports the loss
        }
        return [this, inputs = std::move(inputs)] {
            QThreadPool::globalInstance()->start([inputs, panel = QPointer<SlaPanel>(m_views.sla)] {
                const Backtest::Result r = SlaService::backtest(inputs);
                const QString tip =
                    tr("The last %1 recorded nights replayed as if live, each on the "
                       "durations learned before it (daybreakctl sla backtest):\n"
                       "p95 coverage %2 % of %3 runs; %4, %5 missed; %6")
                        .arg(r.nights.size())
                        .arg(QLocale().toString(100.0 * r.p95Coverage(), 'f', 1))
                        .arg(r.runs)
                        .arg(tr("%n late report-night(s)", nullptr, r.late))
                        .arg(r.misses)
                        .arg(tr("%n false alarm(s)", nullptr, r.falseAlarms));
                QMetaObject::invokeMethod(
                    QCoreApplication::instance(),
                    [panel, text = r.calibration(), tip] {
                        if (panel)
                            panel->setCalibration(text, tip);
                    },
                    Qt::QueuedConnection);
            });
        };
    });
}

void NightController::acknowledge(qint64 id)
{
    if (!m_session)
        return;
    const QDateTime now = m_clock.now();
    m_session->post([this, id, now](Store *store) -> std::function<void()> {
        Outcome o;
        const ClockReading at(now);
        if (store)
            o = SlaService(*store, at, currentOsUser()).acknowledge(id);
        else
            o.fail(Outcome::Kind::StoreFailure, tr("the store is unreachable"));
        return [this, o] {
            emit message(o.ok() ? o.message : tr("Not acknowledged: %1").arg(o.describe()));
            m_session->reload();
        };
    });
}

} // namespace daybreak
