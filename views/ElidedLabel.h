#pragma once

#include <QLabel>

namespace daybreak {

// A label that, when it has less room than its text needs, elides the text in the middle
// ("Store: /srv/dayb…/plan.sqlite · ana (operator)") instead of cutting its end off; the whole
// text is its tool tip.
class ElidedLabel : public QLabel
{
    Q_OBJECT

public:
    using QLabel::QLabel;

    void setFullText(const QString &text);
    const QString &fullText() const { return m_full; }

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void elide();

    QString m_full;
};

} // namespace daybreak
