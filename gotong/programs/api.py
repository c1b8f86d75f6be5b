"""Programs API: empowerment programs, their cohorts and enrolments with outcomes."""

from rest_framework import serializers

from gotong.api.fields import public_ref
from gotong.api.viewsets import ScopedReadOnlyViewSet
from gotong.core.policy.routes import Rule
from gotong.programs.models import Cohort, Enrolment, Program


class ProgramSerializer(serializers.ModelSerializer):
    class Meta:
        model = Program
        fields = ["id", "name", "kind", "organization", "area_code", "description", "updated_at"]


class CohortSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)

    class Meta:
        model = Cohort
        fields = ["id", "program", "name", "starts_on", "ends_on", "capacity", "area_code", "updated_at"]


class EnrolmentSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    cohort = public_ref()
    person = public_ref()
    person_name = serializers.CharField(source="person.name", read_only=True)

    class Meta:
        model = Enrolment
        fields = [
            "id",
            "cohort",
            "person",
            "person_name",
            "enrolled_on",
            "status",
            "certified",
            "started_business",
            "income_before",
            "income_after",
            "outcome_note",
            "area_code",
            "updated_at",
        ]


class ProgramViewSet(ScopedReadOnlyViewSet):
    access_rule = Rule(get="programs.view")
    serializer_class = ProgramSerializer
    lookup_field = "pk"

    def scoped_queryset(self, user):
        return Program.objects.visible_to(user)


class CohortViewSet(ScopedReadOnlyViewSet):
    """Cohorts; `dari`/`sampai` filter by start date."""

    access_rule = Rule(get="programs.view")
    serializer_class = CohortSerializer
    date_field = "starts_on"

    def scoped_queryset(self, user):
        return Cohort.objects.visible_to(user)


class EnrolmentViewSet(ScopedReadOnlyViewSet):
    """Enrolments; `dari`/`sampai` filter by enrolment date."""

    access_rule = Rule(get="programs.view")
    serializer_class = EnrolmentSerializer
    date_field = "enrolled_on"

    def scoped_queryset(self, user):
        return Enrolment.objects.visible_to(user).select_related("cohort", "person")


ROUTES = [
    ("program", ProgramViewSet, "program"),
    ("program-angkatan", CohortViewSet, "cohort"),
    ("program-peserta", EnrolmentViewSet, "enrolment"),
]
