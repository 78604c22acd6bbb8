#include "SchemaScripts.h"

#include "Store.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace daybreak {

namespace {
const QString kRoot = QStringLiteral(":/daybreak/sql/");

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

// What the scanner is inside of, where a semicolon does not end the statement.
struct Scan
{
    const QString &text;
    const QString &where;
    qsizetype at = 0;
    int line = 1;

    [[noreturn]] void fail(const QString &what, int from) const
    {
        throw StoreError(QStringLiteral("%1, line %2: %3").arg(where).arg(from).arg(what));
    }
    // Moves past the closing `quote` of a quoted run begun just before `at`; a doubled quote is
    // one quote character inside it.
    void skipQuoted(QChar quote)
    {
        const int from = line;
        for (; at < text.size(); ++at) {
            if (text.at(at) == QLatin1Char('\n'))
                ++line;
            if (text.at(at) != quote)
                continue;
            if (at + 1 < text.size() && text.at(at + 1) == quote) {
                ++at;
                continue;
            }
            ++at;
            return;
        }
        fail(QStringLiteral("a quote %1 is never closed").arg(quote), from);
    }
    // A dollar-quoted body ($$ … $$ or $tag$ … $tag$) begun at `at`.
    bool skipDollarQuoted()
    {
        static const QRegularExpression tag(QStringLiteral("\\$[A-Za-z_]*\\$"));
        const QRegularExpressionMatch m = tag.match(text, at, QRegularExpression::NormalMatch,
                                                    QRegularExpression::AnchorAtOffsetMatchOption);
        if (!m.hasMatch())
            return false;
        const int from = line;
        const qsizetype end = text.indexOf(m.captured(), at + m.capturedLength());
        if (end < 0)
            fail(QStringLiteral("the body opened by %1 is never closed").arg(m.captured()), from);
        line += int(text.mid(at, end - at).count(QLatin1Char('\n')));
        at = end + m.capturedLength();
        return true;
    }
};
} // namespace

QStringList splitSqlScript(const QString &text, const QString &where,
                           const std::function<QStringList(const QString &)> &include)
{
    QStringList statements;
    Scan s{text, where};
    QString current;
    int depth = 0; // BEGIN and CASE open a block a semicolon does not end; END closes it
    int startLine = 1;
    auto finish = [&] {
        const QString statement = current.trimmed();
        if (!statement.isEmpty())
            statements.append(statement);
        current.clear();
    };
    while (s.at < text.size()) {
        const QChar c = text.at(s.at);
        if (current.trimmed().isEmpty() && c == QLatin1Char('\\')) {
            const qsizetype eol = text.indexOf(QLatin1Char('\n'), s.at);
            const QString directive = text.mid(s.at, eol < 0 ? -1 : eol - s.at).trimmed();
            if (!directive.startsWith(QLatin1String("\\ir ")) || !include)
                s.fail(QStringLiteral("'%1' is not a statement (only \\ir FILE is understood)")
                           .arg(directive),
                       s.line);
            statements += include(directive.mid(4).trimmed());
            s.at = eol < 0 ? text.size() : eol;
            current.clear();
            continue;
        }
        if (current.trimmed().isEmpty())
            startLine = s.line;
        if (c == QLatin1Char('-') && text.mid(s.at, 2) == QLatin1String("--")) {
            const qsizetype eol = text.indexOf(QLatin1Char('\n'), s.at);
            s.at = eol < 0 ? text.size() : eol;
            continue;
        }
        if (c == QLatin1Char('/') && text.mid(s.at, 2) == QLatin1String("/*")) {
            const qsizetype end = text.indexOf(QLatin1String("*/"), s.at + 2);
            if (end < 0)
                s.fail(QStringLiteral("a comment /* is never closed"), s.line);
            s.line += int(text.mid(s.at, end - s.at).count(QLatin1Char('\n')));
            s.at = end + 2;
            continue;
        }
        const qsizetype from = s.at;
        if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            ++s.at;
            s.skipQuoted(c);
        } else if (c == QLatin1Char('$') && s.skipDollarQuoted()) {
        } else if (isWordChar(c) && (from == 0 || !isWordChar(text.at(from - 1)))) {
            while (s.at < text.size() && isWordChar(text.at(s.at)))
                ++s.at;
            const QString word = text.mid(from, s.at - from).toUpper();
            if (word == QLatin1String("BEGIN") || word == QLatin1String("CASE"))
                ++depth;
            else if (word == QLatin1String("END") && depth > 0)
                --depth;
        } else {
            if (c == QLatin1Char('\n'))
                ++s.line;
            ++s.at;
            if (c == QLatin1Char(';') && depth == 0) {
                finish();
                continue;
            }
        }
        current += text.mid(from, s.at - from);
    }
    if (!current.trimmed().isEmpty())
        s.fail(depth > 0 ? QStringLiteral("a BEGIN or CASE is never ended")
                         : QStringLiteral("the statement is not ended by a semicolon"),
               startLine);
    return statements;
}

QStringList schemaScript(const QString &path)
{
    QFile file(kRoot + path);
    if (!file.open(QIODevice::ReadOnly))
        throw StoreError(QStringLiteral("the schema file %1 is not in this Daybreak").arg(path));
    const QString directory = QFileInfo(path).path();
    return splitSqlScript(QString::fromUtf8(file.readAll()), QStringLiteral("sql/") + path,
                          [&](const QString &included) {
                              return schemaScript(
                                  QDir::cleanPath(directory + QLatin1Char('/') + included));
                          });
}

QList<QStringList> schemaMigrations(const QString &engine)
{
    static const QRegularExpression numbered(QStringLiteral("^(\\d\\d)_[a-z0-9_]+\\.sql$"));
    QList<QStringList> migrations;
    const QStringList files = QDir(kRoot + engine).entryList(QDir::Files, QDir::Name);
    for (const QString &name : files) {
        const QRegularExpressionMatch m = numbered.match(name);
        if (!m.hasMatch())
            continue; // roles.sql, grants.sql: not migrations
        if (m.captured(1).toInt() != migrations.size() + 1)
            throw StoreError(QStringLiteral("sql/%1/%2 should be migration %3: the migrations are "
                                            "numbered without a gap")
                                 .arg(engine, name)
                                 .arg(migrations.size() + 1));
        migrations.append(schemaScript(engine + QLatin1Char('/') + name));
    }
    return migrations;
}

} // namespace daybreak
