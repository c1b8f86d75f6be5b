from gotong.participation.models.aspiration import Aspiration, AspirationCategory, AspirationStatus
from gotong.participation.models.planning import (
    PlanningRound,
    Proposal,
    ProposalSource,
    ProposalStatus,
    RoundKind,
    Support,
)

__all__ = [
    "Aspiration",
    "AspirationCategory",
    "AspirationStatus",
    "PlanningRound",
    "Proposal",
    "ProposalSource",
    "ProposalStatus",
    "RoundKind",
    "Support",
]


def _register_planning_audit() -> None:
    from auditlog.registry import auditlog

    auditlog.register(PlanningRound)
    auditlog.register(Proposal)
    # Supports are not audited: the log is shown on records' pages and a vote is secret (counts only).


_register_planning_audit()
