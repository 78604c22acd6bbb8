#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace daybreak {

// What a value is, across engines: the canonical form both sides are brought to before they are
// hashed or compared.
enum class ValueClass
{
    Integer,
    Decimal, // fixed scale
    Float,
    Text,
    Timestamp,
    Date,
    Boolean,
    Unsupported
};
QString valueClassName(ValueClass c);

struct ColumnShape
{
    QString name;
    ValueClass cls = ValueClass::Unsupported;
    int scale = -1; // decimals of a Decimal column, when the engine says
    QString nativeType;
};

// How both sides write one compared column: the class the pair compares as, the decimals a
// number is written with, the timestamp precision, and the normalisation.
struct CanonicalForm
{
    ValueClass cls = ValueClass::Text;
    int scale = 0;              // numbers: decimals written
    int timestampChars = 26;    // 19 seconds, 23 milliseconds, 26 microseconds
    QString normalise;          // rtrim | lower | empty
    bool nativeBoolean = false; // this side's column is a boolean (written 1/0)
};

// The SQL each engine needs for a diff, so that equal data is written alike on every engine:
// numbers at a fixed scale, timestamps in UTC to the microsecond as YYYY-MM-DDTHH:MM:SS.ffffff,
// dates as YYYY-MM-DD, booleans as 1/0, NULL distinct from the empty string, text as UTF-8, and
// text keys in code-point (byte) order.
class SqlDialect
{
public:
    enum class Kind
    {
        PostgreSQL,
        MySQL,
        SQLite
    };
    explicit SqlDialect(Kind kind) : m_kind(kind) {}
    // The engine behind an open connection (an ODBC one is asked which it is).
    static std::optional<SqlDialect> of(QSqlDatabase &db, QString *why);

    Kind kind() const { return m_kind; }
    QString name() const;
    // Whether this engine hashes inside the database; SQLite has no hash function, so its rows
    // are hashed as they are read, in this process (the file is local: nothing crosses a network).
    bool hashesInDatabase() const { return m_kind != Kind::SQLite; }

    QString quote(const QString &identifier) const;
    QString table(const QString &schema, const QString &table) const;
    // The column written in its canonical form (NULL stays NULL).
    QString canonical(const QString &column, const CanonicalForm &form) const;
    // One row as a string: each value length-prefixed ("3:abc"), NULL as "~", joined by "|".
    QString rowString(const QStringList &canonicalColumns) const;
    // SUM over the rows of a 60-bit slice of each row string's MD5, as a decimal.
    QString hashSum(const QString &rowString) const;
    // A key column as compared in ranges: text in byte order.
    QString keyOrder(const QString &column, ValueClass cls) const;
    QString integerDivision(const QString &a, const QString &b) const;
    QString castToText(const QString &expression) const;
    // Statements that start one consistent, read-only snapshot, in order.
    QStringList snapshotStatements() const;
    QString versionQuery() const;

    // The columns of a table, or nullopt when there is no such table.
    std::optional<QList<ColumnShape>> describe(QSqlDatabase &db, const QString &schema,
                                               const QString &table, QString *error) const;

    // The column sets of the table's unique indexes and constraints (whole-table, not partial),
    // lower-cased; empty when there are none or the engine does not say (SQLite here).
    QList<QStringList> uniqueKeys(QSqlDatabase &db, const QString &schema,
                                  const QString &table) const;

private:
    QString concat(const QStringList &parts) const;
    Kind m_kind;
};

// What two engines' column types compare as; nullopt when they cannot be compared.
std::optional<ValueClass> comparableClass(ValueClass a, ValueClass b);

} // namespace daybreak
