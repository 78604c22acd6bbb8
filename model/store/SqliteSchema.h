#pragma once

#include <QList>
#include <QStringList>

namespace daybreak {

// The SQLite schema as forward migrations: entry i brings version i to i + 1.
// Never edit a released entry; append a new one.
QList<QStringList> sqliteMigrations();

} // namespace daybreak
