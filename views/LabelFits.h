#pragma once

#include <QFont>
#include <QFontMetrics>
#include <QHash>
#include <QString>

namespace daybreak {

// Whether a label fits a box of `width` pixels in `font`, fast enough to ask a hundred thousand
// times while a large graph is labelled: the width is the sum of the characters' advances
// (cached), with two pixels kept for the kerning the sum leaves out. The painter's own
// elision is the safety net for the rare label that still overflows.
class LabelFits
{
public:
    LabelFits(const QFont &font, int width) : m_metrics(font), m_width(width - 2) {}

    bool operator()(const QString &text) const
    {
        int total = 0;
        for (const QChar c : text) {
            auto it = m_advance.constFind(c);
            if (it == m_advance.cend())
                it = m_advance.insert(c, m_metrics.horizontalAdvance(c));
            total += *it;
            if (total > m_width)
                return false;
        }
        return true;
    }

private:
    QFontMetrics m_metrics;
    int m_width;
    mutable QHash<QChar, int> m_advance;
};

} // namespace daybreak
