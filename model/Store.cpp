#include "Store.h"

#include "SqliteStore.h"

#include <QDir>
#include <QStandardPaths>
#include <QUrl>

std::unique_ptr<Store> openStore(const QString &url, OpenMode mode)
{
    if (url.startsWith(QLatin1String("postgresql://")) || url.startsWith(QLatin1String("postgres://")))
        throw StoreError(QStringLiteral("PostgreSQL stores are not supported by this build yet: %1").arg(url));
    QString path = url;
    if (url.startsWith(QLatin1String("sqlite://")))
        path = QUrl(url).path();
    else if (url.contains(QLatin1String("://")))
        throw StoreError(QStringLiteral("unknown store URL '%1' (use a file path, sqlite:///path or "
                                        "postgresql://user@host:port/db)").arg(url));
    if (path.isEmpty())
        throw StoreError(QStringLiteral("empty store path"));
    return std::make_unique<SqliteStore>(path, mode);
}

QString defaultStorePath()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
                           + QStringLiteral("/daybreak");
    return QDir(folder).filePath(QStringLiteral("daybreak.sqlite"));
}
