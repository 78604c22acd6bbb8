#include "DistinctLabels.h"

#include <QSet>

#include <algorithm>
#include <vector>

namespace daybreak::DistinctLabels {

namespace {

const QString kEllipsis = QStringLiteral("…");

bool isSeparator(QChar c)
{
    return c == QLatin1Char('.') || c == QLatin1Char('_') || c == QLatin1Char(':') ||
           c == QLatin1Char('/') || c == QLatin1Char('-');
}

// The longest text of the form head…tail that fits, with head about a third of it.
QString headAndTail(const QString &text, const std::function<bool(const QString &)> &fits)
{
    int low = 0, high = int(text.size()) - 1; // characters kept
    QString best = kEllipsis;
    while (low <= high) {
        const int kept = (low + high) / 2;
        const int head = kept / 3;
        const QString candidate = text.left(head) + kEllipsis + text.right(kept - head);
        if (fits(candidate)) {
            best = candidate;
            low = kept + 1;
        } else {
            high = kept - 1;
        }
    }
    return best;
}

qsizetype firstDifference(const QString &a, const QString &b)
{
    const qsizetype n = std::min(a.size(), b.size());
    qsizetype i = 0;
    while (i < n && a.at(i) == b.at(i))
        ++i;
    return i;
}

qsizetype commonSuffix(const QString &a, const QString &b)
{
    const qsizetype n = std::min(a.size(), b.size());
    qsizetype i = 0;
    while (i < n && a.at(a.size() - 1 - i) == b.at(b.size() - 1 - i))
        ++i;
    return i;
}

// Texts that read the same once elided: each one's part between what they all share in front
// and behind, which is where they differ, with an ellipsis for what is left out (that part
// itself elided in the middle where it does not fit).
void separate(const QStringList &ids, const QHash<QString, QString> &source, const Fits &fits,
              QHash<QString, QString> &label)
{
    QStringList texts;
    for (const QString &id : ids)
        texts << source.value(id);
    std::sort(texts.begin(), texts.end());
    const qsizetype shortest =
        std::min_element(texts.cbegin(), texts.cend(), [](const QString &a, const QString &b) {
            return a.size() < b.size();
        })->size();
    const qsizetype front =
        std::max<qsizetype>(0, firstDifference(texts.first(), texts.last()) - 2);
    qsizetype back = shortest;
    for (const QString &t : std::as_const(texts))
        back = std::min(back, commonSuffix(t, texts.first()));
    back = std::max<qsizetype>(0, std::min(back, shortest - front) - 2);
    for (const QString &id : ids) {
        const QString own = source.value(id);
        const QString middle = own.mid(front, own.size() - front - back);
        // Around it, as much of the head and the tail as still fits: the head tells apart what
        // differs in front as well (a sector, a chain), the tail says what kind of thing it is.
        const auto around = [&](qsizetype head, qsizetype tail, const QString &inner) {
            return (front > 0 ? own.left(head) + kEllipsis : QString()) + inner +
                   (back > 0 ? (tail < back ? kEllipsis : QString()) + own.right(tail) : QString());
        };
        QString best;
        // Only when the bare difference fits is there room to add context around it.
        if (fits(around(0, 0, middle), id))
            for (qsizetype head = std::min<qsizetype>(front, 8); head >= 0 && best.isEmpty();
                 --head)
                for (qsizetype tail = std::min<qsizetype>(back, 8); tail >= 0; --tail)
                    if (const QString c = around(head, tail, middle); fits(c, id)) {
                        best = c;
                        break;
                    }
        if (best.isEmpty()) {
            const qsizetype head = std::min<qsizetype>(front, 3);
            best = around(head, 0, elideMiddle(middle, [&](const QString &m) {
                              return fits(around(head, 0, m), id);
                          }));
        }
        label.insert(id, best);
    }
}

std::function<bool(const QString &)> forId(const Fits &fits, const QString &id)
{
    return [&fits, id](const QString &text) { return fits(text, id); };
}

} // namespace

QString withoutGroupPrefix(const QString &text, const QString &group)
{
    if (group.isEmpty())
        return text;
    QStringList says{group};
    const qsizetype cut =
        std::max(group.lastIndexOf(QLatin1Char('/')), group.lastIndexOf(QLatin1Char(':')));
    if (cut >= 0 && cut + 1 < group.size())
        says << group.mid(cut + 1);
    for (const QString &prefix : says)
        if (text.size() > prefix.size() + 1 && text.startsWith(prefix) &&
            isSeparator(text.at(prefix.size()))) {
            qsizetype from = prefix.size();
            while (from < text.size() - 1 && isSeparator(text.at(from)))
                ++from;
            return text.mid(from);
        }
    return text;
}

QString elideMiddle(const QString &text, const std::function<bool(const QString &)> &fits)
{
    return fits(text) ? text : headAndTail(text, fits);
}

QHash<QString, QString> compute(const QList<Item> &items,
                                const std::function<bool(const QString &)> &fits)
{
    return compute(items, [&fits](const QString &text, const QString &) { return fits(text); });
}

QHash<QString, QString> compute(const QList<Item> &items, const Fits &fits)
{
    QHash<QString, QString> source; // id: the text its label is cut from
    QHash<QString, QString> label;
    for (const Item &item : items) {
        source.insert(item.id, withoutGroupPrefix(item.id, item.group));
        label.insert(item.id, elideMiddle(source.value(item.id), forId(fits, item.id)));
    }
    // Each round tells the members of each collision apart a little further; the last one gives
    // up on the box.
    constexpr int kRounds = 5;
    for (int round = 0; round < kRounds; ++round) {
        QHash<QString, QStringList> byLabel;
        for (const Item &item : items)
            byLabel[label.value(item.id)] << item.id;
        bool collided = false;
        for (QStringList ids : std::as_const(byLabel)) {
            if (ids.size() < 2)
                continue;
            collided = true;
            // The longest prefix a text shares with any other is shared with a neighbour in
            // sorted order: no pair-by-pair comparison, however many collide.
            std::sort(ids.begin(), ids.end(), [&source](const QString &a, const QString &b) {
                return source.value(a) < source.value(b);
            });
            if (round == kRounds - 1) {
                for (const QString &id : std::as_const(ids))
                    label.insert(id, id); // the whole id: ids are unique
                continue;
            }
            std::vector<bool> sameSource(ids.size(), false);
            for (qsizetype i = 0; i + 1 < ids.size(); ++i)
                if (source.value(ids.at(i)) == source.value(ids.at(i + 1)))
                    sameSource[i] = sameSource[i + 1] = true;
            QStringList apart;
            for (qsizetype i = 0; i < ids.size(); ++i) {
                const QString &id = ids.at(i);
                if (!sameSource[i]) {
                    apart << id;
                } else if (source.value(id) != id) {
                    // The same text once the group's prefix is gone: the prefix comes back.
                    source.insert(id, id);
                    label.insert(id, elideMiddle(id, forId(fits, id)));
                }
            }
            if (apart.size() > 1)
                separate(apart, source, fits, label);
        }
        if (!collided)
            break;
    }
    return label;
}

} // namespace daybreak::DistinctLabels
