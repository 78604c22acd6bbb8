#include "Store.h"

#include "PgStore.h"
#include "SqliteStore.h"

#include <QDir>
#include <QStandardPaths>
#include <QUrl>

namespace daybreak {

bool isPostgresUrl(const QString &url)
{
    return url.startsWith(QLatin1String("postgresql://")) ||
           url.startsWith(QLatin1String("postgres://"));
}

std::unique_ptr<Store> openStore(const QString &url, OpenMode mode, const StoreOptions &options)
{
    if (isPostgresUrl(url)) {
        PgTarget target = PgTarget::parse(url);
        if (!options.password.isEmpty())
            target.password = options.password;
        return std::make_unique<PgStore>(target, mode, options.readOnly);
    }
    QString path = url;
    if (url.startsWith(QLatin1String("sqlite://")))
        path = QUrl(url).path();
    else if (url.contains(QLatin1String("://")))
        throw StoreError(
            QStringLiteral("unknown store URL '%1' (use a file path, sqlite:///path or "
                           "postgresql://user@host:port/db)")
                .arg(url));
    if (path.isEmpty())
        throw StoreError(QStringLiteral("empty store path"));
    return std::make_unique<SqliteStore>(path, mode, options.readOnly);
}

QString defaultStorePath()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
                           QStringLiteral("/daybreak");
    return QDir(folder).filePath(QStringLiteral("daybreak.sqlite"));
}

} // namespace daybreak
