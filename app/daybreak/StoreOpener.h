#pragma once

#include "OpenStoreDialog.h"

#include <QObject>

#include <functional>
#include <memory>

class QMenu;
class QThread;
class QWidget;

namespace daybreak {

class ActionPrompter;
class StoreSession;

// How the console opens a store: the File menu's dialogs and recent stores, each opened on a
// thread of its own so a server that does not answer never freezes the console (a password
// prompt first if the server wants one). The opened store goes to `use`.
class StoreOpener : public QObject
{
    Q_OBJECT

public:
    using Use = std::function<void(std::unique_ptr<StoreSession>)>;
    StoreOpener(QWidget *window, ActionPrompter *prompter, Use use);
    ~StoreOpener() override;

    void open(const QString &url);
    bool busy() const { return m_opening != nullptr; }
    // Every store from now on as a viewer (daybreak --read-only: the war-room wall).
    void setReadOnly(bool readOnly) { m_readOnly = readOnly; }
    bool readOnly() const { return m_readOnly; }
    // The File menu's "Open recent", kept up to date by remember().
    void setRecentMenu(QMenu *menu);
    void remember(const QString &location);
    // The dialog, on the SQLite file or the PostgreSQL server tab; `current`: what is open.
    void chooseStore(OpenStoreDialog::Kind kind, const QString &current);

signals:
    void opened(const QString &location);
    void failed(const QString &url, const QString &error);
    void progress(const QString &text); // empty: done

private:
    void open(const QString &url, const QString &password, int attempt);
    void rebuildRecentMenu();

    QWidget *m_window;
    ActionPrompter *m_prompter;
    Use m_use;
    bool m_readOnly = false;
    QThread *m_opening = nullptr; // a store being opened in the background
    QMenu *m_recentMenu = nullptr;
};

} // namespace daybreak
