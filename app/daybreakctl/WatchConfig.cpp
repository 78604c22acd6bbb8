#include "WatchConfig.h"

#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QTextStream>
#include <QUrl>
#include <QUrlQuery>

namespace daybreak {

namespace {
// QSettings says only that the file is malformed; name the first line it cannot read.
QString malformedLine(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    QTextStream in(&file);
    for (int number = 1; !in.atEnd(); ++number) {
        const QString line = in.readLine().trimmed();
        if (line.startsWith(QLatin1Char('#')))
            return QStringLiteral("line %1: a comment starts with ';' in this file, not '#'")
                .arg(number);
        if (line.isEmpty() || line.startsWith(QLatin1Char(';')) ||
            (line.startsWith(QLatin1Char('[')) && line.endsWith(QLatin1Char(']'))) ||
            line.contains(QLatin1Char('=')))
            continue;
        return QStringLiteral("line %1: '%2' is not 'key = value', a [section] or a ; comment")
            .arg(number)
            .arg(line);
    }
    return QStringLiteral("not an INI file");
}

QString passwordIn(const QString &store)
{
    if (!store.startsWith(QLatin1String("postgres")))
        return {};
    const QUrl url(store);
    if (!url.password().isEmpty())
        return QStringLiteral("the URL carries a password");
    if (QUrlQuery(url).hasQueryItem(QStringLiteral("password")))
        return QStringLiteral("the URL's query carries a password");
    return {};
}
} // namespace

const QStringList &WatchConfig::keys()
{
    static const QStringList all{
        QStringLiteral("store"),    QStringLiteral("listen"),   QStringLiteral("token_file"),
        QStringLiteral("interval"), QStringLiteral("grace"),    QStringLiteral("silence"),
        QStringLiteral("lease"),    QStringLiteral("tls_cert"), QStringLiteral("tls_key")};
    return all;
}

WatchConfig WatchConfig::read(const QString &path)
{
    WatchConfig config;
    const QFileInfo info(path);
    if (!info.isFile() || !info.isReadable()) {
        config.problems << QStringLiteral("%1: cannot read it (%2)")
                               .arg(path, info.exists() ? QStringLiteral("permission denied")
                                                        : QStringLiteral("no such file"));
        return config;
    }
    QSettings settings(path, QSettings::IniFormat);
    const QStringList all = settings.allKeys(); // reads the file; status() is known after it
    if (settings.status() != QSettings::NoError) {
        config.problems << QStringLiteral("%1: %2").arg(path, malformedLine(path));
        return config;
    }
    for (const QString &full : all) {
        const qsizetype slash = full.indexOf(QLatin1Char('/'));
        const QString group = slash < 0 ? QString() : full.left(slash);
        const QString key = full.mid(slash + 1);
        if (group != QLatin1String("watch")) {
            config.problems
                << QStringLiteral("%1: '%2' is outside the [watch] section").arg(path, key);
            continue;
        }
        if (key.startsWith(QLatin1Char('#'))) {
            config.problems << QStringLiteral("%1: '%2': a comment starts with ';' in this file, "
                                              "not '#'")
                                   .arg(path, key);
            continue;
        }
        if (!keys().contains(key)) {
            config.problems << QStringLiteral("%1: unknown key '%2' (known: %3)")
                                   .arg(path, key, keys().join(QStringLiteral(", ")));
            continue;
        }
        const QVariant value = settings.value(full);
        if (value.typeId() == QMetaType::QStringList) {
            config.problems << QStringLiteral("%1: key '%2': a comma makes it a list; put the "
                                              "value in double quotes")
                                   .arg(path, key);
            continue;
        }
        config.values.insert(key, value.toString().trimmed());
    }
    const QString password = passwordIn(config.values.value(QStringLiteral("store")));
    if (!password.isEmpty())
        config.problems << QStringLiteral("%1: key 'store': %2; the config holds no password: put "
                                          "it in the service user's ~/.pgpass (mode 0600)")
                               .arg(path, password);
    return config;
}

} // namespace daybreak
