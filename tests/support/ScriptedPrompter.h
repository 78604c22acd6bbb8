#pragma once

#include "ActionPrompter.h"

namespace daybreak {

// Answers the console's questions for a test and remembers what it was shown.
class ScriptedPrompter final : public ActionPrompter
{
public:
    std::optional<QString> answer = QStringLiteral("scripted reason"); // nothing: cancel
    QList<Question> questions;
    QList<QStringList> refusals;

    std::optional<QString> confirm(QWidget *, const Question &question) override
    {
        questions.append(question);
        return answer;
    }
    void showRefusal(QWidget *, const QString &, const QStringList &reasons) override
    {
        refusals.append(reasons);
    }
};

} // namespace daybreak
