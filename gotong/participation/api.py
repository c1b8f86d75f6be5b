"""Participation API. Aspirations (`/api/v1/aspirasi/`): the same rows the aspiration pages show the user, read-only.

The complainant's name goes only to those who may see it on the page (`may_see_complainant`): handlers, the
complainant, and whoever recorded it for them; public texts held for review are not in readers' lists at all.
"""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from gotong.api.viewsets import ScopedReadOnlyViewSet
from gotong.core.policy.routes import Rule
from gotong.participation.api_planning import ProposalViewSet
from gotong.participation.models import Aspiration, AspirationAnswer
from gotong.participation.services.aspirations import may_see_complainant


class AnswerSerializer(serializers.ModelSerializer):
    class Meta:
        model = AspirationAnswer
        fields = ["answered_on", "text", "status"]


class AspirationSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    answers = AnswerSerializer(many=True, read_only=True)
    complainant = serializers.SerializerMethodField()

    class Meta:
        model = Aspiration
        fields = [
            "id",
            "number",
            "category",
            "status",
            "area_code",
            "text",
            "is_public",
            "deadline",
            "first_answered_on",
            "complainant",
            "answers",
            "created_at",
            "updated_at",
        ]

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_complainant(self, aspiration) -> str | None:
        """The resident's name, only for handlers and the complainant; null otherwise (or when none was named)."""
        user = self.context["request"].user
        if aspiration.raised_for_id is None or not may_see_complainant(user, aspiration):
            return None
        return aspiration.raised_for.name


class AspirationViewSet(ScopedReadOnlyViewSet):
    """Aspirations and complaints in the user's scope; `dari`/`sampai` filter by the deadline."""

    access_rule = Rule(get="participation.view")
    serializer_class = AspirationSerializer
    date_field = "deadline"

    def scoped_queryset(self, user):
        return (
            Aspiration.objects.visible_to(user)
            .select_related("raised_for")
            .prefetch_related("answers")
            .order_by("-created_at", "-pk")
        )


ROUTES = [
    ("aspirasi", AspirationViewSet, "aspiration"),
    # Planning: proposals read-only with their support counts (never who).
    ("usulan", ProposalViewSet, "proposal"),
]
