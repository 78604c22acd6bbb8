#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace daybreak {

// Which routing changes need a second operator (the inventory's `approvals`): none; the
// cutovers, rollbacks and decommissions of high-risk pipelines; or all of them. A break-glass
// rollback stays one person's call, with its reason and the mark on its audit row.
enum class ApprovalPolicy
{
    None,
    HighRisk,
    All
};
QString approvalPolicyName(ApprovalPolicy policy); // none, high-risk, all
std::optional<ApprovalPolicy> approvalPolicyFromName(const QString &name);

// A routing change one operator asked for and another must approve (four eyes). Approving
// performs the change, every rule checked again at that moment; a request not decided by the
// end of the change window it was made for expires.
struct ChangeRequest
{
    enum class Status
    {
        Pending,
        Approved,
        Rejected
    };

    qint64 id = 0;
    QDateTime createdAt;
    QString requester;
    QString action; // cutover, rollback, decommission
    QString pipeline;
    QString reason;
    QDateTime expiresAt;
    Status status = Status::Pending;
    QString decidedBy;
    QDateTime decidedAt;
    QString decisionReason;
    QDateTime notifiedAt; // when the watch told the approvers' channels (invalid: not yet)

    bool expired(const QDateTime &now) const
    {
        return status == Status::Pending && now >= expiresAt;
    }
    // pending, approved, rejected or expired (a pending request past its window)
    QString statusText(const QDateTime &now) const;

    bool operator==(const ChangeRequest &) const = default;
};
QString requestStatusName(ChangeRequest::Status status);
std::optional<ChangeRequest::Status> requestStatusFromName(const QString &name);

} // namespace daybreak
