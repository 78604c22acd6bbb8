#include "ElidedLabel.h"

#include <algorithm>

namespace daybreak {

void ElidedLabel::setFullText(const QString &text)
{
    m_full = text;
    setToolTip(text);
    elide();
}

void ElidedLabel::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    elide();
}

void ElidedLabel::elide()
{
    const int room = contentsRect().width() - 2 * margin() - 4;
    const QString shown = fontMetrics().elidedText(m_full, Qt::ElideMiddle, std::max(room, 0));
    if (shown != text())
        QLabel::setText(shown);
}

} // namespace daybreak
