#pragma once

#include <QString>
#include <QStringList>

#include <optional>

class QWidget;

namespace daybreak {

// How the console asks before a high-risk action and shows a refusal. The GUI uses dialogs;
// tests hand in a prompter that answers for the user.
class ActionPrompter
{
public:
    struct Question
    {
        QString title;
        QString text;
        QStringList warnings;
        bool reasonRequired = false;
        bool dangerous = false; // break-glass: shown in red
    };

    virtual ~ActionPrompter() = default;
    // The reason typed (may be empty when not required), or nothing when cancelled.
    virtual std::optional<QString> confirm(QWidget *parent, const Question &question) = 0;
    virtual void showRefusal(QWidget *parent, const QString &title, const QStringList &reasons) = 0;
};

class DialogPrompter final : public ActionPrompter
{
public:
    std::optional<QString> confirm(QWidget *parent, const Question &question) override;
    void showRefusal(QWidget *parent, const QString &title, const QStringList &reasons) override;
};

} // namespace daybreak
