#pragma once

// How the inventory readers note what is wrong, in one line each. Internal to the io room.

#include "Problem.h"

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

// An IANA zone, or an error naming the field.
void checkTimezone(const QString &tz, const QString &file, int line, Problems &problems);

} // namespace daybreak::inventoryproblems
