#include "ActionPrompter.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace daybreak {

std::optional<QString> DialogPrompter::confirm(QWidget *parent, const Question &q)
{
    QDialog dialog(parent);
    dialog.setWindowTitle(q.title);
    auto *layout = new QVBoxLayout(&dialog);
    auto *text = new QLabel(q.text, &dialog);
    text->setWordWrap(true);
    if (q.dangerous)
        text->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold;"));
    layout->addWidget(text);
    for (const QString &w : q.warnings) {
        auto *label = new QLabel(QStringLiteral("⚠ ") + w, &dialog);
        label->setWordWrap(true);
        layout->addWidget(label);
    }
    auto *reason = new QLineEdit(&dialog);
    reason->setPlaceholderText(q.reasonRequired
                                   ? QObject::tr("Reason (required, goes to the audit log)")
                                   : QObject::tr("Reason (optional, goes to the audit log)"));
    layout->addWidget(reason);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(q.title);
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    layout->addWidget(buttons);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (q.reasonRequired) {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
        QObject::connect(reason, &QLineEdit::textChanged, &dialog, [buttons](const QString &t) {
            buttons->button(QDialogButtonBox::Ok)->setEnabled(!t.trimmed().isEmpty());
        });
    }
    dialog.resize(520, dialog.sizeHint().height());
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return reason->text().trimmed();
}

void DialogPrompter::showRefusal(QWidget *parent, const QString &title, const QStringList &reasons)
{
    QStringList items;
    for (const QString &r : reasons)
        items << QStringLiteral("<li>%1</li>").arg(r.toHtmlEscaped());
    QMessageBox box(QMessageBox::Warning, title,
                    QObject::tr("<b>%1</b><ul>%2</ul>").arg(title, items.join(QString())),
                    QMessageBox::Ok, parent);
    box.setTextFormat(Qt::RichText);
    box.exec();
}

} // namespace daybreak
