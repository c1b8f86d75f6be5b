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
