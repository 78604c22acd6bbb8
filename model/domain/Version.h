#pragma once

#include <QString>

namespace daybreak {

// What a build is: the project's version and the git commit it was built from ("unknown" when
// built outside a git checkout).
QString daybreakVersion(); // "0.1.0"
QString daybreakCommit();  // 12 hex digits, or "unknown"
// "daybreakctl 0.1.0 (commit 6f77668a1b2c)": what --version prints and what a store records as
// the version that last migrated its schema.
QString versionLine(const QString &program);

} // namespace daybreak
