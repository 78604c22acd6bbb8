#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace daybreak {

struct RepeatedKey
{
    QString key;
    int line = 0;      // where it repeats, 1-based
    int firstLine = 0; // where the same object first had it
};

// The keys that appear twice in one object of `json`, which must already have parsed as JSON.
// QJsonDocument keeps the last of them without a word, so a file with two "pipelines" keys
// would import only the second (tst_inventoryreader guards it); this scan only finds them, it does
// not parse.
QList<RepeatedKey> repeatedKeys(const QByteArray &json);

} // namespace daybreak
