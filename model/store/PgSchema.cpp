#include "PgSchema.h"

#include "SchemaScripts.h"

namespace daybreak {

QList<QStringList> pgMigrations()
{
    return schemaMigrations(QStringLiteral("pg"));
}

QStringList pgRoleStatements()
{
    return schemaScript(QStringLiteral("pg/roles.sql"));
}

QStringList pgGrantStatements()
{
    return schemaScript(QStringLiteral("pg/grants.sql"));
}

} // namespace daybreak
