"""Casework API: cases and visit logs. Health details only for the case team (`access.sees_health`)."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from gotong.api.fields import public_ref, viewer
from gotong.api.viewsets import ScopedReadOnlyViewSet
from gotong.casework.access import sees_health
from gotong.casework.models import Case, Visit


def _team_sees_health(serializer, case) -> bool:
    """The casework module's own rule, asked once per case per request (a page of visits repeats cases)."""
    user = viewer(serializer)
    if user is None:
        return False
    answers = serializer.context.setdefault("_sees_health", {})
    if case.pk not in answers:
        answers[case.pk] = sees_health(user, case)
    return answers[case.pk]


class CaseSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    household = public_ref()
    person = public_ref()
    worker = serializers.SlugRelatedField(slug_field="username", read_only=True)
    subject_name = serializers.CharField(read_only=True)
    health_condition = serializers.SerializerMethodField(help_text="Hanya untuk tim kasus; selain itu null.")

    class Meta:
        model = Case
        fields = [
            "id",
            "program",
            "household",
            "person",
            "subject_name",
            "organization",
            "summary",
            "health_condition",
            "worker",
            "opened_on",
            "opened_reason",
            "closed_on",
            "close_reason",
            "close_note",
            "area_code",
            "updated_at",
        ]

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_health_condition(self, case):
        return case.health_condition if _team_sees_health(self, case) else None


class VisitSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    case = public_ref()
    worker = serializers.SlugRelatedField(slug_field="username", read_only=True)
    condition = serializers.SerializerMethodField(help_text="Hanya untuk tim kasus; selain itu null.")
    adherence = serializers.SerializerMethodField(help_text="Hanya untuk tim kasus; selain itu null.")

    class Meta:
        model = Visit
        fields = [
            "id",
            "case",
            "visited_on",
            "worker",
            "met_with",
            "condition",
            "adherence",
            "issues",
            "next_step",
            "area_code",
            "updated_at",
        ]

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_condition(self, visit):
        return visit.condition if _team_sees_health(self, visit.case) else None

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_adherence(self, visit):
        return visit.adherence if _team_sees_health(self, visit.case) else None


class CaseViewSet(ScopedReadOnlyViewSet):
    """Cases the user may see (team, city officers of the area, the running organisation's staff)."""

    serializer_class = CaseSerializer
    date_field = "opened_on"

    def scoped_queryset(self, user):
        return Case.objects.visible_to(user).select_related("household", "person", "worker")


class VisitViewSet(ScopedReadOnlyViewSet):
    """Visit logs of the cases the user may see; `dari`/`sampai` filter by visit date."""

    serializer_class = VisitSerializer
    date_field = "visited_on"

    def scoped_queryset(self, user):
        cases = Case.objects.visible_to(user).values("pk")
        return Visit.objects.filter(case__in=cases).select_related("case__person", "worker")


ROUTES = [
    ("kasus", CaseViewSet, "case"),
    ("kasus-kunjungan", VisitViewSet, "visit"),
]
