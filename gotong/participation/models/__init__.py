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

__all__ = [
    "AbuseReport",
    "Aspiration",
    "AspirationAnswer",
    "AspirationCategory",
    "AspirationCounter",
    "AspirationRoute",
    "AspirationStatus",
    "Moderation",
]


def _register_audit() -> None:
    from auditlog.registry import auditlog

    # Who complained stays out of the audit trail (readers of a record's history are not all its handlers).
    auditlog.register(Aspiration, exclude_fields=["raised_for", "photo"])
    auditlog.register(AspirationAnswer)
    auditlog.register(AspirationRoute)


_register_audit()
