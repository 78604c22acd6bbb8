#pragma once

#include <QHash>
#include <QList>
#include <QString>

#include <functional>

namespace daybreak {

// The labels the graph shows at once, each one telling its pipeline or group apart.
//
// - Inside a group, the prefix the group's name already says is dropped ("bqetl_search.
//   search_clients_daily" in group bqetl_search reads "search_clients_daily").
// - What does not fit is elided in the middle, keeping the distinctive head and tail
//   ("web_cl…stream_extract"), never from the front.
// - No two labels read the same: where two would, each shows the part that separates them
//   (its prefix back, or the window around its first difference), else its whole id.
//
// `fits` says whether a text fits the box of the pipeline or group `id` (the view measures it with
// its font).
namespace DistinctLabels {

using Fits = std::function<bool(const QString &text, const QString &id)>;

struct Item
{
    QString id;
    QString group; // the open group it is drawn in; empty outside any group
};

QHash<QString, QString> compute(const QList<Item> &items, const Fits &fits);
// Every box the same width.
QHash<QString, QString> compute(const QList<Item> &items,
                                const std::function<bool(const QString &)> &fits);

// `text` without the part of it that `group` already says: the group's name, or its last
// folder ("pkg:marts/finance" says "finance"), followed by a separator (. _ : / -).
QString withoutGroupPrefix(const QString &text, const QString &group);

// `text` elided in the middle to fit: a third of what fits from its head, the rest from its
// tail.
QString elideMiddle(const QString &text, const std::function<bool(const QString &)> &fits);

} // namespace DistinctLabels

} // namespace daybreak
