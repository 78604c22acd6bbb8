#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace daybreak {

// The schema lives in SQL files, embedded under :/daybreak/sql/ (resources/sql/ in the tree):
//   pg/NN_name.sql, sqlite/NN_name.sql  migration NN of each engine, applied in order
//   common/NN_name.sql                  what both engines run alike, pulled in by `\ir`
//   pg/roles.sql, pg/grants.sql         PostgreSQL's group roles and what each may do
// Never edit a released migration; add the next number to both engines.

// The migrations of one engine ("pg" or "sqlite"): entry i brings version i to i + 1. Throws
// StoreError naming the file when the files are not numbered 01, 02, … without a gap, or a file
// does not split into statements.
QList<QStringList> schemaMigrations(const QString &engine);

// The statements of one embedded file (a path under :/daybreak/sql/, e.g. "pg/grants.sql").
QStringList schemaScript(const QString &path);

// Splits a script into its statements at the semicolons that end them: not those inside quotes,
// dollar quotes, comments or a trigger's BEGIN … END. A line `\ir FILE` (psql's relative
// include) is replaced by FILE's statements, read through `include`. Comments are dropped.
// Throws StoreError naming `where` and the line when a quote, a body or the last statement
// is left open.
QStringList splitSqlScript(const QString &text, const QString &where,
                           const std::function<QStringList(const QString &)> &include = {});

} // namespace daybreak
