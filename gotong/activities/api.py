"""Activities API: gotong royong events, norms, and warnings given under the norms."""

from rest_framework import serializers

from gotong.activities.models import Event, Norm, NormWarning
from gotong.api.fields import public_ref
from gotong.api.viewsets import ScopedReadOnlyViewSet
from gotong.core.policy.routes import Rule


class EventSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)

    class Meta:
        model = Event
        fields = [
            "id",
            "title",
            "kind",
            "held_on",
            "start_time",
            "default_hours",
            "area_code",
            "organization",
            "place",
            "description",
            "guests",
            "guest_hours",
            "updated_at",
        ]


class NormSerializer(serializers.ModelSerializer):
    class Meta:
        model = Norm
        fields = ["id", "text", "agreed_on", "area_code", "organization", "active", "updated_at"]


class WarningSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    person = public_ref()
    person_name = serializers.CharField(source="person.name", read_only=True)

    class Meta:
        model = NormWarning
        fields = ["id", "norm", "person", "person_name", "given_on", "level", "note", "area_code", "updated_at"]


class EventViewSet(ScopedReadOnlyViewSet):
    """Gotong royong events; `dari`/`sampai` filter by the event date."""

    access_rule = Rule(get="activities.view")
    serializer_class = EventSerializer
    date_field = "held_on"

    def scoped_queryset(self, user):
        return Event.objects.visible_to(user)


class NormViewSet(ScopedReadOnlyViewSet):
    """Community norms; `dari`/`sampai` filter by the date agreed."""

    access_rule = Rule(get="activities.view")
    serializer_class = NormSerializer
    lookup_field = "pk"
    date_field = "agreed_on"

    def scoped_queryset(self, user):
        return Norm.objects.visible_to(user)


class WarningViewSet(ScopedReadOnlyViewSet):
    """Warnings given under a norm (named: the same people who see them on the pages)."""

    access_rule = Rule(get="activities.view")
    serializer_class = WarningSerializer
    date_field = "given_on"

    def scoped_queryset(self, user):
        return NormWarning.objects.visible_to(user).select_related("person")


ROUTES = [
    ("gotong-royong/kegiatan", EventViewSet, "event"),
    ("gotong-royong/norma", NormViewSet, "norm"),
    ("gotong-royong/teguran", WarningViewSet, "norm-warning"),
]
