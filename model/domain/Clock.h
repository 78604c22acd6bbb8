#pragma once

#include <QDateTime>

namespace daybreak {

// The one way time enters Daybreak. The product uses SystemClock; tests hand in a clock they drive.
// There is deliberately no switch (flag, variable, setting) that makes the product read a fake
// time.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0; // UTC
};

class SystemClock final : public Clock
{
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};

// One reading of the clock, carried to work that runs elsewhere (the console's store thread): the
// work sees the moment it was asked for, read from the real clock by the one who asked.
class ClockReading final : public Clock
{
public:
    explicit ClockReading(QDateTime at) : m_at(std::move(at)) {}
    QDateTime now() const override { return m_at; }

private:
    QDateTime m_at;
};

} // namespace daybreak
