#pragma once

#include "SqlStore.h"

// The embedded store: one SQLite file in WAL mode, shared by the consoles and the CLI on a machine.
class SqliteStore final : public SqlStore
{
public:
    // Throws StoreError when the file cannot be opened or used.
    SqliteStore(const QString &path, OpenMode mode);

    QString location() const override { return m_path; }
    qint64 changeToken() override;

    // For tests and tools that must prove the schema's own guarantees.
    QSqlDatabase &database() { return m_db; }

private:
    QString m_path;
};
