#include "ImportJson.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace daybreak::ImportJson {

std::optional<QJsonObject> object(const QByteArray &data, const QString &file, Problems &problems)
{
    QJsonParseError e;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &e);
    if (e.error == QJsonParseError::NoError && doc.isObject())
        return doc.object();
    problems.append(
        {Problem::Severity::Error,
         file,
         0,
         0,
         {},
         {},
         e.error != QJsonParseError::NoError
             ? QStringLiteral("not JSON at byte %1: %2").arg(e.offset).arg(e.errorString())
             : QStringLiteral("not a JSON object")});
    return std::nullopt;
}

QString slug(QString id)
{
    static const QRegularExpression bad(QStringLiteral("[^a-z0-9_.-]+"));
    id = id.trimmed().toLower();
    id.replace(bad, QStringLiteral("_"));
    return id;
}

} // namespace daybreak::ImportJson
