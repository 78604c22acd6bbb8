#include "Selector.h"

#include "DependencyGraph.h"
#include "StoreTypes.h"

#include <QRegularExpression>

#include <algorithm>
#include <climits>

namespace daybreak {

namespace {

QString matchPattern(const QString &pattern)
{
    return QRegularExpression::wildcardToRegularExpression(
        pattern, QRegularExpression::UnanchoredWildcardConversion);
}

bool matches(const QString &pattern, const QString &value)
{
    if (!pattern.contains(QLatin1Char('*')))
        return pattern == value;
    const QRegularExpression re(QRegularExpression::anchoredPattern(matchPattern(pattern)));
    return re.match(value).hasMatch();
}

// Everything within `depth` steps of `from` along reads (upstream) or readers (downstream).
QSet<QString> reach(const DependencyGraph &g, const QSet<QString> &from, bool upstream, int depth)
{
    QSet<QString> seen = from;
    QList<QString> frontier(from.cbegin(), from.cend());
    for (int step = 0; step < depth && !frontier.isEmpty(); ++step) {
        QList<QString> next;
        for (const QString &id : frontier)
            for (const QString &n : upstream ? g.upstreamsOf(id) : g.downstreamsOf(id))
                if (!seen.contains(n)) {
                    seen.insert(n);
                    next.append(n);
                }
        frontier = next;
    }
    return seen;
}

class Evaluator
{
public:
    Evaluator(const StoreSnapshot &s) : m_snapshot(s), m_graph(s.inventory) {}

    // One atom: [N]+ or @, a base (id or method:value), + or +N.
    QSet<QString> atom(const QString &token, QString &error) const
    {
        static const QRegularExpression re(
            QStringLiteral("^(@)?(?:(\\d*)(\\+))?([^+@]+?)(?:(\\+)(\\d*))?$"));
        const QRegularExpressionMatch m = re.match(token);
        if (!m.hasMatch()) {
            error = QStringLiteral("'%1' is not a selector (expected id, +id, id+, 2+id, id+3, "
                                   "@id or method:value)")
                        .arg(token);
            return {};
        }
        const bool at = !m.captured(1).isEmpty();
        const bool up = !m.captured(3).isEmpty(), down = !m.captured(5).isEmpty();
        if (at && (up || down)) {
            error = QStringLiteral("'%1': @ cannot be combined with + (@ already takes the "
                                   "downstreams and what they read)")
                        .arg(token);
            return {};
        }
        const int upDepth = m.captured(2).isEmpty() ? INT_MAX : m.captured(2).toInt();
        const int downDepth = m.captured(6).isEmpty() ? INT_MAX : m.captured(6).toInt();
        QSet<QString> set = base(m.captured(4), token, error);
        if (!error.isEmpty())
            return {};
        if (at) {
            const QSet<QString> readers = reach(m_graph, set, false, INT_MAX);
            return reach(m_graph, readers, true, INT_MAX);
        }
        QSet<QString> result = set;
        if (up)
            result += reach(m_graph, set, true, upDepth);
        if (down)
            result += reach(m_graph, set, false, downDepth);
        return result;
    }

private:
    QSet<QString> base(const QString &text, const QString &token, QString &error) const
    {
        QSet<QString> set;
        const qsizetype colon = text.indexOf(QLatin1Char(':'));
        if (colon < 0) {
            for (const Pipeline &p : m_snapshot.inventory.pipelines())
                if (matches(text, p.id))
                    set.insert(p.id);
            if (set.isEmpty())
                error = QStringLiteral("'%1': no pipeline '%2'").arg(token, text);
            return set;
        }
        const QString method = text.left(colon), value = text.mid(colon + 1);
        if (value.isEmpty()) {
            error = QStringLiteral("'%1': %2: needs a value").arg(token, method);
            return {};
        }
        if (method == QLatin1String("state")) {
            const std::optional<State> state = stateFromName(value);
            if (!state) {
                error = QStringLiteral("'%1': state must be onprem, dual_run, cloud or "
                                       "decommissioned")
                            .arg(token);
                return {};
            }
            for (const Pipeline &p : m_snapshot.inventory.pipelines())
                if (m_snapshot.stateOf(p.id) == *state)
                    set.insert(p.id);
            return set;
        }
        if (method != QLatin1String("group") && method != QLatin1String("owner") &&
            method != QLatin1String("wave")) {
            error = QStringLiteral("'%1': unknown method '%2' (group, owner, state or wave)")
                        .arg(token, method);
            return {};
        }
        bool known = false;
        for (const Pipeline &p : m_snapshot.inventory.pipelines()) {
            const QString of = method == QLatin1String("group")   ? p.groupName()
                               : method == QLatin1String("owner") ? p.owner
                                                                  : m_snapshot.plan.waveOf(p.id);
            if (!of.isEmpty() && matches(value, of)) {
                set.insert(p.id);
                known = true;
            }
        }
        if (method == QLatin1String("wave"))
            for (const Wave &w : m_snapshot.plan.waves())
                known = known || matches(value, w.name);
        if (!known)
            error = QStringLiteral("'%1': no %2 '%3'").arg(token, method, value);
        return set;
    }

    const StoreSnapshot &m_snapshot;
    DependencyGraph m_graph;
};

} // namespace

Selector::Result Selector::select(const QString &expression, const StoreSnapshot &snapshot)
{
    Result result;
    // Spaces separate terms except inside double quotes: wave:"Wave 1".
    QStringList terms;
    QString term;
    bool quoted = false;
    for (const QChar c : expression) {
        if (c == QLatin1Char('"'))
            quoted = !quoted;
        else if (c.isSpace() && !quoted) {
            if (!term.isEmpty())
                terms << term;
            term.clear();
        } else
            term += c;
    }
    if (!term.isEmpty())
        terms << term;
    if (quoted) {
        result.error = QStringLiteral("a double quote is not closed");
        return result;
    }
    if (terms.isEmpty()) {
        result.error = QStringLiteral("an empty selector selects nothing");
        return result;
    }
    const Evaluator eval(snapshot);
    for (const QString &term : terms) {
        const QStringList parts = term.split(QLatin1Char(','));
        std::optional<QSet<QString>> intersection;
        for (const QString &part : parts) {
            if (part.isEmpty()) {
                result.error = QStringLiteral("'%1': an empty part around a comma").arg(term);
                result.ids.clear();
                return result;
            }
            const QSet<QString> s = eval.atom(part, result.error);
            if (!result.error.isEmpty()) {
                result.ids.clear();
                return result;
            }
            if (intersection)
                intersection->intersect(s);
            else
                intersection = s;
        }
        result.ids += *intersection;
    }
    return result;
}

StoreSnapshot Selector::restricted(const StoreSnapshot &snapshot, const QSet<QString> &ids)
{
    StoreSnapshot s = snapshot;
    QList<Pipeline> kept;
    for (Pipeline p : snapshot.inventory.pipelines()) {
        if (!ids.contains(p.id))
            continue;
        p.upstreams.erase(std::remove_if(p.upstreams.begin(), p.upstreams.end(),
                                         [&](const QString &up) { return !ids.contains(up); }),
                          p.upstreams.end());
        kept.append(p);
    }
    s.inventory.setPipelines(kept);
    for (auto it = s.routing.begin(); it != s.routing.end();)
        it = ids.contains(it.key()) ? std::next(it) : s.routing.erase(it);
    for (auto it = s.parity.begin(); it != s.parity.end();)
        it = ids.contains(it.key()) ? std::next(it) : s.parity.erase(it);
    QList<Wave> waves = snapshot.plan.waves();
    for (Wave &w : waves)
        w.members.erase(std::remove_if(w.members.begin(), w.members.end(),
                                       [&](const QString &m) { return !ids.contains(m); }),
                        w.members.end());
    s.plan = WavePlan(waves);
    return s;
}

} // namespace daybreak
