#pragma once

#include "Decision.h"

#include <QSet>
#include <QString>

namespace daybreak {

// Who may do what to a store. On PostgreSQL the roles are database roles (daybreak_viewer,
// daybreak_planner, daybreak_operator, daybreak_approver) granted by the server; on SQLite a file
// opened read-only is a viewer and a writable file gives its user every role.
enum class Role
{
    Viewer,   // reads everything: the war room
    Planner,  // edits waves
    Operator, // routing changes, parity results and resolutions, run events, alert acknowledgements
    Approver, // approves another operator's change request (four eyes); held beside Operator
    Owner,    // imports the inventory, creates the schema and the roles
};

QString roleName(Role role);
QString databaseRoleName(Role role); // daybreak_viewer, ...

struct Access
{
    QString user;     // the database user (PostgreSQL) or the operating-system user (SQLite)
    QSet<Role> roles; // what the user holds; Owner implies every other role
    // Set when the store, not a database role, makes the user a viewer (a SQLite file this user
    // cannot write, or opened read-only): the reason, told in every refusal.
    QString viewerBecause;

    bool can(Role needed) const;
    QString describe() const; // "alice (planner, viewer)"

    static Access everything(const QString &user);
    static Access viewerOnly(const QString &user, const QString &because);
};

// The one place roles are checked: refused (Reason::Code::RoleMissing) naming the role `action`
// needs when `access` does not hold it.
Decision roleDecision(const Access &access, Role needed, const QString &action);
QString roleRefusal(const Access &access, Role needed, const QString &action);

// The operating-system user: the actor of every audit row, and the user of a SQLite store.
QString currentOsUser();

} // namespace daybreak
