#pragma once

#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace daybreak {

struct StoreSnapshot;

// dbt's node selection grammar, for the graph's search box and the CLI's --select alike:
//   id          that pipeline (a * matches any run of characters: stg_*)
//   +id  id+    it and everything it reads / everything that reads it, transitively
//   2+id id+3   the same, at most that many steps
//   @id         its downstreams and everything they read
//   group:NAME  owner:NAME  state:onprem|dual_run|cloud|decommissioned  wave:NAME (also *)
//   a b         union (space);   a,b   intersection (comma);  wave:"Wave 1" quotes a space
// The graph operators apply to methods too: +group:marts reads everything the marts read.
class Selector
{
public:
    // The selected ids, or the error naming the token that is wrong.
    struct Result
    {
        QSet<QString> ids;
        QString error; // empty when the selector is good
        bool ok() const { return error.isEmpty(); }
    };
    static Result select(const QString &expression, const StoreSnapshot &snapshot);
    // The snapshot with only `ids`: their pipelines (reads from outside dropped), pointers,
    // parity and wave places; waves keep their dates even when none of their members is left.
    static StoreSnapshot restricted(const StoreSnapshot &snapshot, const QSet<QString> &ids);
};

} // namespace daybreak
