#include "JsonKeys.h"

#include <QHash>

namespace daybreak {

QList<RepeatedKey> repeatedKeys(const QByteArray &json)
{
    QList<RepeatedKey> repeated;
    struct Scope
    {
        bool object = false;
        bool expectKey = false;
        QHash<QString, int> keys; // key -> line
    };
    QList<Scope> scopes;
    int line = 1;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json.at(i);
        if (c == '\n') {
            ++line;
        } else if (c == '{' || c == '[') {
            scopes.append({c == '{', c == '{', {}});
        } else if (c == '}' || c == ']') {
            if (!scopes.isEmpty())
                scopes.removeLast();
        } else if (c == ',') {
            if (!scopes.isEmpty() && scopes.last().object)
                scopes.last().expectKey = true;
        } else if (c == '"') {
            // A string: its bytes up to the closing quote, escapes kept as written (a key
            // spelled with an escape is rare, and two spellings of one key still differ).
            const int startLine = line;
            qsizetype end = i + 1;
            while (end < json.size() && json.at(end) != '"') {
                if (json.at(end) == '\\')
                    ++end;
                else if (json.at(end) == '\n')
                    ++line;
                ++end;
            }
            if (!scopes.isEmpty() && scopes.last().expectKey) {
                Scope &scope = scopes.last();
                const QString key = QString::fromUtf8(json.mid(i + 1, end - i - 1));
                if (const auto first = scope.keys.constFind(key); first != scope.keys.cend())
                    repeated.append({key, startLine, *first});
                else
                    scope.keys.insert(key, startLine);
                scope.expectKey = false;
            }
            i = end;
        }
    }
    return repeated;
}

} // namespace daybreak
