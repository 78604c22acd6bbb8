#pragma once

#include "Clock.h"

namespace daybreak {

// A clock the test drives. Lives in tests/ only: the product has no way to fake time.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(QDateTime at) : m_now(at.toUTC()) {}
    QDateTime now() const override { return m_now; }
    void set(const QDateTime &at) { m_now = at.toUTC(); }
    void advanceMinutes(int minutes) { m_now = m_now.addSecs(qint64(minutes) * 60); }

private:
    QDateTime m_now;
};

} // namespace daybreak
