#pragma once

#include "SqlStore.h"

namespace daybreak {

// The embedded store: one SQLite file in WAL mode, shared by the consoles and the CLI on a machine.
// A file opened read-only (asked for, or not writable by this user) makes its user a viewer.
class SqliteStore final : public SqlStore
{
public:
    // Throws StoreError when the file cannot be opened or used.
    SqliteStore(const QString &path, OpenMode mode, bool readOnly = false);

    QString location() const override { return m_path; }
    std::unique_ptr<ChangeNotifier> createNotifier() override;
    Opener opener() const override;
    // Changes whenever anyone (this connection or another) commits; the notifier polls it.
    qint64 changeToken();

protected:
    bool hasSchemaTable() override;
    QSqlError startTransaction(bool write) override;
    QStringList requiredTriggers() const override;
    QString presentTriggersSql() const override;

private:
    QString m_path;
    bool m_readOnly = false;
};

} // namespace daybreak
