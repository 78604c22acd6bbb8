#pragma once

#include <QList>
#include <QString>

namespace daybreak {

// One finding about an input file or a plan: where it is and what is wrong, in words a lead reads.
struct Problem
{
    enum class Severity
    {
        Error,
        Warning
    };

    Severity severity = Severity::Error;
    QString file;
    int line = 0;   // 1-based; 0 when unknown
    int column = 0; // 1-based; 0 when unknown
    QString pipeline;
    QString field;
    QString message;

    bool isError() const { return severity == Severity::Error; }
    // "inventory.json:12: error: pipeline 'orders_mart', field 'upstreams': unknown upstream 'x'"
    QString toString() const;
};

using Problems = QList<Problem>;

bool hasErrors(const Problems &problems);

} // namespace daybreak
