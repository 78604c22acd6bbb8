#pragma once

#include "Problem.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace daybreak {

// What every importer does first: a platform's document as a JSON object, or a problem naming
// the file and where the JSON breaks; and ids made into Daybreak's (lower case, [a-z0-9_.-]).
namespace ImportJson {
std::optional<QJsonObject> object(const QByteArray &data, const QString &file, Problems &problems);
QString slug(QString id);
} // namespace ImportJson

} // namespace daybreak
