#pragma once

#include "Pipeline.h"

#include <QSortFilterProxyModel>

#include <optional>

namespace daybreak {

// Filters the pipeline table by free text (id, name, owner) and, optionally, by state.
class PipelineFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit PipelineFilterProxy(QObject *parent = nullptr);

    void setText(const QString &text);
    void setState(std::optional<State> state);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    std::optional<State> m_state;
};

} // namespace daybreak
