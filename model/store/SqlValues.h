#pragma once

#include <QString>
#include <QTime>
#include <QVariant>

#include <optional>

// How the stores' SQL binds and reads values, shared by the SqlStore*.cpp files (not a public
// header of the room).
namespace daybreak::sqlvalues {

// NOT NULL text columns: a null QString would bind as SQL NULL.
inline QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QString(QLatin1String(""))) : QVariant(value);
}
inline QVariant nullableInt(const std::optional<int> &v)
{
    return v ? QVariant(*v) : QVariant(QMetaType(QMetaType::Int));
}
inline QVariant timeOrNull(const std::optional<QTime> &t)
{
    return t ? QVariant(t->toString(QStringLiteral("HH:mm")))
             : QVariant(QMetaType(QMetaType::QString));
}
inline std::optional<QTime> timeFrom(const QVariant &v)
{
    if (v.isNull() || v.toString().isEmpty())
        return std::nullopt;
    return QTime::fromString(v.toString(), QStringLiteral("HH:mm"));
}
inline std::optional<int> intFrom(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<int>(v.toInt());
}

} // namespace daybreak::sqlvalues
