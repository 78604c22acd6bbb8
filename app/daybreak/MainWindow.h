#pragma once

#include <QMainWindow>

class Clock;
class PipelineTableModel;
class PipelineTablePanel;
class QLabel;
class StoreSession;

// The console's main window: the pipeline table and a status bar that always says which store
// is open and whether high-risk changes are allowed right now.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(StoreSession *session, const Clock &clock, QWidget *parent = nullptr);

    PipelineTablePanel *tablePanel() const { return m_table; }
    QString changeWindowText() const;

private:
    void buildMenus();
    void refresh();

    StoreSession *m_session;
    const Clock &m_clock;
    PipelineTableModel *m_model;
    PipelineTablePanel *m_table;
    QLabel *m_storeLabel;
    QLabel *m_windowLabel;
    QLabel *m_countsLabel;
};
