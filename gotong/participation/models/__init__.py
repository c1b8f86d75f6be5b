from gotong.participation.models.aspiration import Aspiration, AspirationCategory, AspirationStatus

__all__ = ["Aspiration", "AspirationCategory", "AspirationStatus"]
