#pragma once

namespace daybreak {

// The exit codes of DESIGN.md §5; scripts and the orchestrator depend on them.
enum ExitCode : int
{
    ExitDone = 0,
    ExitValidation = 1, // validation found problems
    ExitBadInput = 2,   // bad usage or bad input
    ExitUnknown = 3,    // unknown pipeline or wave
    ExitRefused = 4,    // refused by a rule; every reason printed
    ExitConflict = 5,   // a concurrent change won; nothing written
    ExitStore = 6,      // store unavailable or unusable
};

} // namespace daybreak
