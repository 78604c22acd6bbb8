#include "Problem.h"

#include <algorithm>

namespace daybreak {

QString Problem::toString() const
{
    QString where = file.isEmpty() ? QStringLiteral("<input>") : file;
    if (line > 0) {
        where += QLatin1Char(':') + QString::number(line);
        if (column > 0)
            where += QLatin1Char(':') + QString::number(column);
    }
    QStringList subject;
    if (!pipeline.isEmpty())
        subject << QStringLiteral("pipeline '%1'").arg(pipeline);
    if (!field.isEmpty())
        subject << QStringLiteral("field '%1'").arg(field);
    const QString kind = isError() ? QStringLiteral("error") : QStringLiteral("warning");
    if (subject.isEmpty())
        return QStringLiteral("%1: %2: %3").arg(where, kind, message);
    return QStringLiteral("%1: %2: %3: %4")
        .arg(where, kind, subject.join(QStringLiteral(", ")), message);
}

bool hasErrors(const Problems &problems)
{
    return std::any_of(problems.begin(), problems.end(),
                       [](const Problem &p) { return p.isError(); });
}

} // namespace daybreak
