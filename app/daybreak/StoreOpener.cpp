#include "StoreOpener.h"

#include "ActionPrompter.h"
#include "StoreSession.h"

#include <QInputDialog>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QThread>

namespace daybreak {

namespace {
const char kRecentKey[] = "recentStores";
}

StoreOpener::StoreOpener(QWidget *window, ActionPrompter *prompter, Use use)
    : QObject(window), m_window(window), m_prompter(prompter), m_use(std::move(use))
{
}

StoreOpener::~StoreOpener()
{
    // A store being opened answers within the store's limits (the watchdog's 10 s).
    if (m_opening) {
        disconnect(m_opening, nullptr, this, nullptr);
        m_opening->wait();
        delete m_opening;
    }
}

void StoreOpener::open(const QString &url)
{
    open(url, {}, 0);
}

void StoreOpener::open(const QString &url, const QString &password, int attempt)
{
    const QString shown = url.section(QLatin1Char('?'), 0, 0);
    if (m_opening) {
        emit progress(tr("Still opening another store; try again when it answers"));
        return;
    }
    StoreOptions options;
    options.readOnly = m_readOnly;
    options.password = password;
    struct Result
    {
        std::optional<OpenedStore> opened;
        bool needsPassword = false;
        QString error;
    };
    auto result = std::make_shared<Result>();
    m_opening = QThread::create([url, options, result] {
        try {
            result->opened =
                StoreSession::prepare(daybreak::openStore(url, OpenMode::MustExist, options));
        } catch (const PasswordRequired &e) {
            result->needsPassword = true;
            result->error = e.message();
        } catch (const StoreError &e) {
            result->error = e.message();
        }
    });
    emit progress(tr("Opening %1…").arg(shown));
    connect(m_opening, &QThread::finished, this, [this, url, shown, result, attempt] {
        m_opening->deleteLater();
        m_opening = nullptr;
        emit progress(QString());
        if (result->opened) {
            auto session = std::make_unique<StoreSession>(std::move(*result->opened));
            const QString location = session->location();
            m_use(std::move(session));
            if (isPostgresUrl(url))
                QSettings().setValue(QStringLiteral("store/lastServer"), location);
            emit opened(location);
            return;
        }
        if (result->needsPassword && attempt < 3) {
            bool ok = false;
            const QString prompt =
                attempt == 0 ? tr("Password for %1:").arg(shown)
                             : tr("The server refused it:\n%1\n\nPassword:").arg(result->error);
            const QString password = QInputDialog::getText(
                m_window, tr("PostgreSQL password"), prompt, QLineEdit::Password, QString(), &ok);
            if (ok) {
                open(url, password, attempt + 1);
                return;
            }
            result->error = tr("no password given for %1").arg(shown);
        }
        emit failed(url, result->error);
        m_prompter->showRefusal(m_window, tr("Open store"),
                                {tr("Cannot open %1: %2").arg(shown, result->error)});
    });
    m_opening->start();
}

void StoreOpener::setRecentMenu(QMenu *menu)
{
    m_recentMenu = menu;
    rebuildRecentMenu();
}

void StoreOpener::remember(const QString &location)
{
    QSettings settings;
    QStringList recent = settings.value(QLatin1String(kRecentKey)).toStringList();
    recent.removeAll(location);
    recent.prepend(location);
    settings.setValue(QLatin1String(kRecentKey), recent.mid(0, 8));
    rebuildRecentMenu();
}

void StoreOpener::rebuildRecentMenu()
{
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QLatin1String(kRecentKey)).toStringList();
    for (const QString &url : recent)
        m_recentMenu->addAction(url, this, [this, url] { open(url); });
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void StoreOpener::chooseStore(OpenStoreDialog::Kind kind, const QString &current)
{
    QSettings settings;
    OpenStoreDialog dialog(m_window);
    dialog.setSqlitePath(current.contains(QLatin1String("://")) ? defaultStorePath() : current);
    dialog.setServerUrl(
        settings
            .value(QStringLiteral("store/lastServer"),
                   QStringLiteral("postgresql://%1@localhost:5432/daybreak?sslmode=prefer")
                       .arg(currentOsUser()))
            .toString());
    dialog.setKind(kind);
    dialog.setReadOnly(m_readOnly);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_readOnly = dialog.readOnly();
    open(dialog.url());
}

} // namespace daybreak
