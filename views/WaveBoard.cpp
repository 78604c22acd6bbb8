#include "WaveBoard.h"

#include "Selector.h"

#include "MigrationPlan.h"
#include "PlanNights.h"
#include "WaveColumn.h"
#include "WaveColumnModel.h"
#include "WaveDialogs.h"
#include "WaveNights.h"
#include "WavePlanner.h"

#include "Calendar.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QScrollArea>
#include <QToolBar>
#include <QVBoxLayout>

namespace daybreak {

WaveBoard::WaveBoard(QWidget *parent)
    : QWidget(parent), m_columnsLayout(new QHBoxLayout), m_toolBar(new QToolBar(this)),
      m_sort(new QComboBox(this)), m_filter(new QLineEdit(this)), m_pastWaves(new QLabel(this))
{
    setObjectName(QStringLiteral("waveBoard"));
    m_toolBar->addAction(tr("Add wave…"), this, &WaveBoard::addWave);
    m_toolBar->addAction(tr("Auto-plan the rest…"), this, &WaveBoard::autoPlan);
    m_toolBar->addSeparator();
    auto *sortLabel = new QLabel(tr(" &Backlog by: "), this);
    sortLabel->setBuddy(m_sort);
    m_toolBar->addWidget(sortLabel);
    m_sort->addItem(tr("dependency depth"));
    m_sort->addItem(tr("owner"));
    m_sort->addItem(tr("id"));
    m_sort->addItem(tr("group"));
    m_toolBar->addWidget(m_sort);
    m_filter->setObjectName(QStringLiteral("backlogFilter"));
    m_filter->setAccessibleName(tr("Filter the backlog"));
    m_filter->setPlaceholderText(tr("Filter the backlog: text, or group:G  +id  owner:O …"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMaximumWidth(340);
    m_toolBar->addWidget(m_filter);
    connect(m_filter, &QLineEdit::textChanged, this, &WaveBoard::fillColumns);
    m_toolBar->addSeparator();
    m_toolBar->addWidget(
        new QLabel(tr(" Drag cards between columns; Shift carries the upstreams they need; "
                      "Ctrl+→/← moves the selected card."),
                   this));
    connect(m_sort, &QComboBox::currentIndexChanged, this, &WaveBoard::fillColumns);

    auto *inner = new QWidget;
    inner->setLayout(m_columnsLayout);
    m_columnsLayout->setContentsMargins(6, 6, 6, 6);
    m_columnsLayout->setSpacing(8);
    m_columnsLayout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(inner);
    scroll->setWidgetResizable(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_toolBar);
    m_pastWaves->setObjectName(QStringLiteral("pastWaves"));
    m_pastWaves->setContentsMargins(8, 2, 8, 2);
    m_pastWaves->setWordWrap(true);
    m_pastWaves->hide();
    layout->addWidget(m_pastWaves);
    layout->addWidget(scroll, 1);
}

WaveBoard::~WaveBoard() = default;

void WaveBoard::setPlan(MigrationPlan *plan)
{
    if (m_plan)
        disconnect(m_plan, nullptr, this, nullptr);
    m_plan = plan;
    // Every edit's answer, once the store wrote it or refused it, in the status bar.
    if (m_plan)
        connect(m_plan, &MigrationPlan::answered, this,
                [this](const PlanOutcome &o) { emit message(MigrationPlan::answerText(o)); });
    for (WaveColumn *column : std::as_const(m_columns))
        column->model()->setPlan(m_plan, m_moves.get());
}

void WaveBoard::setSnapshot(const StoreSnapshot &snapshot, const QDate &today)
{
    m_snapshot = snapshot;
    m_today = today;
    m_moves = std::make_unique<PlanMoves>(snapshot, today);
    m_moves->setLearned(m_learned);
    for (WaveColumn *column : std::as_const(m_columns))
        column->model()->setPlan(m_plan, m_moves.get());
    // A wave whose window is over is history: named above the board with what it cut over,
    // never a column to plan into.
    QStringList names, past;
    for (const Wave &w : m_snapshot.plan.waves()) {
        if (w.windowEnd.isValid() && w.windowEnd.date() < today) {
            int cut = 0;
            for (const QString &id : w.members)
                cut += canonicalSide(m_snapshot.stateOf(id)) == Side::Cloud ? 1 : 0;
            past << tr("%1 (%2, %3 of %4 cut over)")
                        .arg(w.name, w.date.toString(QStringLiteral("ddd yyyy-MM-dd")))
                        .arg(cut)
                        .arg(w.members.size());
        } else {
            names << w.name;
        }
    }
    m_pastWaves->setText(tr("Past waves: %1").arg(past.join(QStringLiteral(" · "))));
    m_pastWaves->setVisible(!past.isEmpty());
    if (names != m_waveNames || m_columns.isEmpty()) {
        m_waveNames = names;
        rebuildColumns();
    }
    fillColumns();
    followMovedCard();
}

void WaveBoard::rebuildColumns()
{
    for (WaveColumn *c : std::as_const(m_columns))
        c->deleteLater();
    m_columns.clear();
    QStringList all{QString()};
    all += m_waveNames;
    for (const QString &wave : all) {
        auto *column = new WaveColumn(this, wave);
        m_columnsLayout->insertWidget(m_columnsLayout->count() - 1, column);
        connect(column, &WaveColumn::headerMenuRequested, this, &WaveBoard::waveMenu);
        connect(column, &WaveColumn::headerDoubleClicked, this, [this](const QString &w) {
            bool ok = false;
            const QString name = QInputDialog::getText(
                this, tr("Rename wave"), tr("New name for %1:").arg(w), QLineEdit::Normal, w, &ok);
            if (ok && !name.trimmed().isEmpty() && name.trimmed() != w && m_plan) {
                m_plan->renameWave(w, name);
            }
        });
        column->model()->setPlan(m_plan, m_moves.get());
        connect(column->view(), &QAbstractItemView::clicked, this, [this](const QModelIndex &i) {
            emit pipelineSelected(i.data(WaveColumnModel::PipelineIdRole).toString());
        });
        m_columns.append(column);
    }
}

void WaveBoard::setBacklogFilter(const QString &text)
{
    m_filter->setText(text);
}

QStringList WaveBoard::backlog() const
{
    QStringList ids;
    for (const Pipeline &p : m_snapshot.inventory.pipelines())
        if (m_moves->rules().isPlannable(p.id) && m_snapshot.plan.waveOf(p.id).isEmpty())
            ids << p.id;
    m_backlogTotal = int(ids.size());
    const QString filter = m_filter->text().trimmed();
    if (!filter.isEmpty()) {
        const Selector::Result selected = Selector::select(filter, m_snapshot);
        ids.erase(std::remove_if(ids.begin(), ids.end(),
                                 [&](const QString &id) {
                                     return selected.ok()
                                                ? !selected.ids.contains(id)
                                                : !id.contains(filter, Qt::CaseInsensitive);
                                 }),
                  ids.end());
    }
    QHash<QString, QString> groupOf;
    for (const Pipeline &p : m_snapshot.inventory.pipelines())
        groupOf.insert(p.id, p.groupName());
    const int by = m_sort->currentIndex();
    std::sort(ids.begin(), ids.end(), [&](const QString &a, const QString &b) {
        if (by == 0 && m_moves->depthOf(a) != m_moves->depthOf(b))
            return m_moves->depthOf(a) < m_moves->depthOf(b);
        if (by == 1 && ownerOf(a) != ownerOf(b))
            return ownerOf(a) < ownerOf(b);
        if (by == 3 && groupOf.value(a) != groupOf.value(b))
            return groupOf.value(a) < groupOf.value(b);
        return a < b;
    });
    return ids;
}

void WaveBoard::setLearned(std::shared_ptr<const LearnedDurations> learned)
{
    if (learned == m_learned)
        return;
    m_learned = std::move(learned);
    if (m_moves)
        m_moves->setLearned(m_learned);
    fillColumns();
}

void WaveBoard::fillColumns()
{
    if (!m_moves)
        return;
    if (m_nights.isEmpty() || !(m_nightsOf == m_snapshot.plan) ||
        m_nightsLearned != m_learned.get()) {
        // Projected again only when the plan or the durations changed, not on every refresh.
        m_nights.clear();
        if (PlanMoves::whatIfApplies(m_snapshot))
            for (const WaveNight &n : WaveNights::all(m_snapshot, m_snapshot.plan, m_learned.get()))
                m_nights.insert(n.wave, n);
        m_nightsOf = m_snapshot.plan;
        m_nightsLearned = m_learned.get();
    }
    const WaveRules &rules = m_moves->rules();
    const QList<PlanFinding> findings = rules.validate(m_snapshot.plan);
    for (WaveColumn *column : std::as_const(m_columns)) {
        const QString wave = column->wave();
        if (wave.isEmpty()) {
            const QStringList ids = backlog();
            column->model()->setPipelines(ids);
            column->setHeader(
                m_filter->text().trimmed().isEmpty()
                    ? tr("<b>Backlog</b><br>%1 unplanned cloud-target pipeline(s)").arg(ids.size())
                    : tr("<b>Backlog</b><br>%1 of %2 unplanned, filtered")
                          .arg(ids.size())
                          .arg(m_backlogTotal),
                tr("Cloud-target pipelines not cut over and not in any wave"));
            continue;
        }
        const Wave *w = m_snapshot.plan.find(wave);
        if (!w)
            continue;
        column->model()->setPipelines(rules.cutoverOrder(*w));
        int high = 0;
        for (const QString &m : w->members)
            high += riskOf(m) == Risk::High ? 1 : 0;
        int errors = 0, warnings = 0;
        QStringList texts;
        for (const PlanFinding &f : findings)
            if (f.wave == wave) {
                (f.error ? errors : warnings) += 1;
                texts << (f.error ? QStringLiteral("✕ ") : QStringLiteral("⚠ ")) + f.reason.text;
            }
        const QString badge =
            errors > 0     ? tr("<span style='color:#c01c28'>✕ %1 invalid</span>").arg(errors)
            : warnings > 0 ? tr("<span style='color:#b36b00'>⚠ %1 not ready</span>").arg(warnings)
                           : tr("<span style='color:#1b7f3b'>✓ ready</span>");
        const auto nightIt = m_nights.constFind(wave);
        // A platform without deadlines has no 6am to show.
        const bool hasNight = nightIt != m_nights.cend() && !nightIt->reports.isEmpty();
        const bool nightBad = hasNight && nightIt->bad();
        if (hasNight)
            texts.prepend(tr("The night after: %1")
                              .arg(nightIt->summary(Calendar(m_snapshot.inventory).zone())));
        column->setHeader(
            tr("<b>%1</b><br>%2 · %3/%4 pipelines · high-risk %5/%6<br>%7%8")
                .arg(wave.toHtmlEscaped(), w->date.toString(QStringLiteral("ddd yyyy-MM-dd")))
                .arg(w->members.size())
                .arg(w->capacity)
                .arg(high)
                .arg(w->maxHighRisk)
                .arg(badge, !hasNight
                                ? QString()
                                : QStringLiteral("<br><span style='color:%1'>%2 %3</span>")
                                      .arg(nightBad ? QStringLiteral("#b36b00")
                                                    : QStringLiteral("#1b7f3b"),
                                           nightBad ? QStringLiteral("⚠") : QStringLiteral("☾"),
                                           nightIt->brief().toHtmlEscaped())),
            (QStringList{tr("Window %1 – %2")
                             .arg(w->windowStart.toString(QStringLiteral("ddd HH:mm")),
                                  w->windowEnd.toString(QStringLiteral("ddd HH:mm")))} +
             texts)
                .join(QLatin1Char('\n')));
    }
}

void WaveBoard::dragStarted(const QStringList &ids)
{
    for (WaveColumn *column : std::as_const(m_columns)) {
        const Decision d = column->model()->checkDrop(ids);
        QStringList reasons;
        for (const Reason &r : d.reasons)
            reasons << r.text;
        column->setDropState(
            d.allowed() ? WaveColumn::DropState::Allowed : WaveColumn::DropState::Refused, reasons);
    }
}

void WaveBoard::dragFinished()
{
    for (WaveColumn *column : std::as_const(m_columns))
        column->setDropState(WaveColumn::DropState::Idle);
}

QString WaveBoard::selectedPipeline(QString *wave) const
{
    for (WaveColumn *column : m_columns) {
        const QModelIndexList selected = column->view()->selectionModel()->selectedIndexes();
        if (!selected.isEmpty()) {
            *wave = column->wave();
            return selected.first().data(WaveColumnModel::PipelineIdRole).toString();
        }
    }
    return {};
}

void WaveBoard::moveSelected(int direction, bool carryUpstreams)
{
    QString from;
    const QString id = selectedPipeline(&from);
    if (id.isEmpty())
        return;
    int index = 0;
    for (int i = 0; i < m_columns.size(); ++i)
        if (m_columns.at(i)->wave() == from)
            index = i;
    const int target = index + direction;
    if (target < 0 || target >= m_columns.size())
        return;
    if (!m_plan)
        return;
    // The card keeps the selection and the focus where it lands, once the store has it.
    m_follow = id;
    m_plan->move({id}, m_columns.at(target)->wave(), carryUpstreams);
    followMovedCard();
}

void WaveBoard::followMovedCard()
{
    if (m_follow.isEmpty())
        return;
    selectPipeline(m_follow);
    if (WaveColumn *now = column(m_snapshot.plan.waveOf(m_follow)))
        now->view()->setFocus();
    if (m_plan && m_plan->pending() == 0)
        m_follow.clear();
}

void WaveBoard::selectPipeline(const QString &id)
{
    for (WaveColumn *column : std::as_const(m_columns)) {
        const int row = int(column->model()->pipelines().indexOf(id));
        if (row >= 0) {
            column->view()->selectionModel()->setCurrentIndex(column->model()->index(row),
                                                              QItemSelectionModel::ClearAndSelect);
        } else {
            column->view()->clearSelection();
        }
    }
}

WaveColumn *WaveBoard::column(const QString &wave) const
{
    for (WaveColumn *c : m_columns)
        if (c->wave() == wave)
            return c;
    return nullptr;
}

void WaveBoard::addWave()
{
    if (!m_plan)
        return;
    QDate next = m_today.addDays(1);
    const int startDay = m_snapshot.inventory.changeWindow.startDay;
    while (next.dayOfWeek() != startDay || m_snapshot.plan.find(defaultWaveName(next)))
        next = next.addDays(1);
    const auto wave = WaveDialogs::askNewWave(this, next);
    if (!wave)
        return;
    m_plan->addWave(wave->name, wave->date, wave->capacity, wave->maxHighRisk);
}

void WaveBoard::autoPlan()
{
    if (!m_plan)
        return;
    auto preview = [this](const WavePlanner::Options &options) {
        // The preview plans on the board's snapshot: no store call while the dialog waits.
        PlanOutcome o;
        o.autoPlan = WavePlanner(m_snapshot, m_moves->rules()).plan(options);
        PlanNights::avoidRiskyNights(m_snapshot, m_moves->rules(), o.autoPlan, m_learned.get());
        o.message = PlanService::autoPlanMessage(o.autoPlan);
        QString html = QStringLiteral("<p>%1</p>").arg(o.message.toHtmlEscaped());
        for (const Wave &w : o.autoPlan.plan.waves()) {
            html +=
                QStringLiteral("<b>%1</b> %2 — %3 pipeline(s)<br>")
                    .arg(w.name.toHtmlEscaped(), w.date.toString(QStringLiteral("ddd yyyy-MM-dd")))
                    .arg(w.members.size());
            QStringList added;
            for (const QString &m : m_moves->rules().cutoverOrder(w))
                added << (o.autoPlan.placed.contains(m) ? QStringLiteral("<i>%1</i>").arg(m) : m);
            html += QStringLiteral("<span style='color:#444'>%1</span><br><br>")
                        .arg(added.join(QStringLiteral(", ")));
        }
        for (const PlanFinding &f : o.autoPlan.unplaced)
            html += QStringLiteral("<div style='color:#c01c28'>%1</div>")
                        .arg(f.reason.text.toHtmlEscaped());
        for (const PlanFinding &f : o.autoPlan.nights)
            html += QStringLiteral("<div style='color:#b36b00'>☾ %1</div>")
                        .arg(f.reason.text.toHtmlEscaped());
        return html;
    };
    QDate from = m_today.addDays(1);
    const auto options = WaveDialogs::askAutoPlan(this, from, preview);
    if (!options)
        return;
    m_plan->applyAutoPlan(*options);
}

void WaveBoard::waveMenu(const QString &wave, const QPoint &globalPos)
{
    QMenu menu(this);
    menu.addAction(tr("Rename %1…").arg(wave), this,
                   [this, wave] { emit column(wave)->headerDoubleClicked(wave); });
    menu.addAction(tr("Remove %1").arg(wave), this, [this, wave] { m_plan->removeWave(wave); });
    menu.exec(globalPos);
}

QString WaveBoard::ownerOf(const QString &id) const
{
    const Pipeline *p = m_snapshot.inventory.find(id);
    return p ? p->owner : QString();
}

Risk WaveBoard::riskOf(const QString &id) const
{
    const Pipeline *p = m_snapshot.inventory.find(id);
    return p ? p->risk : Risk::Medium;
}

State WaveBoard::stateOf(const QString &id) const
{
    return m_snapshot.stateOf(id);
}

ParityHealth WaveBoard::healthOf(const QString &id) const
{
    return ParityService::health(m_snapshot, id, m_today);
}

int WaveBoard::depthOf(const QString &id) const
{
    return m_moves ? m_moves->depthOf(id) : 0;
}

QString WaveBoard::cardToolTip(const QString &id) const
{
    const Pipeline *p = m_snapshot.inventory.find(id);
    if (!p)
        return id;
    const WaveRules *rules = m_moves ? &m_moves->rules() : nullptr;
    const QStringList pending = rules ? rules->pendingUpstreams(id) : QStringList();
    return tr("%1 — %2\nowner %3, %4 risk, %5\nparity ready %6%7")
        .arg(id, p->name, p->owner, riskName(p->risk), stateName(stateOf(id)),
             rules ? rules->parityReadyDate(id).toString(Qt::ISODate) : QString(),
             pending.isEmpty() ? QString()
                               : tr("\nneeds first: %1").arg(pending.join(QStringLiteral(", "))));
}

} // namespace daybreak
