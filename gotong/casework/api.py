"""Casework API: cases and visit logs. Health details only for the case team (`casework.see_health`)."""

from django.db.models.manager import BaseManager
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from gotong.api.fields import public_ref, viewer
from gotong.api.viewsets import ScopedReadOnlyViewSet
from gotong.casework.access import health_case_ids
from gotong.casework.models import Case, Visit
from gotong.core.policy.routes import Rule


def _answer_health(serializer, case_ids) -> dict[int, bool]:
    """The policy's `casework.see_health`, answered in one query for cases not asked yet this request."""
    answers = serializer.context.setdefault("_sees_health", {})
    missing = set(case_ids) - answers.keys()
    if missing:
        user = viewer(serializer)
        shown = health_case_ids(user, missing) if user is not None else set()
        answers.update((pk, pk in shown) for pk in missing)
    return answers


def _team_sees_health(serializer, case_id) -> bool:
    return _answer_health(serializer, [case_id])[case_id]


class TeamCheckedListSerializer(serializers.ListSerializer):
    """A page asks the team check once for all its cases, not once per case."""

    def to_representation(self, data):
        rows = list(data.all() if isinstance(data, BaseManager) else data)
        _answer_health(self, {self.child.case_id_of(row) for row in rows})
        return super().to_representation(rows)


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
        list_serializer_class = TeamCheckedListSerializer

    @staticmethod
    def case_id_of(case) -> int:
        return case.pk

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_health_condition(self, case):
        return case.health_condition if _team_sees_health(self, case.pk) else None


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
        list_serializer_class = TeamCheckedListSerializer

    @staticmethod
    def case_id_of(visit) -> int:
        return visit.case_id

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_condition(self, visit):
        return visit.condition if _team_sees_health(self, visit.case_id) else None

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_adherence(self, visit):
        return visit.adherence if _team_sees_health(self, visit.case_id) else None


class CaseViewSet(ScopedReadOnlyViewSet):
    """Cases the user may see (team, city officers of the area, the running organisation's staff)."""

    serializer_class = CaseSerializer
    date_field = "opened_on"
    access_rule = Rule(get="casework.view")

    def scoped_queryset(self, user):
        return Case.objects.visible_to(user).select_related("household", "person", "worker")


class VisitViewSet(ScopedReadOnlyViewSet):
    """Visit logs of the cases the user may see; `dari`/`sampai` filter by visit date."""

    serializer_class = VisitSerializer
    date_field = "visited_on"
    access_rule = Rule(get="casework.view")

    def scoped_queryset(self, user):
        return Visit.objects.visible_to(user).select_related("case__person", "worker")


ROUTES = [
    ("kasus", CaseViewSet, "case"),
    ("kasus-kunjungan", VisitViewSet, "visit"),
]
