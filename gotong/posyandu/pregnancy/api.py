"""API of pregnant women: `/api/v1/posyandu/ibu-hamil/` (list, detail, register) and
`/api/v1/posyandu/ibu-hamil-periksa/` (antenatal visits: list, record). Reads need `posyandu.view` and return
the rows the pages show; writes need `posyandu.record` and go through pregnancy/services.py."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import mixins, serializers, status
from rest_framework.response import Response

from gotong.api.errors import service_errors
from gotong.api.fields import public_ref
from gotong.api.viewsets import ScopedReadOnlyViewSet
from gotong.core.policy.routes import Rule
from gotong.organizations.models import Organization
from gotong.posyandu.models import Pregnancy
from gotong.posyandu.models.pregnancy import AncVisit, VisitPlace
from gotong.posyandu.pregnancy import services
from gotong.posyandu.pregnancy.summary import status as pregnancy_status
from gotong.registry.models import Person


class AncVisitSerializer(serializers.ModelSerializer):
    pregnancy = public_ref()

    class Meta:
        model = AncVisit
        fields = [
            "id",
            "pregnancy",
            "visited_on",
            "place",
            "provider",
            "gestational_days",
            "trimester",
            "weight_kg",
            "muac_cm",
            "hb_g_dl",
            "systolic",
            "diastolic",
            "iron_tablets",
            "notes",
            "area_code",
            "updated_at",
        ]


class AncVisitInputSerializer(serializers.Serializer):
    pregnancy = serializers.UUIDField()
    visited_on = serializers.DateField()
    place = serializers.ChoiceField(choices=VisitPlace.choices)
    provider = serializers.CharField(required=False, allow_blank=True, default="")
    weight_kg = serializers.CharField(required=False, allow_blank=True, allow_null=True, default=None)
    muac_cm = serializers.CharField(required=False, allow_blank=True, allow_null=True, default=None)
    hb_g_dl = serializers.CharField(required=False, allow_blank=True, allow_null=True, default=None)
    systolic = serializers.IntegerField(required=False, allow_null=True, default=None)
    diastolic = serializers.IntegerField(required=False, allow_null=True, default=None)
    iron_tablets = serializers.IntegerField(required=False, default=0)
    notes = serializers.CharField(required=False, allow_blank=True, default="")


class RiskFlagSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()
    source = serializers.CharField()


class PregnancySerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    person = public_ref()
    child = public_ref()
    name = serializers.CharField(source="person.name", read_only=True)
    due_date = serializers.SerializerMethodField()
    gestational_weeks = serializers.SerializerMethodField()
    trimester = serializers.SerializerMethodField()
    contacts_done = serializers.SerializerMethodField()
    next_contact_due = serializers.SerializerMethodField()
    risk_flags = serializers.SerializerMethodField()

    class Meta:
        model = Pregnancy
        fields = [
            "id",
            "posyandu",
            "person",
            "name",
            "lmp",
            "registered_on",
            "gravida",
            "para",
            "abortus",
            "due_date",
            "gestational_weeks",
            "trimester",
            "contacts_done",
            "next_contact_due",
            "risk_flags",
            "outcome",
            "ended_on",
            "child",
            "area_code",
            "updated_at",
        ]

    def _status(self, pregnancy):
        cache = self.context.setdefault("_status", {})
        if pregnancy.pk not in cache:
            cache[pregnancy.pk] = pregnancy_status(pregnancy, timezone.localdate(), pregnancy.visits.all())
        return cache[pregnancy.pk]

    def get_due_date(self, pregnancy) -> str:
        return self._status(pregnancy).due_date.isoformat()

    def get_gestational_weeks(self, pregnancy) -> int:
        return self._status(pregnancy).weeks

    def get_trimester(self, pregnancy) -> int:
        return self._status(pregnancy).trimester

    def get_contacts_done(self, pregnancy) -> int:
        return self._status(pregnancy).contacts_done

    def get_next_contact_due(self, pregnancy) -> str | None:
        day = self._status(pregnancy).next_due
        return day.isoformat() if day else None

    @extend_schema_field(RiskFlagSerializer(many=True))
    def get_risk_flags(self, pregnancy) -> list:
        return [{"code": f.code, "label": f.label, "source": f.source} for f in self._status(pregnancy).flags]


class PregnancyInputSerializer(serializers.Serializer):
    posyandu = serializers.IntegerField()
    person = serializers.UUIDField()
    lmp = serializers.DateField()
    registered_on = serializers.DateField(required=False, allow_null=True, default=None)
    gravida = serializers.IntegerField(required=False, allow_null=True, default=None)
    para = serializers.IntegerField(required=False, allow_null=True, default=None)
    abortus = serializers.IntegerField(required=False, allow_null=True, default=None)
    last_birth_on = serializers.DateField(required=False, allow_null=True, default=None)
    notes = serializers.CharField(required=False, allow_blank=True, default="")


def _refused(field: str, message: str):
    return service_errors(ValidationError({field: message}))


class PregnancyViewSet(mixins.CreateModelMixin, ScopedReadOnlyViewSet):
    """Pregnant women followed by the posyandu the user may see (`dari`/`sampai`: HPHT); POST registers one."""

    access_rule = Rule(get="posyandu.view", post="posyandu.record")
    serializer_class = PregnancySerializer
    date_field = "lmp"

    def scoped_queryset(self, user):
        return (
            Pregnancy.objects.visible_to(user)
            .select_related("person", "child")
            .prefetch_related("visits")
            .order_by("lmp", "pk")
        )

    def get_serializer_class(self):
        return PregnancyInputSerializer if self.action == "create" else PregnancySerializer

    def create(self, request, *args, **kwargs):
        data = PregnancyInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        posyandu = Organization.objects.filter(pk=values.pop("posyandu"), kind="posyandu").first()
        person = Person.objects.visible_to(request.user).filter(public_id=values.pop("person")).first()
        if posyandu is None:
            raise _refused("posyandu", _("Posyandu tidak ditemukan."))
        if person is None:
            raise _refused("person", _("Penduduk tidak ditemukan dalam lingkup Anda."))
        try:
            pregnancy = services.register_pregnancy(
                posyandu=posyandu, person=person, acting_user=request.user, **values
            )
        except ValidationError as error:
            raise service_errors(error) from None
        body = PregnancySerializer(pregnancy, context=self.get_serializer_context()).data
        return Response(body, status=status.HTTP_201_CREATED)


class AncVisitViewSet(mixins.CreateModelMixin, ScopedReadOnlyViewSet):
    """Antenatal visits, only where the pages show them (`dari`/`sampai`: visit date); POST records one."""

    access_rule = Rule(get="posyandu.view", post="posyandu.record")
    serializer_class = AncVisitSerializer
    lookup_field = "pk"
    date_field = "visited_on"

    def scoped_queryset(self, user):
        return AncVisit.objects.visible_to(user).select_related("pregnancy").order_by("-visited_on", "pk")

    def get_serializer_class(self):
        return AncVisitInputSerializer if self.action == "create" else AncVisitSerializer

    def create(self, request, *args, **kwargs):
        data = AncVisitInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        pregnancy = (
            Pregnancy.objects.visible_to(request.user)
            .select_related("posyandu", "person")
            .filter(public_id=values.pop("pregnancy"))
            .first()
        )
        if pregnancy is None:
            raise _refused("pregnancy", _("Kehamilan tidak ditemukan dalam lingkup Anda."))
        try:
            visit = services.record_anc_visit(pregnancy=pregnancy, acting_user=request.user, **values)
        except ValidationError as error:
            raise service_errors(error) from None
        return Response(AncVisitSerializer(visit).data, status=status.HTTP_201_CREATED)


ROUTES = [
    ("posyandu/ibu-hamil", PregnancyViewSet, "pregnancy"),
    ("posyandu/ibu-hamil-periksa", AncVisitViewSet, "anc-visit"),
]
