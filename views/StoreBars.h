#pragma once

#include <QWidget>

class QLabel;

namespace daybreak {

// The bars above everything that say what the console may not do with the open store: one while
// the store is unreachable (what is shown is frozen), one when this user may only read it (a file
// opened read-only or not writable, a SQLite file whose own promises are broken, a viewer role).
// Each says it in words, not by its colour alone.
class StoreBars : public QWidget
{
    Q_OBJECT

public:
    explicit StoreBars(QWidget *parent = nullptr);

    // `retrySeconds`: when the session tries again by itself; `message`: the store's own words.
    void showUnreachable(double retrySeconds, const QString &message);
    void hideUnreachable();
    // `reason` empty: the store may be written and the bar goes.
    void showReadOnly(const QString &user, const QString &reason);

private:
    QLabel *m_unreachable;
    QLabel *m_readOnly;
};

} // namespace daybreak
