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

} // namespace daybreak
