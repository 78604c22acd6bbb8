#pragma once

#include "WaveStatus.h"

#include <QWidget>

class QLabel;
class QTableWidget;
class QVBoxLayout;

namespace daybreak {

// The weekend's wave as a live runbook (WaveStatus): the progress line, then each member in
// cutover order with its standing and its five steps, who did each and when, and why it is
// blocked; below, the requests waiting for a second operator with Approve and Reject, greyed for
// their requester and for anyone who may not decide. The console's Wave tab and the war room's
// main panel during a change window.
class WaveRunbookPanel : public QWidget
{
    Q_OBJECT

public:
    explicit WaveRunbookPanel(QWidget *parent = nullptr);

    // `identity`: who this console is (the requester of a request cannot decide it);
    // `canDecide`/`canApprove`: the store's roles allow rejecting / approving.
    void setStatus(const WaveStatus &status, const QTimeZone &zone, const QString &identity,
                   bool canDecide, bool canApprove);
    void setNoWave();
    QString progressText() const;
    QTableWidget *table() const { return m_table; }

signals:
    void approveRequested(qint64 request);
    void rejectRequested(qint64 request);

private:
    QLabel *m_title;
    QLabel *m_progress;
    QTableWidget *m_table;
    QLabel *m_requestsTitle;
    QWidget *m_requests;
    QVBoxLayout *m_requestsLayout;
};

} // namespace daybreak
