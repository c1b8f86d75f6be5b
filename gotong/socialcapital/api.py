"""Social capital API: instruments, survey rounds and household responses.

Responses are named (a household's answers): partners and residents, whose `socialcapital.view` reaches aggregates
only, get none, as on the pages, where they see suppressed aggregates only.
"""

from rest_framework import serializers

from gotong.api.fields import public_ref
from gotong.api.viewsets import ScopedReadOnlyViewSet
from gotong.core.policy.routes import Rule
from gotong.socialcapital.models import Instrument, Response, SurveyRound


class InstrumentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Instrument
        fields = ["id", "name", "description", "updated_at"]


class RoundSerializer(serializers.ModelSerializer):
    class Meta:
        model = SurveyRound
        fields = ["id", "instrument", "name", "area_code", "starts_on", "ends_on", "updated_at"]


class ResponseSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    household = public_ref()

    class Meta:
        model = Response
        fields = ["id", "survey_round", "household", "answered_on", "area_code", "updated_at"]


class InstrumentViewSet(ScopedReadOnlyViewSet):
    """Questionnaires: reference data, the same for everyone."""

    access_rule = Rule(get="socialcapital.view")
    serializer_class = InstrumentSerializer
    lookup_field = "pk"
    area_field = None

    def scoped_queryset(self, user):
        return Instrument.objects.order_by("pk")


class RoundViewSet(ScopedReadOnlyViewSet):
    """Survey rounds in or around the user's areas; `dari`/`sampai` filter by start date."""

    access_rule = Rule(get="socialcapital.view")
    serializer_class = RoundSerializer
    lookup_field = "pk"
    date_field = "starts_on"

    def scoped_queryset(self, user):
        return SurveyRound.objects.visible_to(user).order_by("-starts_on", "pk")


class ResponseViewSet(ScopedReadOnlyViewSet):
    """Household responses inside the user's areas; `dari`/`sampai` filter by interview date."""

    access_rule = Rule(get="socialcapital.view")
    serializer_class = ResponseSerializer
    date_field = "answered_on"

    def scoped_queryset(self, user):
        return Response.objects.visible_to(user).select_related("household")


ROUTES = [
    ("modal-sosial/instrumen", InstrumentViewSet, "instrument"),
    ("modal-sosial/putaran", RoundViewSet, "survey-round"),
    ("modal-sosial/jawaban", ResponseViewSet, "survey-response"),
]
