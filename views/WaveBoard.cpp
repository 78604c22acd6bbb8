#include "WaveBoard.h"

#include "LocalText.h"
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
    m_emptyHint = new QLabel(
        tr("<h3>No wave planned yet</h3><p><b>Add wave…</b> plans one weekend: then drag "
           "cards onto it from the backlog.</p><p><b>Auto-plan the rest…</b> fills as many "
           "weekends as the backlog needs, in dependency order, and shows the plan before it "
           "writes it.</p>"),
        inner);
    m_emptyHint->setObjectName(QStringLiteral("emptyBoardHint"));
    m_emptyHint->setWordWrap(true);
    m_emptyHint->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_emptyHint->setMaximumWidth(420);
    m_emptyHint->setContentsMargins(16, 16, 16, 16);
    m_columnsLayout->addWidget(m_emptyHint, 0, Qt::AlignTop);
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
        column->model()->setPlan(m_plan, m_state.moves());
}

void WaveBoard::setSnapshot(const StoreSnapshot &snapshot, const QDate &today)
{
    m_state.setSnapshot(snapshot, today);
    for (WaveColumn *column : std::as_const(m_columns))
        column->model()->setPlan(m_plan, m_state.moves());
    const QStringList past = m_state.pastWaves();
    m_pastWaves->setText(tr("Past waves: %1").arg(past.join(QStringLiteral(" · "))));
    m_pastWaves->setVisible(!past.isEmpty());
    const QStringList names = m_state.openWaves();
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
        connect(column->model(), &WaveColumnModel::dragStarted, this, &WaveBoard::dragStarted);
        m_columnsLayout->insertWidget(m_columnsLayout->indexOf(m_emptyHint), column);
        connect(column, &WaveColumn::headerMenuRequested, this, &WaveBoard::waveMenu);
        connect(column, &WaveColumn::headerDoubleClicked, this, [this](const QString &w) {
            bool ok = false;
            const QString name = QInputDialog::getText(
                this, tr("Rename wave"), tr("New name for %1:").arg(w), QLineEdit::Normal, w, &ok);
            if (ok && !name.trimmed().isEmpty() && name.trimmed() != w && m_plan) {
                m_plan->renameWave(w, name);
            }
        });
        column->model()->setPlan(m_plan, m_state.moves());
        connect(column->view(), &QAbstractItemView::clicked, this, [this](const QModelIndex &i) {
            emit pipelineSelected(i.data(WaveColumnModel::PipelineIdRole).toString());
        });
        m_columns.append(column);
    }
    m_emptyHint->setVisible(m_waveNames.isEmpty());
}

void WaveBoard::setBacklogFilter(const QString &text)
{
    m_filter->setText(text);
}

void WaveBoard::setLearned(std::shared_ptr<const LearnedDurations> learned)
{
    if (m_state.setLearned(std::move(learned)))
        fillColumns();
}

void WaveBoard::fillColumns()
{
    if (!m_state.moves())
        return;
    const QList<PlanFinding> findings = m_state.moves()->rules().validate(m_state.snapshot().plan);
    for (WaveColumn *column : std::as_const(m_columns)) {
        if (column->wave().isEmpty())
            fillBacklog(column);
        else
            fillWave(column, findings);
    }
}

void WaveBoard::fillBacklog(WaveColumn *column)
{
    const QString filter = m_filter->text().trimmed();
    int total = 0;
    const QStringList ids = m_state.backlog(
        filter, static_cast<BoardState::BacklogOrder>(m_sort->currentIndex()), &total);
    column->model()->setPipelines(ids);
    column->setHeader(
        filter.isEmpty()
            ? tr("<b>Backlog</b><br>%n unplanned cloud-target pipeline(s)", nullptr,
                 int(ids.size()))
            : tr("<b>Backlog</b><br>%1 of %2 unplanned, filtered").arg(ids.size()).arg(total),
        tr("Cloud-target pipelines not cut over and not in any wave"));
}

void WaveBoard::fillWave(WaveColumn *column, const QList<PlanFinding> &findings)
{
    const QString wave = column->wave();
    const StoreSnapshot &snapshot = m_state.snapshot();
    const Wave *w = snapshot.plan.find(wave);
    if (!w)
        return;
    column->model()->setPipelines(m_state.moves()->rules().cutoverOrder(*w));
    int errors = 0, warnings = 0;
    QStringList texts;
    for (const PlanFinding &f : findings)
        if (f.wave == wave) {
            (f.error ? errors : warnings) += 1;
            texts << (f.error ? QStringLiteral("✕ ") : QStringLiteral("⚠ ")) +
                         phraseReason(f.reason);
        }
    // The badge says it in a sign and a word, not by its colour alone.
    const QString badge =
        errors > 0     ? tr("<span style='color:#c01c28'>✕ %1 invalid</span>").arg(errors)
        : warnings > 0 ? tr("<span style='color:#b36b00'>⚠ %1 not ready</span>").arg(warnings)
                       : tr("<span style='color:#1b7f3b'>✓ ready</span>");
    const auto &nights = m_state.nights();
    const auto nightIt = nights.constFind(wave);
    // A platform without deadlines has no 6am to show.
    const bool hasNight = nightIt != nights.cend() && !nightIt->reports.isEmpty();
    const bool nightBad = hasNight && nightIt->bad();
    if (hasNight)
        texts.prepend(
            tr("The night after: %1").arg(nightIt->summary(Calendar(snapshot.inventory).zone())));
    const QString night =
        !hasNight ? QString()
                  : QStringLiteral("<br><span style='color:%1'>%2 %3</span>")
                        .arg(nightBad ? QStringLiteral("#b36b00") : QStringLiteral("#1b7f3b"),
                             nightBad ? QStringLiteral("⚠") : QStringLiteral("☾"),
                             nightIt->brief().toHtmlEscaped());
    const QLocale locale;
    const QString window = tr("Window %1 – %2")
                               .arg(locale.toString(w->windowStart, QStringLiteral("ddd HH:mm")),
                                    locale.toString(w->windowEnd, QStringLiteral("ddd HH:mm")));
    column->setHeader(tr("<b>%1</b><br>%2 · %3/%4 pipelines · high-risk %5/%6<br>%7%8")
                          .arg(wave.toHtmlEscaped(), dayAndDate(w->date))
                          .arg(w->members.size())
                          .arg(w->capacity)
                          .arg(m_state.highRiskIn(*w))
                          .arg(w->maxHighRisk)
                          .arg(badge, night),
                      (QStringList{window} + texts).join(QLatin1Char('\n')));
}

void WaveBoard::dragStarted(const QStringList &ids)
{
    for (WaveColumn *column : std::as_const(m_columns)) {
        const Decision d = column->model()->checkDrop(ids);
        column->setDropState(d.allowed() ? WaveColumn::DropState::Allowed
                                         : WaveColumn::DropState::Refused,
                             phraseReasons(d.reasons));
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
    if (WaveColumn *now = column(m_state.snapshot().plan.waveOf(m_follow)))
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
    QDate next = m_state.today().addDays(1);
    const int startDay = m_state.snapshot().inventory.changeWindow.startDay;
    while (next.dayOfWeek() != startDay || m_state.snapshot().plan.find(defaultWaveName(next)))
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
        const PlanMoves &moves = *m_state.moves();
        o.autoPlan = WavePlanner(m_state.snapshot(), moves.rules()).plan(options);
        PlanNights::avoidRiskyNights(m_state.snapshot(), moves.rules(), o.autoPlan,
                                     m_state.learned().get());
        o.message = PlanService::autoPlanMessage(o.autoPlan);
        if (const QString horizon =
                PlanService::horizonText(m_state.snapshot(), moves.rules(), options, o.autoPlan);
            !horizon.isEmpty())
            o.message += QStringLiteral("; ") + horizon;
        QString html = QStringLiteral("<p>%1</p>").arg(o.message.toHtmlEscaped());
        for (const Wave &w : o.autoPlan.plan.waves()) {
            html += tr("<b>%1</b> %2 — %n pipeline(s)<br>", nullptr, int(w.members.size()))
                        .arg(w.name.toHtmlEscaped(), dayAndDate(w.date));
            QStringList added;
            for (const QString &m : moves.rules().cutoverOrder(w))
                added << (o.autoPlan.placed.contains(m) ? QStringLiteral("<i>%1</i>").arg(m) : m);
            html += QStringLiteral("<span style='color:#444'>%1</span><br><br>")
                        .arg(added.join(QStringLiteral(", ")));
        }
        for (const PlanFinding &f : o.autoPlan.unplaced)
            html += QStringLiteral("<div style='color:#c01c28'>%1</div>")
                        .arg(phraseReason(f.reason).toHtmlEscaped());
        for (const PlanFinding &f : o.autoPlan.nights)
            html += QStringLiteral("<div style='color:#b36b00'>☾ %1</div>")
                        .arg(phraseReason(f.reason).toHtmlEscaped());
        return html;
    };
    QDate from = m_state.today().addDays(1);
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

void WaveBoard::showChange(const StoreSnapshot &snapshot, const QDate &today,
                           const StoreChange &change)
{
    if (change.everything || change.plan || !change.routing.isEmpty())
        setSnapshot(snapshot, today);
}

} // namespace daybreak
