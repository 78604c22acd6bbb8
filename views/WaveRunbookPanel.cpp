#include "WaveRunbookPanel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace daybreak {

namespace {
QColor standingColour(WaveStatus::Standing s)
{
    switch (s) {
    case WaveStatus::Standing::CutOver:
        return QColor(0x5B, 0x9B, 0xD5);
    case WaveStatus::Standing::RolledBack:
        return QColor(0xc6, 0x28, 0x28);
    case WaveStatus::Standing::Next:
        return QColor(0x2e, 0x7d, 0x32);
    case WaveStatus::Standing::Ready:
        return QColor(0x66, 0xbb, 0x6a);
    case WaveStatus::Standing::AwaitingApproval:
        return QColor(0xef, 0x8f, 0x00);
    case WaveStatus::Standing::Blocked:
        break;
    }
    return QColor(0x75, 0x75, 0x75);
}

QString stepText(const WaveStatus::Step &s, const QTimeZone &zone)
{
    QString text = (s.done ? QStringLiteral("✔ ") : QStringLiteral("· ")) + s.detail;
    if (!s.by.isEmpty())
        text += QStringLiteral("\n") + s.by;
    if (s.at.isValid())
        text += (s.by.isEmpty() ? QStringLiteral("\n") : QStringLiteral(", ")) +
                s.at.toTimeZone(zone).toString(QStringLiteral("ddd HH:mm"));
    return text;
}
} // namespace

WaveRunbookPanel::WaveRunbookPanel(QWidget *parent)
    : QWidget(parent), m_title(new QLabel(this)), m_progress(new QLabel(this)),
      m_table(new QTableWidget(this)), m_requestsTitle(new QLabel(tr("Waiting for a second "
                                                                     "operator"),
                                                                  this)),
      m_requests(new QWidget(this)), m_requestsLayout(new QVBoxLayout(m_requests))
{
    setObjectName(QStringLiteral("waveRunbook"));
    m_title->setObjectName(QStringLiteral("runbookTitle"));
    m_progress->setObjectName(QStringLiteral("runbookProgress"));
    QFont big = m_progress->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    m_progress->setFont(big);
    m_progress->setWordWrap(true);
    m_table->setObjectName(QStringLiteral("runbookTable"));
    m_table->setAccessibleName(tr("The weekend's runbook: each member's steps"));
    m_table->setColumnCount(9);
    m_table->setHorizontalHeaderLabels({tr("#"), tr("Pipeline"), tr("Standing"), tr("Gate"),
                                        tr("Pre-check"), tr("Cutover"), tr("First cloud run"),
                                        tr("First night's parity"), tr("Why not yet")});
    m_table->verticalHeader()->setVisible(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setWordWrap(true);
    m_table->setTextElideMode(Qt::ElideNone); // cells wrap; nothing is cut
    // The pipeline and the reasons take what the five steps leave.
    QHeaderView *header = m_table->horizontalHeader();
    header->setMinimumSectionSize(40);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(1, QHeaderView::Stretch);
    header->setSectionResizeMode(8, QHeaderView::Stretch);
    for (int c = 2; c <= 7; ++c)
        header->resizeSection(c, c == 2 ? 130 : 125);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_requestsLayout->setContentsMargins(0, 0, 0, 0);
    QFont bold = m_requestsTitle->font();
    bold.setBold(true);
    m_requestsTitle->setFont(bold);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_progress);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_requestsTitle);
    layout->addWidget(m_requests);
    setNoWave();
}

void WaveRunbookPanel::setNoWave()
{
    m_title->setText(tr("No wave is planned"));
    m_progress->setText(tr("Plan one on the wave board."));
    m_table->setRowCount(0);
    m_requestsTitle->hide();
    m_requests->hide();
}

QString WaveRunbookPanel::progressText() const
{
    return m_progress->text();
}

void WaveRunbookPanel::setStatus(const WaveStatus &st, const QTimeZone &zone,
                                 const QString &identity, bool canDecide, bool canApprove)
{
    m_title->setText(
        tr("%1 — %2 · window %3 to %4%5")
            .arg(st.wave.name, st.wave.date.toString(QStringLiteral("dddd dd MMM")),
                 st.wave.windowStart.toTimeZone(zone).toString(QStringLiteral("ddd HH:mm")),
                 st.wave.windowEnd.toTimeZone(zone).toString(QStringLiteral("ddd HH:mm")),
                 st.windowOpen ? tr(" · open now") : QString()));
    m_progress->setText(st.progressText(zone));
    m_table->setRowCount(int(st.members.size()));
    for (int r = 0; r < st.members.size(); ++r) {
        const WaveStatus::Member &m = st.members.at(r);
        auto set = [&](int column, const QString &text) {
            auto *item = new QTableWidgetItem(text);
            item->setToolTip(text);
            m_table->setItem(r, column, item);
            return item;
        };
        set(0, QString::number(r + 1));
        set(1, QStringLiteral("%1\n%2 · %3 risk").arg(m.pipeline, m.owner, riskName(m.risk)));
        QString standing = WaveStatus::standingName(m.standing).toUpper();
        set(8, m.blockedBecause.join(QLatin1Char('\n')));
        if (m.pendingRequest)
            standing += tr("\nrequest #%1 by %2")
                            .arg(m.pendingRequest->id)
                            .arg(m.pendingRequest->requester);
        QTableWidgetItem *s = set(2, standing);
        s->setBackground(standingColour(m.standing));
        s->setForeground(Qt::white);
        QTableWidgetItem *gateCell =
            set(3, stepText(m.gate, zone) +
                       (m.gateFlags.isEmpty()
                            ? QString()
                            : tr("\nFLAG: ") + m.gateFlags.join(QStringLiteral("\nFLAG: "))));
        if (!m.gateFlags.isEmpty())
            gateCell->setForeground(QColor(0xb0, 0x00, 0x20));
        set(4, stepText(m.precheck, zone));
        set(5, stepText(m.cutover, zone));
        set(6, stepText(m.firstCloudRun, zone));
        set(7, stepText(m.firstNightParity, zone));
    }
    m_table->resizeRowsToContents();

    // The requests, each with its two buttons.
    while (QLayoutItem *item = m_requestsLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (const ChangeRequest &r : st.pendingRequests) {
        auto *row = new QWidget(m_requests);
        auto *h = new QHBoxLayout(row);
        h->setContentsMargins(0, 0, 0, 0);
        h->addWidget(
            new QLabel(tr("#%1  %2 of %3, asked by %4 at %5: %6 (expires %7)")
                           .arg(r.id)
                           .arg(r.action, r.pipeline, r.requester,
                                r.createdAt.toTimeZone(zone).toString(QStringLiteral("ddd HH:mm")),
                                r.reason,
                                r.expiresAt.toTimeZone(zone).toString(QStringLiteral("ddd HH:mm"))),
                       row),
            1);
        auto *approve = new QPushButton(tr("Approve"), row);
        auto *reject = new QPushButton(tr("Reject"), row);
        approve->setObjectName(QStringLiteral("approve-%1").arg(r.id));
        reject->setObjectName(QStringLiteral("reject-%1").arg(r.id));
        const bool own = r.requester == identity;
        approve->setEnabled(!own && canApprove);
        reject->setEnabled(!own && canDecide);
        const QString why = own ? tr("You asked for it: another operator must decide (four eyes).")
                            : !canApprove ? tr("Approving needs the approver role.")
                                          : QString();
        approve->setToolTip(why);
        reject->setToolTip(own ? why : QString());
        connect(approve, &QPushButton::clicked, this,
                [this, id = r.id] { emit approveRequested(id); });
        connect(reject, &QPushButton::clicked, this,
                [this, id = r.id] { emit rejectRequested(id); });
        h->addWidget(approve);
        h->addWidget(reject);
        m_requestsLayout->addWidget(row);
    }
    m_requestsTitle->setVisible(!st.pendingRequests.isEmpty());
    m_requests->setVisible(!st.pendingRequests.isEmpty());
}

} // namespace daybreak
