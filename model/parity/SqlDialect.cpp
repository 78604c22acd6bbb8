#include "SqlDialect.h"

#include <QMap>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace daybreak {

QString valueClassName(ValueClass c)
{
    switch (c) {
    case ValueClass::Integer:
        return QStringLiteral("integer");
    case ValueClass::Decimal:
        return QStringLiteral("decimal");
    case ValueClass::Float:
        return QStringLiteral("float");
    case ValueClass::Text:
        return QStringLiteral("text");
    case ValueClass::Timestamp:
        return QStringLiteral("timestamp");
    case ValueClass::Date:
        return QStringLiteral("date");
    case ValueClass::Boolean:
        return QStringLiteral("boolean");
    case ValueClass::Unsupported:
        return QStringLiteral("unsupported");
    }
    return {};
}

namespace {

bool isNumber(ValueClass c)
{
    return c == ValueClass::Integer || c == ValueClass::Decimal || c == ValueClass::Float;
}

// A declared or information_schema type name, as a class.
ValueClass classOfType(const QString &typeName)
{
    const QString t = typeName.toLower();
    if (t.contains(QLatin1String("bool")))
        return ValueClass::Boolean;
    if (t.contains(QLatin1String("timestamp")) || t.contains(QLatin1String("datetime")))
        return ValueClass::Timestamp;
    if (t == QLatin1String("date"))
        return ValueClass::Date;
    if (t.contains(QLatin1String("int")))
        return ValueClass::Integer;
    if (t.contains(QLatin1String("numeric")) || t.contains(QLatin1String("decimal")))
        return ValueClass::Decimal;
    if (t.contains(QLatin1String("double")) || t.contains(QLatin1String("float")) ||
        t.contains(QLatin1String("real")))
        return ValueClass::Float;
    if (t.contains(QLatin1String("char")) || t.contains(QLatin1String("text")) ||
        t.contains(QLatin1String("clob")) || t.isEmpty())
        return ValueClass::Text;
    return ValueClass::Unsupported;
}

} // namespace

std::optional<ValueClass> comparableClass(ValueClass a, ValueClass b)
{
    if (a == ValueClass::Unsupported || b == ValueClass::Unsupported)
        return std::nullopt;
    if (a == b)
        return a;
    if (isNumber(a) && isNumber(b))
        return (a == ValueClass::Float || b == ValueClass::Float) ? ValueClass::Float
                                                                  : ValueClass::Decimal;
    if ((a == ValueClass::Boolean && b == ValueClass::Integer) ||
        (a == ValueClass::Integer && b == ValueClass::Boolean))
        return ValueClass::Integer;
    // SQLite keeps dates and timestamps as text: the pair compares as the typed side says.
    if (a == ValueClass::Text && (b == ValueClass::Timestamp || b == ValueClass::Date))
        return b;
    if (b == ValueClass::Text && (a == ValueClass::Timestamp || a == ValueClass::Date))
        return a;
    return std::nullopt;
}

std::optional<SqlDialect> SqlDialect::of(QSqlDatabase &db, QString *why)
{
    const QString driver = db.driverName();
    if (driver == QLatin1String("QPSQL"))
        return SqlDialect(Kind::PostgreSQL);
    if (driver == QLatin1String("QMYSQL"))
        return SqlDialect(Kind::MySQL);
    if (driver == QLatin1String("QSQLITE"))
        return SqlDialect(Kind::SQLite);
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("SELECT version()")) && q.next()) {
        const QString version = q.value(0).toString();
        if (version.contains(QLatin1String("PostgreSQL")))
            return SqlDialect(Kind::PostgreSQL);
        if (version.contains(QLatin1String("MariaDB")) || version.contains(QLatin1String("MySQL")))
            return SqlDialect(Kind::MySQL);
        if (why)
            *why = QStringLiteral("the ODBC source's engine (%1) is not one Daybreak can diff in "
                                  "place: PostgreSQL, MariaDB/MySQL or SQLite")
                       .arg(version.left(60));
        return std::nullopt;
    }
    QSqlQuery lite(db);
    if (lite.exec(QStringLiteral("SELECT sqlite_version()")) && lite.next())
        return SqlDialect(Kind::SQLite);
    if (why)
        *why = QStringLiteral("the ODBC source does not say which engine it is");
    return std::nullopt;
}

QString SqlDialect::name() const
{
    switch (m_kind) {
    case Kind::PostgreSQL:
        return QStringLiteral("PostgreSQL");
    case Kind::MySQL:
        return QStringLiteral("MariaDB/MySQL");
    case Kind::SQLite:
        return QStringLiteral("SQLite");
    }
    return {};
}

QString SqlDialect::quote(const QString &identifier) const
{
    if (m_kind == Kind::MySQL)
        return QLatin1Char('`') +
               QString(identifier).replace(QLatin1Char('`'), QLatin1String("``")) +
               QLatin1Char('`');
    return QLatin1Char('"') + QString(identifier).replace(QLatin1Char('"'), QLatin1String("\"\"")) +
           QLatin1Char('"');
}

QString SqlDialect::table(const QString &schema, const QString &name) const
{
    return schema.isEmpty() ? quote(name) : quote(schema) + QLatin1Char('.') + quote(name);
}

QString SqlDialect::castToText(const QString &e) const
{
    return m_kind == Kind::MySQL ? QStringLiteral("CAST(%1 AS CHAR)").arg(e)
                                 : QStringLiteral("CAST(%1 AS TEXT)").arg(e);
}

QString SqlDialect::canonical(const QString &column, const CanonicalForm &f) const
{
    const QString c = quote(column);
    QString e;
    switch (f.cls) {
    case ValueClass::Integer:
    case ValueClass::Boolean:
        e = f.nativeBoolean && m_kind == Kind::PostgreSQL
                ? QStringLiteral("(CASE WHEN %1 THEN '1' WHEN NOT %1 THEN '0' END)").arg(c)
                : castToText(c);
        break;
    case ValueClass::Decimal:
    case ValueClass::Float:
        switch (m_kind) {
        case Kind::PostgreSQL:
            e = QStringLiteral("CAST(ROUND(CAST(%1 AS NUMERIC), %2) AS TEXT)").arg(c).arg(f.scale);
            break;
        case Kind::MySQL:
            e = QStringLiteral("CAST(CAST(%1 AS DECIMAL(65, %2)) AS CHAR)").arg(c).arg(f.scale);
            break;
        case Kind::SQLite:
            e = QStringLiteral("printf('%.%2f', %1)").arg(c).arg(f.scale);
            break;
        }
        break;
    case ValueClass::Text:
    case ValueClass::Unsupported:
        e = castToText(c);
        if (f.normalise == QLatin1String("rtrim"))
            e = QStringLiteral("RTRIM(%1)").arg(e);
        else if (f.normalise == QLatin1String("lower"))
            e = QStringLiteral("LOWER(%1)").arg(e);
        break;
    case ValueClass::Timestamp:
        switch (m_kind) {
        case Kind::PostgreSQL: // the session's time zone is UTC
            e = QStringLiteral("to_char(%1, 'YYYY-MM-DD\"T\"HH24:MI:SS.US')").arg(c);
            break;
        case Kind::MySQL: // the session's time zone is +00:00
            e = QStringLiteral("DATE_FORMAT(%1, '%Y-%m-%dT%H:%i:%s.%f')").arg(c);
            break;
        case Kind::SQLite:
            e = QStringLiteral("(strftime('%Y-%m-%dT%H:%M:%S', %1) || '.' || CASE WHEN "
                               "substr(%1, 20, 1) = '.' AND substr(%1, 21, 6) GLOB "
                               "'[0-9][0-9][0-9][0-9][0-9][0-9]' THEN substr(%1, 21, 6) ELSE "
                               "substr(strftime('%f', %1), 4, 3) || '000' END)")
                    .arg(c);
            break;
        }
        if (f.timestampChars < 26)
            e = QStringLiteral("SUBSTR(%1, 1, %2)").arg(e).arg(f.timestampChars);
        break;
    case ValueClass::Date:
        switch (m_kind) {
        case Kind::PostgreSQL:
            e = QStringLiteral("to_char(%1, 'YYYY-MM-DD')").arg(c);
            break;
        case Kind::MySQL:
            e = QStringLiteral("DATE_FORMAT(%1, '%Y-%m-%d')").arg(c);
            break;
        case Kind::SQLite:
            e = QStringLiteral("date(%1)").arg(c);
            break;
        }
        break;
    }
    return e;
}

QString SqlDialect::concat(const QStringList &parts) const
{
    if (m_kind == Kind::MySQL)
        return QStringLiteral("CONCAT(%1)").arg(parts.join(QStringLiteral(", ")));
    return parts.join(QStringLiteral(" || "));
}

QString SqlDialect::rowString(const QStringList &canonicalColumns) const
{
    QStringList parts;
    for (const QString &e : canonicalColumns) {
        if (!parts.isEmpty())
            parts << QStringLiteral("'|'");
        const QString length = m_kind == Kind::MySQL ? QStringLiteral("CHAR_LENGTH(%1)").arg(e)
                                                     : QStringLiteral("length(%1)").arg(e);
        parts << QStringLiteral("COALESCE(%1, '~')")
                     .arg(concat({castToText(length), QStringLiteral("':'"), e}));
    }
    return concat(parts);
}

QString SqlDialect::hashSum(const QString &row) const
{
    switch (m_kind) {
    case Kind::PostgreSQL:
        return QStringLiteral(
                   "CAST(SUM(CAST(CAST(('x' || substr(md5(%1), 18)) AS BIT(60)) AS BIGINT)) AS "
                   "TEXT)")
            .arg(row);
    case Kind::MySQL:
        return QStringLiteral(
                   "CAST(SUM(CAST(CONV(SUBSTRING(MD5(%1), 18), 16, 10) AS UNSIGNED)) AS CHAR)")
            .arg(row);
    case Kind::SQLite:
        return {};
    }
    return {};
}

QString SqlDialect::keyOrder(const QString &column, ValueClass cls) const
{
    const QString c = quote(column);
    if (cls != ValueClass::Text)
        return c;
    switch (m_kind) {
    case Kind::PostgreSQL:
        return QStringLiteral("(%1 COLLATE \"C\")").arg(c);
    case Kind::MySQL:
        return QStringLiteral("CAST(%1 AS BINARY)").arg(c);
    case Kind::SQLite:
        return c;
    }
    return c;
}

QString SqlDialect::integerDivision(const QString &a, const QString &b) const
{
    return m_kind == Kind::MySQL ? QStringLiteral("((%1) DIV (%2))").arg(a, b)
                                 : QStringLiteral("((%1) / (%2))").arg(a, b);
}

QStringList SqlDialect::snapshotStatements() const
{
    switch (m_kind) {
    case Kind::PostgreSQL:
        return {QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"),
                QStringLiteral("SET LOCAL TIME ZONE 'UTC'")};
    case Kind::MySQL:
        return {QStringLiteral("SET SESSION time_zone = '+00:00'"),
                QStringLiteral("SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ"),
                QStringLiteral("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY")};
    case Kind::SQLite:
        return {QStringLiteral("BEGIN")};
    }
    return {};
}

QString SqlDialect::versionQuery() const
{
    return m_kind == Kind::SQLite ? QStringLiteral("SELECT 'SQLite ' || sqlite_version()")
                                  : QStringLiteral("SELECT version()");
}

std::optional<QList<ColumnShape>> SqlDialect::describe(QSqlDatabase &db, const QString &schema,
                                                       const QString &table, QString *error) const
{
    QList<ColumnShape> columns;
    QSqlQuery q(db);
    if (m_kind == Kind::SQLite) {
        if (!q.exec(QStringLiteral("SELECT name, type FROM pragma_table_info('%1')")
                        .arg(QString(table).replace(QLatin1Char('\''), QLatin1String("''"))))) {
            *error = q.lastError().text();
            return std::nullopt;
        }
        static const QRegularExpression scaleOf(
            QStringLiteral("\\(\\s*\\d+\\s*,\\s*(\\d+)\\s*\\)"));
        while (q.next()) {
            ColumnShape c{q.value(0).toString(), classOfType(q.value(1).toString()), -1,
                          q.value(1).toString()};
            const QRegularExpressionMatch m = scaleOf.match(c.nativeType);
            if (c.cls == ValueClass::Decimal && m.hasMatch())
                c.scale = m.captured(1).toInt();
            columns.append(c);
        }
    } else {
        const QString schemaTest =
            schema.isEmpty() ? (m_kind == Kind::MySQL ? QStringLiteral("table_schema = DATABASE()")
                                                      : QStringLiteral("table_schema = "
                                                                       "current_schema()"))
                             : QStringLiteral("table_schema = ?");
        q.prepare(QStringLiteral("SELECT column_name, data_type, numeric_scale FROM "
                                 "information_schema.columns WHERE %1 AND table_name = ? ORDER BY "
                                 "ordinal_position")
                      .arg(schemaTest));
        if (!schema.isEmpty())
            q.addBindValue(schema);
        q.addBindValue(table);
        if (!q.exec()) {
            *error = q.lastError().text();
            return std::nullopt;
        }
        while (q.next()) {
            ColumnShape c{q.value(0).toString(), classOfType(q.value(1).toString()),
                          q.value(2).isNull() ? -1 : q.value(2).toInt(), q.value(1).toString()};
            if (c.cls == ValueClass::Decimal && c.scale < 0)
                c.scale = -1;
            columns.append(c);
        }
    }
    if (columns.isEmpty()) {
        *error = QString();
        return std::nullopt;
    }
    return columns;
}

QList<QStringList> SqlDialect::uniqueKeys(QSqlDatabase &db, const QString &schema,
                                          const QString &table) const
{
    QSqlQuery q(db);
    if (m_kind == Kind::PostgreSQL) {
        q.prepare(QStringLiteral(
            "SELECT i.indexrelid, a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = "
            "i.indrelid AND a.attnum = ANY (i.indkey) JOIN pg_class c ON c.oid = i.indrelid JOIN "
            "pg_namespace n ON n.oid = c.relnamespace WHERE i.indisunique AND i.indpred IS NULL "
            "AND i.indexprs IS NULL AND c.relname = ? AND n.nspname = COALESCE(NULLIF(?, ''), "
            "current_schema())"));
        q.addBindValue(table);
        q.addBindValue(schema);
    } else if (m_kind == Kind::MySQL) {
        q.prepare(
            QStringLiteral("SELECT index_name, column_name FROM information_schema.statistics "
                           "WHERE non_unique = 0 AND table_schema = %1 AND table_name = ?")
                .arg(schema.isEmpty() ? QStringLiteral("DATABASE()") : QStringLiteral("?")));
        if (!schema.isEmpty())
            q.addBindValue(schema);
        q.addBindValue(table);
    } else {
        return {};
    }
    QMap<QString, QStringList> byIndex;
    if (q.exec())
        while (q.next())
            byIndex[q.value(0).toString()] << q.value(1).toString().toLower();
    QList<QStringList> keys;
    for (QStringList columns : std::as_const(byIndex)) {
        columns.sort();
        keys << columns;
    }
    return keys;
}

} // namespace daybreak
