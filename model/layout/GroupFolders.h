#pragma once

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

namespace daybreak {

class Inventory;

// Group names read as paths: "daily_spellbook:_sector/bridges" lies in the folder
// "daily_spellbook:_sector", which lies in "daily_spellbook" (':', '/' and '.' separate). On a
// platform of thousands of groups even collapse-all is a wall of boxes; folding whole folders
// into one box each gives an overview that reads, and unfolding one goes a level down.
class GroupFolders
{
public:
    explicit GroupFolders(const Inventory &inventory);

    // The boxes an overview aims at: what a window shows with every label readable.
    static constexpr int kOverviewBoxes = 80;
    // Above this many groups, collapsing them is not overview enough: fold their folders.
    static constexpr int kFoldAbove = 600;

    // The folder a group lies in directly, or empty at the top.
    static QString parentOf(const QString &group);
    // Whether `group` is `folder` or lies somewhere inside it.
    static bool within(const QString &group, const QString &folder);
    // The outermost of `folded` that holds `group`, or empty.
    static QString foldedAs(const QString &group, const QSet<QString> &folded);

    // Folders: names that hold at least one other group below them.
    bool isFolder(const QString &name) const { return m_children.contains(name); }
    // What lies directly inside `folder`: its sub-folders and groups (a folder that is also a
    // group's own name is listed among them as itself).
    QStringList childrenOf(const QString &folder) const;
    // The folders to fold so the overview draws at most `maxBoxes` boxes: starting from the
    // top-level names, the largest folder opens one level while the total stays within it.
    QSet<QString> overview(int maxBoxes) const;
    int groupCount() const { return int(m_groups.size()); }

private:
    QSet<QString> m_groups;                 // every group a pipeline names
    QHash<QString, int> m_size;             // pipelines at or below each name
    QHash<QString, QStringList> m_children; // direct children of each folder
    QStringList m_roots;
};

} // namespace daybreak
