#include "OpenStoreDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace daybreak {

OpenStoreDialog::OpenStoreDialog(QWidget *parent)
    : QDialog(parent), m_sqlite(new QRadioButton(tr("SQLite file on this machine"), this)),
      m_server(new QRadioButton(
          tr("PostgreSQL server (shared by consoles, the CLI and the orchestrator)"), this)),
      m_path(new QLineEdit(this)), m_url(new QLineEdit(this)),
      m_readOnly(new QCheckBox(
          tr("Open as a viewer (read-only: nothing can be changed from this console)"), this))
{
    setWindowTitle(tr("Open store"));
    m_path->setObjectName(QStringLiteral("sqlitePath"));
    m_url->setObjectName(QStringLiteral("serverUrl"));
    m_url->setPlaceholderText(
        QStringLiteral("postgresql://user@host:5432/daybreak?sslmode=verify-full"));
    auto *browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Open store"), m_path->text(),
                                         tr("Daybreak stores (*.sqlite *.db);;All files (*)"));
        if (!path.isEmpty())
            m_path->setText(path);
    });
    auto *hint = new QLabel(
        tr("The password comes from PGPASSWORD or ~/.pgpass; if neither has one you will be asked. "
           "It is never saved."),
        this);
    hint->setWordWrap(true);
    hint->setEnabled(false);

    auto *grid = new QGridLayout;
    grid->addWidget(m_sqlite, 0, 0, 1, 2);
    grid->addWidget(m_path, 1, 0);
    grid->addWidget(browse, 1, 1);
    grid->addWidget(m_server, 2, 0, 1, 2);
    grid->addWidget(m_url, 3, 0, 1, 2);
    grid->addWidget(hint, 4, 0, 1, 2);
    grid->setColumnStretch(0, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *column = new QVBoxLayout(this);
    column->addLayout(grid);
    column->addWidget(m_readOnly);
    column->addWidget(buttons);

    connect(m_sqlite, &QRadioButton::toggled, this, &OpenStoreDialog::updateEnabled);
    connect(m_path, &QLineEdit::textChanged, this, &OpenStoreDialog::updateEnabled);
    connect(m_url, &QLineEdit::textChanged, this, &OpenStoreDialog::updateEnabled);
    m_openButton = buttons->button(QDialogButtonBox::Open);
    m_browse = browse;
    m_sqlite->setChecked(true);
    resize(640, sizeHint().height());
    updateEnabled();
}

void OpenStoreDialog::setKind(Kind kind)
{
    (kind == Kind::SqliteFile ? m_sqlite : m_server)->setChecked(true);
    updateEnabled();
}

void OpenStoreDialog::setSqlitePath(const QString &path)
{
    m_path->setText(path);
}

void OpenStoreDialog::setServerUrl(const QString &url)
{
    m_url->setText(url);
}

void OpenStoreDialog::setReadOnly(bool readOnly)
{
    m_readOnly->setChecked(readOnly);
}

QString OpenStoreDialog::url() const
{
    return (m_sqlite->isChecked() ? m_path->text() : m_url->text()).trimmed();
}

bool OpenStoreDialog::readOnly() const
{
    return m_readOnly->isChecked();
}

void OpenStoreDialog::updateEnabled()
{
    const bool file = m_sqlite->isChecked();
    m_path->setEnabled(file);
    m_browse->setEnabled(file);
    m_url->setEnabled(!file);
    const QString text = url();
    m_openButton->setEnabled(file ? !text.isEmpty()
                                  : text.startsWith(QLatin1String("postgresql://")) ||
                                        text.startsWith(QLatin1String("postgres://")));
}

} // namespace daybreak
