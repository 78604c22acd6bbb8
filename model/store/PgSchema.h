#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace daybreak {

// The PostgreSQL schema as forward migrations, version for version the same tables as
// sqliteMigrations(), in PostgreSQL's types: identity keys, 64-bit counts, double precision,
// PL/pgSQL triggers that keep the audit log append-only and NOTIFY every change.
// Never edit a released entry; append a new one to both lists.
QList<QStringList> pgMigrations();

// The channel every change is announced on (payload: the table that changed).
inline constexpr char kPgChangeChannel[] = "daybreak_changes";

// Creates the three group roles if missing and grants them what each may do on `database`.
QStringList pgRoleStatements(const QString &database);
// Only the grants (after a migration added tables), for when the roles already exist.
QStringList pgGrantStatements(const QString &database);

} // namespace daybreak
