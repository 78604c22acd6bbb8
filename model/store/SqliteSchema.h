#pragma once

#include <QList>
#include <QStringList>

namespace daybreak {

// The SQLite schema as forward migrations (resources/sql/sqlite/, SchemaScripts.h): entry i
// brings version i to i + 1.
QList<QStringList> sqliteMigrations();

} // namespace daybreak
