#pragma once

#include <QDialog>

class QCheckBox;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace daybreak {

// File → Open store: a SQLite file on this machine or a PostgreSQL server, optionally as a viewer.
// It only builds the URL; opening (and asking for a password) is the caller's business.
class OpenStoreDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Kind
    {
        SqliteFile,
        PostgresServer
    };

    explicit OpenStoreDialog(QWidget *parent = nullptr);

    void setKind(Kind kind);
    void setSqlitePath(const QString &path);
    void setServerUrl(const QString &url);
    void setReadOnly(bool readOnly);

    QString url() const;
    bool readOnly() const;

private:
    void updateEnabled();

    QRadioButton *m_sqlite;
    QRadioButton *m_server;
    QLineEdit *m_path;
    QLineEdit *m_url;
    QCheckBox *m_readOnly;
    QPushButton *m_openButton = nullptr;
    QPushButton *m_browse = nullptr;
};

} // namespace daybreak
