#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace daybreak {

// /etc/daybreak/watch.conf, what the daybreak-watch unit runs `daybreakctl watch --config` with:
// an INI file (QSettings; comments start with ';') whose [watch] section holds the store, the
// listen address, the token file and the sensors' numbers. It holds no password: a store URL with
// one is refused, and PostgreSQL's comes from the service user's ~/.pgpass.
struct WatchConfig
{
    static const QStringList &
    keys(); // store listen token_file interval grace silence lease tls_cert tls_key
    QHash<QString, QString> values; // by key; only the keys the file sets
    QStringList problems;           // "FILE: line N: ...", "FILE: key 'x': ..."

    static WatchConfig read(const QString &path);
    bool ok() const { return problems.isEmpty(); }
};

} // namespace daybreak
