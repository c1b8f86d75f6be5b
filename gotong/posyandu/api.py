"""Posyandu API: children, monthly opening days and weighings with WHO z-scores and classifications."""

from rest_framework import serializers

from gotong.api.fields import public_ref
from gotong.api.viewsets import ScopedReadOnlyViewSet
from gotong.core.policy.routes import Rule
from gotong.posyandu.immunisation.api import ImmunisationViewSet
from gotong.posyandu.models import Child, Session, Weighing
from gotong.posyandu.pregnancy import api as pregnancy_api


class ChildSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    person = public_ref()
    mother = public_ref()
    name = serializers.CharField(source="person.name", read_only=True)
    sex = serializers.CharField(source="person.sex", read_only=True)
    birth_date = serializers.DateField(source="person.birth_date", read_only=True)

    class Meta:
        model = Child
        fields = [
            "id",
            "posyandu",
            "person",
            "name",
            "sex",
            "birth_date",
            "mother",
            "birth_weight_kg",
            "registered_on",
            "left_on",
            "area_code",
            "updated_at",
        ]


class SessionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Session
        fields = ["id", "posyandu", "held_on", "month", "place", "notes", "area_code", "updated_at"]


class WeighingSerializer(serializers.ModelSerializer):
    child = public_ref()

    class Meta:
        model = Weighing
        fields = [
            "id",
            "child",
            "session",
            "month",
            "measured_on",
            "age_days",
            "weight_kg",
            "length_cm",
            "measure",
            "muac_cm",
            "oedema",
            "growth_card",
            "waz",
            "haz",
            "whz",
            "baz",
            "waz_class",
            "haz_class",
            "whz_class",
            "baz_class",
            "trend",
            "two_t",
            "bgm",
            "area_code",
            "updated_at",
        ]


class ChildViewSet(ScopedReadOnlyViewSet):
    """Children followed by the posyandu the user may see; `dari`/`sampai` filter by registration date."""

    access_rule = Rule(get="posyandu.view")
    serializer_class = ChildSerializer
    date_field = "registered_on"

    def scoped_queryset(self, user):
        return Child.objects.visible_to(user).select_related("person", "mother")


class SessionViewSet(ScopedReadOnlyViewSet):
    """Monthly opening days; `dari`/`sampai` filter by the day held."""

    access_rule = Rule(get="posyandu.view")
    serializer_class = SessionSerializer
    lookup_field = "pk"
    date_field = "held_on"

    def scoped_queryset(self, user):
        return Session.objects.visible_to(user)


class WeighingViewSet(ScopedReadOnlyViewSet):
    """Weighings, only where the posyandu pages show them; `dari`/`sampai` filter by measurement date."""

    access_rule = Rule(get="posyandu.view")
    serializer_class = WeighingSerializer
    lookup_field = "pk"
    date_field = "measured_on"

    def scoped_queryset(self, user):
        return Weighing.objects.visible_to(user).select_related("child").order_by("-measured_on", "pk")


ROUTES = [
    ("posyandu/balita", ChildViewSet, "child"),
    ("posyandu/hari-buka", SessionViewSet, "posyandu-session"),
    ("posyandu/penimbangan", WeighingViewSet, "weighing"),
    *pregnancy_api.ROUTES,
    ("posyandu/imunisasi", ImmunisationViewSet, "immunisation"),
]
