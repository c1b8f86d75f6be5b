from gotong.casework.models.cases import Case, CaseQuerySet, CaseTeamMember, CloseReason, Program
from gotong.casework.models.tallies import OverdueTally
from gotong.casework.models.work import (
    Adherence,
    Assistance,
    AssistanceKind,
    AssistanceSource,
    Frequency,
    NeedDomain,
    NeedRating,
    NeedsAssessment,
    Rating,
    Referral,
    ReferralStatus,
    ServiceKind,
    SingleVisit,
    Visit,
    VisitPlan,
)

__all__ = [
    "Adherence",
    "Assistance",
    "AssistanceKind",
    "AssistanceSource",
    "Case",
    "CaseQuerySet",
    "CaseTeamMember",
    "CloseReason",
    "Frequency",
    "NeedDomain",
    "NeedRating",
    "NeedsAssessment",
    "OverdueTally",
    "Program",
    "Rating",
    "Referral",
    "ReferralStatus",
    "ServiceKind",
    "SingleVisit",
    "Visit",
    "VisitPlan",
]

from gotong.casework.models.audit import register_audit  # noqa: E402

register_audit()
