#include "WaveDialogs.h"

#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace daybreak {

namespace WaveDialogs {

namespace {
// The fields both dialogs share: a wave date and the limits of a wave.
struct WaveFields
{
    QDateEdit *date;
    QSpinBox *capacity;
    QSpinBox *maxHighRisk;
};

WaveFields waveFields(QDialog *dialog, const QDate &date)
{
    WaveFields f{new QDateEdit(date, dialog), new QSpinBox(dialog), new QSpinBox(dialog)};
    f.date->setCalendarPopup(true);
    f.date->setDisplayFormat(QStringLiteral("ddd yyyy-MM-dd"));
    f.capacity->setRange(1, 200);
    f.capacity->setValue(kDefaultWaveCapacity);
    f.maxHighRisk->setRange(0, 200);
    f.maxHighRisk->setValue(kDefaultWaveMaxHighRisk);
    return f;
}
} // namespace

std::optional<NewWave> askNewWave(QWidget *parent, const QDate &suggested)
{
    QDialog dialog(parent);
    dialog.setWindowTitle(QObject::tr("Add wave"));
    auto *form = new QFormLayout(&dialog);
    const WaveFields fields = waveFields(&dialog, suggested);
    QDateEdit *date = fields.date;
    QSpinBox *capacity = fields.capacity;
    QSpinBox *high = fields.maxHighRisk;
    auto *name = new QLineEdit(&dialog);
    name->setPlaceholderText(QObject::tr("wave-YYYY-MM-DD"));
    form->addRow(QObject::tr("Date"), date);
    form->addRow(QObject::tr("Name"), name);
    form->addRow(QObject::tr("Capacity"), capacity);
    form->addRow(QObject::tr("Most high-risk"), high);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return NewWave{name->text().trimmed(), date->date(), capacity->value(), high->value()};
}

std::optional<WavePlanner::Options>
askAutoPlan(QWidget *parent, const QDate &from,
            const std::function<QString(const WavePlanner::Options &)> &preview)
{
    QDialog dialog(parent);
    dialog.setWindowTitle(QObject::tr("Auto-plan the backlog"));
    dialog.resize(640, 560);
    auto *layout = new QVBoxLayout(&dialog);
    auto *form = new QFormLayout;
    const WaveFields fields = waveFields(&dialog, from);
    QDateEdit *date = fields.date;
    QSpinBox *capacity = fields.capacity;
    QSpinBox *high = fields.maxHighRisk;
    form->addRow(QObject::tr("Plan from"), date);
    form->addRow(QObject::tr("Capacity of new waves"), capacity);
    form->addRow(QObject::tr("Most high-risk per new wave"), high);
    layout->addLayout(form);
    auto *text = new QTextBrowser(&dialog);
    text->setObjectName(QStringLiteral("autoPlanPreview"));
    layout->addWidget(text, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, &dialog);
    QPushButton *apply =
        buttons->addButton(QObject::tr("Apply plan"), QDialogButtonBox::AcceptRole);
    layout->addWidget(buttons);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto options = [&] {
        return WavePlanner::Options{date->date(), capacity->value(), high->value()};
    };
    auto refresh = [&] { text->setHtml(preview(options())); };
    QObject::connect(date, &QDateEdit::dateChanged, &dialog, refresh);
    QObject::connect(capacity, &QSpinBox::valueChanged, &dialog, refresh);
    QObject::connect(high, &QSpinBox::valueChanged, &dialog, refresh);
    refresh();
    apply->setDefault(true);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return options();
}

} // namespace WaveDialogs

} // namespace daybreak
