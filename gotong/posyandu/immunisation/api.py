"""`/api/v1/posyandu/imunisasi/`: the doses of the children the user sees, and recording one (`posyandu.record`)."""

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import mixins, serializers

from gotong.api.errors import service_errors
from gotong.api.viewsets import ScopedReadOnlyViewSet
from gotong.core.policy.routes import Rule
from gotong.posyandu.immunisation import services
from gotong.posyandu.models import Child, Immunisation, ImmunisationPlace, Session, Vaccine


class ImmunisationSerializer(serializers.ModelSerializer):
    child = serializers.SlugRelatedField(slug_field="public_id", queryset=Child.objects.none())
    vaccine = serializers.ChoiceField(choices=Vaccine.choices)
    dose = serializers.IntegerField(min_value=1, max_value=4)
    place = serializers.ChoiceField(choices=ImmunisationPlace.choices, default=ImmunisationPlace.POSYANDU)
    session = serializers.PrimaryKeyRelatedField(queryset=Session.objects.none(), required=False, allow_null=True)
    recorded_by = serializers.CharField(source="recorded_by.username", read_only=True, default=None)

    class Meta:
        model = Immunisation
        fields = [
            "id",
            "child",
            "vaccine",
            "dose",
            "given_on",
            "place",
            "session",
            "batch",
            "recorded_by",
            "area_code",
            "updated_at",
        ]
        read_only_fields = ["id", "recorded_by", "area_code", "updated_at"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None and request.user.is_authenticated:
            # Only children and posyandu days the user sees can be named; the service then asks `posyandu.record`.
            self.fields["child"].queryset = Child.objects.visible_to(request.user).select_related("person", "posyandu")
            self.fields["session"].queryset = Session.objects.visible_to(request.user)

    def create(self, validated_data):
        try:
            return services.record_dose(acting_user=self.context["request"].user, **validated_data)
        except DjangoValidationError as error:
            raise service_errors(error, rename={"doses": "dose"}) from None


class ImmunisationViewSet(mixins.CreateModelMixin, ScopedReadOnlyViewSet):
    """Doses given, only where the posyandu pages show them; `dari`/`sampai` filter by the date given.

    POST records one dose, checked against the national schedule (too early, out of order, past its age limit,
    after today): a 400 names the field and says why in Indonesian."""

    access_rule = Rule(get="posyandu.view", post="posyandu.record")
    serializer_class = ImmunisationSerializer
    lookup_field = "pk"
    date_field = "given_on"

    def scoped_queryset(self, user):
        return Immunisation.objects.visible_to(user).select_related("child", "recorded_by").order_by("-given_on", "pk")
