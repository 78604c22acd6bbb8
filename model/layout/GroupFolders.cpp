#include "GroupFolders.h"

#include "Inventory.h"

#include <queue>

namespace daybreak {

namespace {
bool isSeparator(QChar c)
{
    return c == QLatin1Char(':') || c == QLatin1Char('/') || c == QLatin1Char('.');
}

// The name and every folder above it, outermost first.
QStringList pathOf(const QString &group)
{
    QStringList path;
    for (qsizetype i = 1; i < group.size(); ++i)
        if (isSeparator(group.at(i)) && !isSeparator(group.at(i - 1)))
            path << group.left(i);
    path << group;
    return path;
}
} // namespace

QString GroupFolders::parentOf(const QString &group)
{
    const QStringList path = pathOf(group);
    return path.size() > 1 ? path.at(path.size() - 2) : QString();
}

bool GroupFolders::within(const QString &group, const QString &folder)
{
    return group == folder || (group.size() > folder.size() && group.startsWith(folder) &&
                               isSeparator(group.at(folder.size())) && !folder.isEmpty());
}

QString GroupFolders::foldedAs(const QString &group, const QSet<QString> &folded)
{
    if (folded.isEmpty())
        return {};
    for (const QString &name : pathOf(group))
        if (folded.contains(name))
            return name;
    return {};
}

GroupFolders::GroupFolders(const Inventory &inventory)
{
    QSet<QString> seenRoot;
    QHash<QString, QSet<QString>> seenChild;
    for (const Pipeline &p : inventory.pipelines()) {
        const QString g = p.groupName();
        m_groups.insert(g);
        const QStringList path = pathOf(g);
        for (const QString &name : path)
            ++m_size[name];
        if (!seenRoot.contains(path.first())) {
            seenRoot.insert(path.first());
            m_roots << path.first();
        }
        for (qsizetype i = 1; i < path.size(); ++i)
            if (!seenChild[path.at(i - 1)].contains(path.at(i))) {
                seenChild[path.at(i - 1)].insert(path.at(i));
                m_children[path.at(i - 1)] << path.at(i);
            }
    }
}

QStringList GroupFolders::childrenOf(const QString &folder) const
{
    QStringList children = m_children.value(folder);
    if (m_groups.contains(folder) && !children.isEmpty())
        children.prepend(folder); // its own members, as a group of their own
    return children;
}

QSet<QString> GroupFolders::overview(int maxBoxes) const
{
    // Boxes drawn: every name of the cut. Opening a folder replaces its box with its children's.
    QSet<QString> folded;
    int boxes = int(m_roots.size());
    using Entry = std::pair<int, QString>; // (pipelines below, folder), largest first
    std::priority_queue<Entry> queue;
    for (const QString &root : m_roots)
        if (isFolder(root)) {
            folded.insert(root);
            queue.push({m_size.value(root), root});
        }
    while (!queue.empty()) {
        const QString folder = queue.top().second;
        queue.pop();
        const QStringList children = childrenOf(folder);
        if (boxes - 1 + children.size() > maxBoxes)
            continue; // stays folded
        folded.remove(folder);
        boxes += int(children.size()) - 1;
        for (const QString &child : children)
            if (child != folder && isFolder(child)) {
                folded.insert(child);
                queue.push({m_size.value(child), child});
            }
    }
    return folded;
}

} // namespace daybreak
