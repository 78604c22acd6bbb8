#include "PlanReport.h"

#include "Calendar.h"
#include "GraphPicture.h"
#include "GroupFolders.h"
#include "ParityService.h"
#include "Selector.h"
#include "SlaService.h"
#include "StatePalette.h"
#include "WaveCalendar.h"

#include <QCryptographicHash>
#include <QPainter>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>
#include <atomic>
#include <future>
#include <limits>
#include <vector>

namespace daybreak {

namespace {
QString shellQuote(const QString &s)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_./:@%+=-]+$"));
    if (plain.match(s).hasMatch())
        return s;
    QString q = s;
    q.replace(QLatin1String("'"), QLatin1String("'\\''"));
    return QLatin1Char('\'') + q + QLatin1Char('\'');
}
const State kStates[] = {State::OnPrem, State::DualRun, State::Cloud, State::Decommissioned};
// A landscape A4 page holds a picture of about 1000 by 540 CSS pixels below its heading; a graph
// reads when its node labels are drawn at two thirds of their size or more.
constexpr double kPageWidth = 1000, kPageHeight = 540, kReadableScale = 0.66;
// Pictures are drawn at one and a half times the size they are shown at: sharp in print, and a
// plan of a hundred waves keeps its pictures in memory without trouble.
constexpr double kSharpness = 1.5;
constexpr int kCalendarRows = 16; // 1000 px wide, 16 waves fit a page under the heading
constexpr qsizetype kNeighbourhoodLimit = 150;

QSizeF pictureSize(const QSizeF &scene)
{
    return scene + QSizeF(2 * GraphPicture::kPictureMargin, 2 * GraphPicture::kPictureMargin);
}
bool readsOnAPage(const QSizeF &scene)
{
    const QSizeF s = pictureSize(scene);
    return std::min(kPageWidth / s.width(), kPageHeight / s.height()) >= kReadableScale;
}
// The width a graph picture is shown at: the page's, or less so that it fits the page's height,
// and never larger than drawn.
int shownWidth(const QSizeF &scene)
{
    const QSizeF s = pictureSize(scene);
    const double scale = std::min({1.0, kPageWidth / s.width(), kPageHeight / s.height()});
    return int(s.width() * scale);
}

// The tightest two reports a change puts at stake, and how many more: a runbook line, not a
// paragraph (`status ID` lists them all).
QString atStakeText(QList<SlaService::Exposure> exposures, const QTimeZone &zone)
{
    std::stable_sort(exposures.begin(), exposures.end(),
                     [](const auto &a, const auto &b) { return a.slackMinutes < b.slackMinutes; });
    constexpr qsizetype kShown = 2;
    QString text = SlaService::blastRadiusText(exposures.mid(0, kShown), zone);
    if (exposures.size() > kShown)
        text += QStringLiteral(" and %1 more").arg(exposures.size() - kShown);
    return text;
}

QImage progressPicture(const StoreSnapshot &snapshot)
{
    QHash<State, int> counts;
    for (const Pipeline &p : snapshot.inventory.pipelines())
        ++counts[snapshot.stateOf(p.id)];
    const int total = std::max(1, snapshot.inventory.size());
    QImage image(QSize(900, 200), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    QFont font = p.font();
    font.setPixelSize(16);
    p.setFont(font);
    int y = 14;
    for (State s : kStates) {
        const int n = counts.value(s);
        p.setPen(Qt::black);
        p.drawText(QRect(0, y, 160, 34), Qt::AlignVCenter | Qt::AlignRight, stateName(s));
        p.setPen(QColor(0x40, 0x40, 0x40));
        p.setBrush(StatePalette::fill(s));
        const int w = int(600.0 * n / total);
        p.drawRect(QRect(175, y + 4, std::max(w, 2), 26));
        p.setPen(Qt::black);
        p.drawText(QRect(185 + w, y, 200, 34), Qt::AlignVCenter | Qt::AlignLeft,
                   QStringLiteral("%1 (%2%)").arg(n).arg(100.0 * n / total, 0, 'f', 0));
        y += 44;
    }
    p.end();
    return image;
}
} // namespace

PlanReport::PlanReport(const StoreSnapshot &snapshot, Options options)
    : m_snapshot(snapshot), m_options(std::move(options)),
      m_today(Calendar(snapshot.inventory).localDate(m_options.generatedAt)),
      m_rules(snapshot, m_today)
{
    const QList<PlanFinding> findings = m_rules.validate(m_snapshot.plan);
    // The night after each wave, projected two at a time (a night of 10,000 pipelines takes a
    // tenth of a second); a platform without deadlines has no night to project.
    const QList<Wave> planned = waves();
    const bool deadlines = std::any_of(m_snapshot.inventory.pipelines().begin(),
                                       m_snapshot.inventory.pipelines().end(),
                                       [](const Pipeline &p) { return p.isReport(); });
    std::vector<SlaProjection> nights(planned.size());
    if (deadlines) {
        std::atomic<qsizetype> next{0};
        auto work = [&] {
            for (qsizetype i; (i = next++) < planned.size();)
                nights[size_t(i)] = projectionAfter(planned.at(i));
        };
        auto other = std::async(std::launch::async, work);
        work();
        other.get();
    }
    for (qsizetype i = 0; i < planned.size(); ++i) {
        const Wave &w = planned.at(i);
        WaveFacts f;
        f.wave = w;
        f.order = m_rules.cutoverOrder(w);
        for (const PlanFinding &finding : findings)
            if (finding.wave == w.name)
                f.findings << finding;
        f.night = std::move(nights[size_t(i)]);
        for (const SlaProjection::Report &r : f.night.reports())
            if (r.status != SlaProjection::Status::OnTrack)
                f.atRisk << r.pipeline;
        f.done = !w.members.isEmpty();
        for (const QString &id : w.members) {
            const Pipeline *p = m_snapshot.inventory.find(id);
            f.highRisk += p && p->risk == Risk::High ? 1 : 0;
            f.done = f.done && canonicalSide(m_snapshot.stateOf(id)) == Side::Cloud;
        }
        const int index = m_snapshot.plan.indexOf(w.name);
        for (const Pipeline &p : m_snapshot.inventory.pipelines()) {
            const int at = m_snapshot.plan.waveIndexOf(p.id);
            f.cloudAfter +=
                canonicalSide(m_snapshot.stateOf(p.id)) == Side::Cloud || (at >= 0 && at <= index)
                    ? 1
                    : 0;
        }
        m_waves << f;
    }
    m_tonight =
        m_options.night
            ? *m_options.night
            : SlaService::project(
                  m_snapshot, SlaService::currentNight(m_snapshot.inventory, m_options.generatedAt),
                  {}, QDateTime(), m_options.learned.get());
    gatherBreaches();
    drawPictures();
}

void PlanReport::gatherBreaches()
{
    for (const QList<ParityResult> &results : m_snapshot.parity)
        for (const ParityResult &r : results)
            if (r.businessDate > m_today.addDays(-28) && r.businessDate <= m_today)
                ++(r.measured ? m_evidence.measured : m_evidence.imported);
    QSet<QString> breached;
    for (const Pipeline &p : m_snapshot.inventory.pipelines()) {
        const ParityService::PipelineParity parity =
            ParityService::evaluate(m_snapshot, p.id, m_today);
        for (const ParityResult &b : parity.gate.openBreaches) {
            m_breaches << Breach{p.id,
                                 m_snapshot.stateOf(p.id),
                                 b.businessDate,
                                 b.worstRelativeDiff(),
                                 parity.rollbackRecommended,
                                 b.measured};
            breached.insert(p.id);
        }
    }
    for (const WaveFacts &f : std::as_const(m_waves)) {
        if (f.done)
            continue;
        for (const QString &id : f.order) {
            if (canonicalSide(m_snapshot.stateOf(id)) == Side::Cloud)
                continue;
            if (breached.contains(id)) {
                m_held << QStringLiteral("%1: open parity breach (wave %2)").arg(id, f.wave.name);
                continue;
            }
            const QDate ready = m_rules.parityReadyDate(id);
            if (ready > f.wave.date)
                m_held << QStringLiteral("%1: parity gate not passed before %2 (wave %3 is %4)")
                              .arg(id, ready.toString(Qt::ISODate), f.wave.name,
                                   f.wave.date.toString(Qt::ISODate));
        }
    }
}

PlanReport::Moves PlanReport::moves() const
{
    Moves m;
    for (const Pipeline &p : m_snapshot.inventory.pipelines()) {
        const bool cloud = canonicalSide(m_snapshot.stateOf(p.id)) == Side::Cloud;
        m.toMove += !p.staysOnPrem() && !cloud ? 1 : 0;
        m.inCloud += cloud ? 1 : 0;
        m.highRiskToMove += !p.staysOnPrem() && !cloud && p.risk == Risk::High ? 1 : 0;
    }
    return m;
}

int PlanReport::weekendsNeeded() const
{
    QSet<QDate> weekends;
    for (const WaveFacts &f : m_waves)
        if (!f.done)
            weekends.insert(f.wave.date.addDays(6 - f.wave.date.dayOfWeek()));
    return int(weekends.size());
}

QStringList PlanReport::unplanned() const
{
    QStringList ids;
    for (const Pipeline &p : m_snapshot.inventory.pipelines())
        if (!p.staysOnPrem() && canonicalSide(m_snapshot.stateOf(p.id)) != Side::Cloud &&
            m_snapshot.plan.waveOf(p.id).isEmpty())
            ids << p.id;
    return ids;
}

QString PlanReport::tonightHeading() const
{
    const QString date = m_tonight.businessDate().toString(Qt::ISODate);
    if (!m_options.night)
        return QStringLiteral("Tonight: the critical path to the 6am reports (business date %1, "
                              "as planned)")
            .arg(date);
    QDateTime lastDeadline;
    for (const SlaProjection::Report &r : m_tonight.reports())
        lastDeadline = std::max(lastDeadline, r.deadline);
    if (lastDeadline.isValid() && m_options.generatedAt > lastDeadline)
        return QStringLiteral("Last night: the 6am reports (business date %1, as it happened)")
            .arg(date);
    return QStringLiteral("Tonight: the critical path to the 6am reports (business date %1, as of "
                          "%2)")
        .arg(date,
             Calendar(m_snapshot.inventory).format(m_options.generatedAt, QStringLiteral("HH:mm")));
}

QList<SlaProjection::Report> PlanReport::tightestTonight(int count) const
{
    QList<SlaProjection::Report> reports = m_tonight.reports();
    auto slack = [](const SlaProjection::Report &r) {
        return r.p95Finish.isValid() ? r.p95Finish.secsTo(r.deadline)
                                     : std::numeric_limits<qint64>::min();
    };
    std::stable_sort(reports.begin(), reports.end(),
                     [&](const auto &a, const auto &b) { return slack(a) < slack(b); });
    return reports.mid(0, count);
}

void PlanReport::drawPictures()
{
    const Inventory &inv = m_snapshot.inventory;
    m_pictures << Picture{QStringLiteral("progress"), QStringLiteral("Pipelines by state"),
                          progressPicture(m_snapshot), 600};
    // The calendar, 30 waves a picture.
    QList<WaveCalendar::Row> rows;
    for (const WaveFacts &f : std::as_const(m_waves))
        rows << WaveCalendar::Row{f.wave.name,
                                  f.wave.windowStart,
                                  f.wave.windowEnd,
                                  int(f.wave.members.size()),
                                  f.highRisk,
                                  f.cloudAfter,
                                  f.done,
                                  std::any_of(f.findings.begin(), f.findings.end(),
                                              [](const PlanFinding &x) { return x.error; }),
                                  int(f.atRisk.size())};
    for (qsizetype i = 0; i < rows.size(); i += kCalendarRows)
        m_pictures << Picture{QStringLiteral("calendar-%1").arg(i / kCalendarRows + 1),
                              QStringLiteral("The waves over the coming weekends"),
                              WaveCalendar::render(rows.mid(i, kCalendarRows), m_today,
                                                   inv.changeWindow.blackoutDates,
                                                   Calendar(inv).zone(), inv.size()),
                              1000};
    // The whole graph when it reads on a page; otherwise its groups collapsed, and each wave
    // still to do drawn with its neighbourhood.
    GraphDrawing::Options options;
    GraphDrawing whole = GraphDrawing::compute(inv, options);
    m_wholeGraphReads = readsOnAPage(whole.size());
    if (!m_wholeGraphReads) {
        options.collapseAll = true;
        if (const GroupFolders folders(inv); folders.groupCount() > GroupFolders::kFoldAbove)
            options.folded = folders.overview(GroupFolders::kOverviewBoxes);
        whole = GraphDrawing::compute(inv, options);
    }
    m_pictures << Picture{QStringLiteral("graph"),
                          m_wholeGraphReads
                              ? QStringLiteral("The dependency graph")
                              : QStringLiteral("The dependency graph, each group as one box"),
                          GraphPicture::draw(whole, m_snapshot, m_today, {},
                                             int(kSharpness * shownWidth(whole.size()))),
                          shownWidth(whole.size())};
    if (m_wholeGraphReads)
        return;
    for (WaveFacts &f : m_waves) {
        if (f.done || f.wave.members.isEmpty())
            continue;
        // The members, what they read and what reads them: the graph's selector 1+wave:"W"+1
        // (a wave whose name holds a double quote cannot be quoted in it: its members only).
        Selector::Result near;
        if (!f.wave.name.contains(QLatin1Char('"')))
            near = Selector::select(QStringLiteral("1+wave:\"%1\"+1").arg(f.wave.name), m_snapshot);
        else
            near.error = QStringLiteral("unquotable");
        const QSet<QString> members(f.wave.members.begin(), f.wave.members.end());
        QString caption = QStringLiteral(
            "%1 in the graph: its members outlined, with what they read and what reads them");
        if (!near.ok() || near.ids.size() > kNeighbourhoodLimit) {
            near.ids = members;
            caption = QStringLiteral("%1 in the graph: its members (their neighbourhood is too "
                                     "large for a page)");
        }
        GraphDrawing::Options only;
        only.only = near.ids;
        const GraphDrawing d = GraphDrawing::compute(inv, only);
        f.picture = QStringLiteral("wave-%1").arg(m_snapshot.plan.indexOf(f.wave.name) + 1);
        m_pictures << Picture{f.picture, caption.arg(f.wave.name),
                              GraphPicture::draw(d, m_snapshot, m_today, members,
                                                 int(kSharpness * shownWidth(d.size()))),
                              shownWidth(d.size())};
    }
}

QList<Wave> PlanReport::waves() const
{
    QList<Wave> result;
    for (const Wave &w : m_snapshot.plan.waves())
        if (m_options.onlyWave.isEmpty() || w.name == m_options.onlyWave)
            result.append(w);
    return result;
}

QString PlanReport::storeArgument() const
{
    return QStringLiteral("--store ") + shellQuote(m_options.storeLocation);
}

QString PlanReport::inventoryFingerprint(const Inventory &inventory)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    auto add = [&hash](const QString &field) {
        hash.addData(field.toUtf8());
        hash.addData(QByteArrayView("\x1f", 1)); // a separator no field holds
    };
    add(inventory.timezone);
    add(inventory.changeWindow.describe());
    add(QString::number(inventory.parityRunsRequired));
    if (inventory.approvals !=
        ApprovalPolicy::None) // fingerprints made before it stay as they were
        add(approvalPolicyName(inventory.approvals));
    QList<Pipeline> pipelines = inventory.pipelines();
    std::sort(pipelines.begin(), pipelines.end(),
              [](const Pipeline &a, const Pipeline &b) { return a.id < b.id; });
    auto time = [](const std::optional<QTime> &t) {
        return t ? t->toString(QStringLiteral("HH:mm")) : QString();
    };
    auto number = [](const std::optional<int> &n) { return n ? QString::number(*n) : QString(); };
    for (const Pipeline &p : std::as_const(pipelines)) {
        for (const QString &field :
             {p.id, p.name, p.owner, time(p.schedule), QString::number(p.onpremMinutes),
              QString::number(p.cloudMinutes), number(p.onpremP95Minutes),
              number(p.cloudP95Minutes), time(p.sla), p.upstreams.join(QLatin1Char(',')),
              riskName(p.risk), sideName(p.target), p.tags.join(QLatin1Char(',')), p.group})
            add(field);
        add(QStringLiteral("\x1e"));
    }
    return QString::fromLatin1(hash.result().toHex().left(12));
}

QString PlanReport::versionText() const
{
    return QStringLiteral("inventory %1, plan version %2")
        .arg(inventoryFingerprint(m_snapshot.inventory))
        .arg(m_snapshot.planVersion);
}

QString PlanReport::cutoverCommand(const QString &pipeline, const QString &wave) const
{
    return QStringLiteral("daybreakctl %1 cutover %2 --reason %3")
        .arg(storeArgument(), pipeline, shellQuote(QStringLiteral("wave %1").arg(wave)));
}

QString PlanReport::rollbackCommand(const QString &pipeline) const
{
    return QStringLiteral("daybreakctl %1 rollback %2 --reason '<what went wrong>'")
        .arg(storeArgument(), pipeline);
}

SlaProjection PlanReport::projectionAfter(const Wave &wave) const
{
    const int index = m_snapshot.plan.indexOf(wave.name);
    auto side = [&](const Pipeline &p) {
        if (canonicalSide(m_snapshot.stateOf(p.id)) == Side::Cloud)
            return Side::Cloud;
        const int planned = m_snapshot.plan.waveIndexOf(p.id);
        return planned >= 0 && planned <= index ? Side::Cloud : Side::OnPrem;
    };
    SlaProjection::Inputs in;
    if (m_options.learned)
        in.startDelay = m_options.learned->startDelays();
    return SlaProjection::project(
        m_options.learned ? m_options.learned->applyTo(m_snapshot.inventory) : m_snapshot.inventory,
        wave.windowEnd.date().addDays(1), side, in);
}

QString PlanReport::precheckText(const QString &pipeline, const WaveFacts &f) const
{
    const Inventory &inv = m_snapshot.inventory;
    const Pipeline *p = inv.find(pipeline);
    QStringList reads;
    for (const QString &up : p->upstreams) {
        const Pipeline *u = inv.find(up);
        const int step = int(f.order.indexOf(up)) + 1;
        const QString where = u && u->staysOnPrem() ? QStringLiteral("stays on-prem")
                              : canonicalSide(m_snapshot.stateOf(up)) == Side::Cloud
                                  ? QStringLiteral("cloud")
                              : step > 0 ? QStringLiteral("step %1").arg(step)
                              : m_snapshot.plan.waveOf(up).isEmpty()
                                  ? QStringLiteral("not planned")
                                  : QStringLiteral("wave %1").arg(m_snapshot.plan.waveOf(up));
        reads << QStringLiteral("%1 (%2)").arg(up, where);
    }
    const ParityService::PipelineParity parity =
        ParityService::evaluate(m_snapshot, pipeline, m_today);
    return QStringLiteral(
               "%1 · %2 risk · parity gate %3 (%4 clean nights, %5 needed) · reads %6 · at "
               "stake the night after: %7")
        .arg(p->owner, riskName(p->risk), gateStatusName(parity.gate.status))
        .arg(parity.gate.cleanRuns)
        .arg(parity.gate.runsRequired)
        .arg(reads.isEmpty() ? QStringLiteral("nothing") : reads.join(QStringLiteral(", ")),
             atStakeText(SlaService::blastRadius(inv, f.night, pipeline), Calendar(inv).zone()));
}

} // namespace daybreak
