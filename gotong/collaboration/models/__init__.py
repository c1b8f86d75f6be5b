"""Collaboration models, split by topic; everything is importable from `gotong.collaboration.models`."""

from gotong.collaboration.models.agreements import (
    Agreement,
    AgreementKind,
    AgreementParty,
    BudgetSource,
    Commitment,
    CommitmentStatus,
    PlaceScopedQuerySet,
    Project,
    ProjectBudget,
    ProjectKind,
    ProjectStatus,
)
from gotong.collaboration.models.evidence import (
    CommitmentEvidence,
    DataSharing,
    LegalBasis,
    PhotoStage,
    ProjectPhoto,
)
from gotong.collaboration.models.forums import Decision, Forum, ForumKind, ForumMember, Meeting, Participant
from gotong.collaboration.models.reciprocity import (
    PERSON_COUNTED_KINDS,
    Partnership,
    Reciprocity,
    ReciprocityKind,
)
from gotong.collaboration.models.targets import (
    ActionPlan,
    Activity,
    ActivityProject,
    ActivityStatus,
    ActivityUpdate,
    Indicator,
    Target,
)

__all__ = [
    "Activity",
    "ActivityProject",
    "ActivityStatus",
    "ActivityUpdate",
    "ActionPlan",
    "Agreement",
    "AgreementKind",
    "AgreementParty",
    "BudgetSource",
    "Commitment",
    "CommitmentStatus",
    "DataSharing",
    "Decision",
    "Forum",
    "ForumKind",
    "ForumMember",
    "Indicator",
    "LegalBasis",
    "Meeting",
    "Participant",
    "Partnership",
    "PERSON_COUNTED_KINDS",
    "Reciprocity",
    "ReciprocityKind",
    "PhotoStage",
    "PlaceScopedQuerySet",
    "Project",
    "ProjectBudget",
    "ProjectKind",
    "ProjectPhoto",
    "CommitmentEvidence",
    "ProjectStatus",
    "Target",
]


def _register_audit() -> None:
    from auditlog.registry import auditlog

    auditlog.register(Agreement, m2m_fields={"parties"})
    auditlog.register(Commitment)
    auditlog.register(Project)
    auditlog.register(ProjectBudget)
    auditlog.register(Forum, m2m_fields={"members"})
    auditlog.register(Meeting)
    # A participant may be a registry person: log who, never their personal details.
    auditlog.register(Participant, exclude_fields=["person"])
    auditlog.register(Decision)
    auditlog.register(Target)
    auditlog.register(ActionPlan)
    auditlog.register(Activity, m2m_fields={"projects"})
    auditlog.register(ActivityUpdate)
    auditlog.register(ProjectPhoto)
    auditlog.register(CommitmentEvidence)
    auditlog.register(DataSharing)
    auditlog.register(Partnership)
    auditlog.register(Reciprocity)


_register_audit()
