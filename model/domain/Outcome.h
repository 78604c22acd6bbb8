#pragma once

#include "Decision.h"
#include "Problem.h"

#include <QString>

namespace daybreak {

// What became of a request to change the store, told the same way by every service and read the
// same way by the CLI (one exit code per kind) and the console:
//   Done          written, with its audit row
//   Refused       a rule (or the user's role) refuses it: every reason is in `decision`
//   Conflict      a concurrent change won; nothing was written
//   Unknown       no such pipeline, wave or alert
//   BadInput      the request or its file is wrong: `message`, and `problems` with file, line,
//   field StoreFailure  the store could not be reached or used; nothing was written, or, when the
//                 answer to COMMIT never came, the change is there whole or not at all (`message`)
struct Outcome
{
    enum class Kind
    {
        Done,
        Refused,
        Conflict,
        Unknown,
        BadInput,
        StoreFailure
    };

    Kind kind = Kind::Done;
    QString message;   // one line for stdout, stderr or the status bar
    Decision decision; // reasons when Refused; warnings whatever the kind
    Problems problems; // file findings (errors when BadInput, warnings when Done)

    bool ok() const { return kind == Kind::Done; }
    // The message, or for a refusal every reason: "refused: r1; r2".
    QString describe() const;

    // Turns this into a failure of `kind` (the derived outcomes keep their own fields).
    void fail(Kind failure, const QString &text)
    {
        kind = failure;
        message = text;
    }
    void refuse(Decision refusal, const QString &text)
    {
        kind = Kind::Refused;
        decision = std::move(refusal);
        message = text;
    }
};

QString
outcomeKindName(Outcome::Kind kind); // done, refused, conflict, unknown, bad_input, store_failure

} // namespace daybreak
