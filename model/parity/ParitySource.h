#pragma once

#include "ParitySetting.h"

#include <QSqlDatabase>
#include <QString>

#include <optional>
#include <stdexcept>

namespace daybreak {

// A warehouse of one side that parity diffs read, named by its URL:
//   postgresql://user@host:port/db[?service=NAME&sslmode=...]  (password: .pgpass or the service)
//   mysql://user@host:port/db                                  (MariaDB and MySQL)
//   sqlite:///path/to/file.db
//   odbc://DSN                                                  (the DSN's engine is asked)
// No password is ever part of the URL or the store: engines other than PostgreSQL read the
// password file named at `source add`, which only its owner may read.
enum class SourceEngine
{
    PostgreSQL,
    MySQL,
    SQLite,
    ODBC
};
QString sourceEngineName(SourceEngine engine);

struct SourceUrl
{
    SourceEngine engine = SourceEngine::PostgreSQL;
    QString user;
    QString host;
    int port = -1;
    QString database; // db name, SQLite file path or ODBC DSN
    QString connectOptions;
};

struct ParitySource
{
    QString name;
    QString url;
    QString passwordFile;

    QJsonObject toSpec() const;
    static ParitySource fromSetting(const ParitySetting &setting);
};

// The URL read, or why not (one sentence naming the part that is wrong).
std::optional<SourceUrl> parseSourceUrl(const QString &url, QString *why);
// Empty when `path` is a readable regular file that only its owner can read or write;
// otherwise why not, naming the file.
QString passwordFileProblem(const QString &path);

// A source that cannot be reached (exit 6 in the CLI), named in the message.
class SourceUnreachable : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// Opens `source` as the connection `connectionName` of the calling thread (a Qt SQL connection
// belongs to the thread that opened it). Throws SourceUnreachable, or std::invalid_argument for
// a URL or password file that is wrong.
QSqlDatabase openSource(const ParitySource &source, const QString &connectionName,
                        int connectTimeoutSeconds = 10);

} // namespace daybreak
