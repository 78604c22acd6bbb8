#include "PipelineFields.h"

#include <algorithm>
#include <cmath>

#include <QRegularExpression>

namespace daybreak {

bool isValidPipelineId(const QString &id)
{
    static const QRegularExpression slug(QStringLiteral("^[a-z0-9_.-]+$"));
    return slug.match(id).hasMatch();
}

namespace {
std::optional<QTime> parseClock(const QString &text)
{
    static const QRegularExpression hhmm(QStringLiteral("^([01][0-9]|2[0-3]):([0-5][0-9])$"));
    const auto m = hhmm.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    return QTime(m.captured(1).toInt(), m.captured(2).toInt());
}
} // namespace

void PipelineFields::setId(const QString &text)
{
    m_p.id = text.trimmed();
    if (m_p.id.isEmpty())
        error(QStringLiteral("id"), QStringLiteral("missing"));
    else if (m_p.id.size() > kMaxIdLength) // a 1 MB id was taken (tst_inventoryreader guards it)
        error(
            QStringLiteral("id"),
            QStringLiteral("%1 characters long; at most %2").arg(m_p.id.size()).arg(kMaxIdLength));
    else if (!isValidPipelineId(m_p.id))
        error(
            QStringLiteral("id"),
            QStringLiteral("'%1' is not a valid id (use lower-case letters, digits, '_', '.', '-')")
                .arg(m_p.id));
}

void PipelineFields::setName(const QString &text)
{
    m_p.name = text.trimmed();
    if (m_p.name.isEmpty())
        error(QStringLiteral("name"), QStringLiteral("missing"));
    else if (m_p.name.size() > kMaxNameLength)
        error(QStringLiteral("name"), QStringLiteral("%1 characters long; at most %2")
                                          .arg(m_p.name.size())
                                          .arg(kMaxNameLength));
}

void PipelineFields::setOwner(const QString &text)
{
    m_p.owner = text.trimmed();
    if (m_p.owner.isEmpty())
        m_report(Problem::Severity::Warning, QStringLiteral("owner"),
                 QStringLiteral("missing: nobody will be paged"));
}

void PipelineFields::setGroup(const QString &text)
{
    m_p.group = text.trimmed();
    const bool printable = std::none_of(m_p.group.cbegin(), m_p.group.cend(), [](QChar c) {
        return c.category() == QChar::Other_Control;
    });
    if (m_p.group.size() > 200 || !printable) {
        error(QStringLiteral("group"), QStringLiteral("must be at most 200 printable characters"));
        m_p.group.clear();
    }
}

void PipelineFields::setSchedule(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty()) {
        error(QStringLiteral("schedule"), QStringLiteral("missing (use HH:MM or after_upstreams)"));
    } else if (t == QLatin1String("after_upstreams")) {
        m_p.schedule.reset();
    } else if (auto time = parseClock(t)) {
        m_p.schedule = time;
    } else {
        error(QStringLiteral("schedule"),
              QStringLiteral("bad time '%1' (use HH:MM, 00:00-23:59, or after_upstreams)").arg(t));
    }
}

void PipelineFields::setSla(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return;
    if (auto time = parseClock(t))
        m_p.sla = time;
    else
        error(QStringLiteral("sla"),
              QStringLiteral("bad time '%1' (use HH:MM, 00:00-23:59)").arg(t));
}

void PipelineFields::setDuration(const QString &field, bool present, bool ok, double number,
                                 int &out)
{
    if (!present) {
        error(field, QStringLiteral("missing"));
    } else if (!ok || !std::isfinite(number)) {
        error(field, QStringLiteral("not a number of minutes"));
    } else if (number < 0) {
        error(field, QStringLiteral("negative duration %1").arg(number));
    } else if (number < 0.5) { // rounds to zero minutes
        error(field, QStringLiteral("duration must be at least one minute"));
    } else if (number > kMaxMinutes) {
        error(field, QStringLiteral("%1 minutes is more than a nightly run can take (at most %2)")
                         .arg(number)
                         .arg(kMaxMinutes));
    } else {
        out = int(number + 0.5);
    }
}

void PipelineFields::setOptionalDuration(const QString &field, bool ok, double number,
                                         std::optional<int> &out)
{
    int value = 0;
    setDuration(field, true, ok, number, value);
    if (value > 0)
        out = value;
}

void PipelineFields::setRisk(const QString &text)
{
    if (auto r = riskFromName(text.trimmed()))
        m_p.risk = *r;
    else if (text.trimmed().isEmpty())
        error(QStringLiteral("risk"), QStringLiteral("missing (low, medium or high)"));
    else
        error(QStringLiteral("risk"),
              QStringLiteral("unknown value '%1' (low, medium or high)").arg(text));
}

void PipelineFields::setTarget(const QString &text)
{
    if (auto s = sideFromName(text.trimmed()))
        m_p.target = *s;
    else if (text.trimmed().isEmpty())
        error(QStringLiteral("target"), QStringLiteral("missing (cloud or onprem)"));
    else
        error(QStringLiteral("target"),
              QStringLiteral("unknown value '%1' (cloud or onprem)").arg(text));
}

void PipelineFields::setState(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return;
    if (auto s = stateFromName(t))
        m_p.initialState = *s;
    else
        error(QStringLiteral("state"),
              QStringLiteral("unknown value '%1' (onprem, dual_run, cloud or decommissioned)")
                  .arg(t));
}

void PipelineFields::setTolerance(bool ok, double number)
{
    if (!ok || !(number >= 0 && number <= 1)) // NaN fails both comparisons
        error(QStringLiteral("parity_tolerance"),
              QStringLiteral("must be a number between 0 and 1"));
    else
        m_p.parityTolerance = number;
}

void PipelineFields::setUpstreams(const QStringList &ids)
{
    for (const QString &raw : ids) {
        const QString id = raw.trimmed();
        if (id.isEmpty())
            continue;
        if (m_p.upstreams.contains(id))
            m_report(Problem::Severity::Warning, QStringLiteral("upstreams"),
                     QStringLiteral("'%1' listed twice").arg(id));
        else
            m_p.upstreams.append(id);
    }
}

void PipelineFields::finish()
{
    if (!m_p.schedule && m_p.upstreams.isEmpty() && !m_p.id.isEmpty())
        error(QStringLiteral("schedule"),
              QStringLiteral("after_upstreams but it has no upstreams"));
    if (m_p.onpremP95Minutes && *m_p.onpremP95Minutes < m_p.onpremMinutes)
        error(QStringLiteral("duration_p95_minutes.onprem"),
              QStringLiteral("p95 is shorter than p50"));
    if (m_p.cloudP95Minutes && *m_p.cloudP95Minutes < m_p.cloudMinutes)
        error(QStringLiteral("duration_p95_minutes.cloud"),
              QStringLiteral("p95 is shorter than p50"));
    if (m_p.staysOnPrem() && m_p.initialState != State::OnPrem)
        error(QStringLiteral("state"),
              QStringLiteral("'%1' but its target is onprem").arg(stateName(m_p.initialState)));
}

} // namespace daybreak
