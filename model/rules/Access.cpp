#include "Access.h"

#include <QStringList>

#include <algorithm>

#include <pwd.h>
#include <unistd.h>

namespace daybreak {

QString roleName(Role role)
{
    switch (role) {
    case Role::Viewer:
        return QStringLiteral("viewer");
    case Role::Planner:
        return QStringLiteral("planner");
    case Role::Operator:
        return QStringLiteral("operator");
    case Role::Approver:
        return QStringLiteral("approver");
    case Role::Owner:
        return QStringLiteral("owner");
    }
    return {};
}

QString databaseRoleName(Role role)
{
    return QStringLiteral("daybreak_") + roleName(role);
}

bool Access::can(Role needed) const
{
    if (roles.contains(Role::Owner))
        return true;
    if (needed == Role::Viewer)
        return !roles.isEmpty();
    return roles.contains(needed);
}

QString Access::describe() const
{
    if (roles.contains(Role::Owner))
        return QStringLiteral("%1 (owner)").arg(user); // every role: no need to list them
    QStringList names;
    for (Role r : {Role::Approver, Role::Operator, Role::Planner, Role::Viewer})
        if (roles.contains(r))
            names.append(roleName(r));
    return QStringLiteral("%1 (%2)").arg(user, names.isEmpty() ? QStringLiteral("no Daybreak role")
                                                               : names.join(QStringLiteral(", ")));
}

Access Access::everything(const QString &user)
{
    return {user, {Role::Owner, Role::Approver, Role::Operator, Role::Planner, Role::Viewer}, {}};
}

Access Access::viewerOnly(const QString &user, const QString &because)
{
    return {user, {Role::Viewer}, because};
}

QString roleRefusal(const Access &access, Role needed, const QString &action)
{
    if (!access.viewerBecause.isEmpty())
        return QStringLiteral("%1 needs the %2 role; %3 may only read this store: %4")
            .arg(action, roleName(needed), access.user, access.viewerBecause);
    return QStringLiteral("%1 needs the %2 role (database role %3); %4 does not hold it")
        .arg(action, roleName(needed), databaseRoleName(needed), access.describe());
}

Decision roleDecision(const Access &access, Role needed, const QString &action)
{
    Decision d;
    if (!access.can(needed))
        d.refuse(Reason::Code::RoleMissing, roleRefusal(access, needed, action));
    return d;
}

QString currentOsUser()
{
    // The kernel's word only: $USER is whatever the caller set (tst_cli guards it). A uid without a
    // passwd entry (common in containers) is named by its number.
    if (const passwd *pw = getpwuid(geteuid()); pw && pw->pw_name)
        return QString::fromLocal8Bit(pw->pw_name);
    return QStringLiteral("uid:%1").arg(qulonglong(geteuid()));
}

} // namespace daybreak
