#include "SqliteSchema.h"

#include "SchemaScripts.h"

namespace daybreak {

QList<QStringList> sqliteMigrations()
{
    return schemaMigrations(QStringLiteral("sqlite"));
}

} // namespace daybreak
