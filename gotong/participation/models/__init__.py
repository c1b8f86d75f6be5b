from gotong.participation.models.aspiration import (
    AbuseReport,
    Aspiration,
    AspirationAnswer,
    AspirationCategory,
    AspirationCounter,
    AspirationRoute,
    AspirationStatus,
    Moderation,
)
from gotong.participation.models.planning import (
    PlanningRound,
    Proposal,
    ProposalSource,
    ProposalStatus,
    RoundKind,
    Support,
)

__all__ = [
    "AbuseReport",
    "Aspiration",
    "AspirationAnswer",
    "AspirationCategory",
    "AspirationCounter",
    "AspirationRoute",
    "AspirationStatus",
    "Moderation",
    "PlanningRound",
    "Proposal",
    "ProposalSource",
    "ProposalStatus",
    "RoundKind",
    "Support",
]


def _register_audit() -> None:
    from auditlog.registry import auditlog

    # Who complained stays out of the audit trail (readers of a record's history are not all its handlers).
    auditlog.register(Aspiration, exclude_fields=["raised_for", "photo"])
    auditlog.register(AspirationAnswer)
    auditlog.register(AspirationRoute)
    auditlog.register(PlanningRound)
    auditlog.register(Proposal)
    # Supports are not audited: the log is shown on records' pages and a vote is secret (counts only).


_register_audit()
