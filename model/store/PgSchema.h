#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace daybreak {

// The PostgreSQL schema (resources/sql/pg/, SchemaScripts.h): version for version the same
// tables as the SQLite one, in PostgreSQL's types (identity keys, 64-bit counts, double
// precision), with PL/pgSQL triggers that keep the audit log append-only and NOTIFY every change,
// and the functions through which each role writes.
QList<QStringList> pgMigrations();

// The channel every change is announced on (payload: the table that changed); 01's
// daybreak_notify() names it.
inline constexpr char kPgChangeChannel[] = "daybreak_changes";

// Creates the four group roles if missing and grants them what each may do (pg/roles.sql).
QStringList pgRoleStatements();
// Only the grants (after a migration added tables), for when the roles already exist.
QStringList pgGrantStatements();

} // namespace daybreak
