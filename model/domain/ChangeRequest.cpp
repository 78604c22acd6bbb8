#include "ChangeRequest.h"

namespace daybreak {

QString approvalPolicyName(ApprovalPolicy policy)
{
    switch (policy) {
    case ApprovalPolicy::None:
        return QStringLiteral("none");
    case ApprovalPolicy::HighRisk:
        return QStringLiteral("high-risk");
    case ApprovalPolicy::All:
        return QStringLiteral("all");
    }
    return {};
}

std::optional<ApprovalPolicy> approvalPolicyFromName(const QString &name)
{
    for (ApprovalPolicy p : {ApprovalPolicy::None, ApprovalPolicy::HighRisk, ApprovalPolicy::All})
        if (approvalPolicyName(p) == name)
            return p;
    return std::nullopt;
}

QString requestStatusName(ChangeRequest::Status status)
{
    switch (status) {
    case ChangeRequest::Status::Pending:
        return QStringLiteral("pending");
    case ChangeRequest::Status::Approved:
        return QStringLiteral("approved");
    case ChangeRequest::Status::Rejected:
        return QStringLiteral("rejected");
    }
    return {};
}

std::optional<ChangeRequest::Status> requestStatusFromName(const QString &name)
{
    for (ChangeRequest::Status s : {ChangeRequest::Status::Pending, ChangeRequest::Status::Approved,
                                    ChangeRequest::Status::Rejected})
        if (requestStatusName(s) == name)
            return s;
    return std::nullopt;
}

QString ChangeRequest::statusText(const QDateTime &now) const
{
    return expired(now) ? QStringLiteral("expired") : requestStatusName(status);
}

} // namespace daybreak
