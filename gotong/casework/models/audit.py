"""Audit registration. Health details and ratings notes are masked: the audit trail is shown beyond the team."""


def _mask_all(value) -> str:
    return "****" if value else ""


def register_audit() -> None:
    from auditlog.registry import auditlog

    from gotong.casework.models import (
        Assistance,
        Case,
        NeedRating,
        NeedsAssessment,
        Referral,
        SingleVisit,
        Visit,
        VisitPlan,
    )

    masker = "gotong.casework.models.audit._mask_all"
    auditlog.register(Case, mask_fields=["health_condition"], mask_callable=masker, m2m_fields={"team"})
    auditlog.register(NeedsAssessment)
    auditlog.register(NeedRating, mask_fields=["note", "rating"], mask_callable=masker)
    auditlog.register(VisitPlan)
    auditlog.register(SingleVisit)
    auditlog.register(Visit, mask_fields=["condition", "adherence", "issues"], mask_callable=masker)
    auditlog.register(Assistance)
    auditlog.register(Referral)
