#pragma once

// How the inventory readers note what is wrong, in one line each. Internal to the io room.

#include "PipelineFields.h"
#include "Problem.h"

#include <QHash>

namespace daybreak::inventoryproblems {

inline void error(Problems &problems, const QString &file, int line, const QString &field,
                  const QString &message, int column = 0)
{
    problems.append({Problem::Severity::Error, file, line, column, {}, field, message});
}

inline void warning(Problems &problems, const QString &file, int line, const QString &field,
                    const QString &message)
{
    problems.append({Problem::Severity::Warning, file, line, 0, {}, field, message});
}

// False, with the error, when `id` was defined before; else its line is remembered.
inline bool firstDefinition(const QString &id, int line, QHash<QString, int> &lineOfId,
                            const PipelineFields::Report &report)
{
    if (id.isEmpty())
        return true;
    if (lineOfId.contains(id)) {
        report(Problem::Severity::Error, QStringLiteral("id"),
               QStringLiteral("duplicate id (first defined on line %1)").arg(lineOfId.value(id)));
        return false;
    }
    lineOfId.insert(id, line);
    return true;
}

// An IANA zone, or an error naming the field.
void checkTimezone(const QString &tz, const QString &file, int line, Problems &problems);

} // namespace daybreak::inventoryproblems
