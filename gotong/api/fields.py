"""Small serializer helpers shared by the modules' `api.py` files."""

from rest_framework import serializers


def public_ref(**kwargs) -> serializers.SlugRelatedField:
    """A link to a record about people by its UUID, never its database id."""
    kwargs.setdefault("allow_null", True)
    return serializers.SlugRelatedField(slug_field="public_id", read_only=True, **kwargs)


def viewing_detail(serializer) -> bool:
    """True on a detail request (one record opened), where the pages also show more than in lists."""
    view = serializer.context.get("view")
    return getattr(view, "action", None) == "retrieve"


def viewer(serializer):
    request = serializer.context.get("request")
    return getattr(request, "user", None)
