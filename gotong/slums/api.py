"""Slums API: locations designated by decree and their assessments by the 16 official criteria."""

from rest_framework import serializers

from gotong.api.viewsets import ScopedReadOnlyViewSet
from gotong.core.policy.routes import Rule
from gotong.slums.models import Assessment, CriterionMeasurement, SlumLocation


class LocationSerializer(serializers.ModelSerializer):
    class Meta:
        model = SlumLocation
        fields = [
            "id",
            "name",
            "decree_number",
            "decree_date",
            "decree_authority",
            "area_ha",
            "area_code",
            "neighbourhood_units",
            "latitude",
            "longitude",
            "updated_at",
        ]


class LocationDetailSerializer(LocationSerializer):
    # The linked RW/RT units by area code (`neighbourhood_units` is the free-text note).
    units = serializers.SlugRelatedField(many=True, read_only=True, slug_field="code")

    class Meta(LocationSerializer.Meta):
        fields = [*LocationSerializer.Meta.fields, "boundary_geojson", "units"]


class MeasurementSerializer(serializers.ModelSerializer):
    class Meta:
        model = CriterionMeasurement
        fields = ["code", "amount", "percent", "score"]  # amount: the count behind the percent, or null


class AssessmentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Assessment
        fields = [
            "id",
            "location",
            "area_code",
            "assessed_on",
            "is_baseline",
            "affected_area_ha",
            "total",
            "slum_class",
            "land_legality",
            "strategic_value",
            "population_density",
            "potential",
            "updated_at",
        ]


class AssessmentDetailSerializer(AssessmentSerializer):
    measurements = MeasurementSerializer(many=True, read_only=True)

    class Meta(AssessmentSerializer.Meta):
        fields = [
            *AssessmentSerializer.Meta.fields,
            # The wholes the counts are parts of (KOTAKU baseline), null for percent-only assessments.
            "verified_area_ha",
            "building_count",
            "household_count",
            "road_length_m",
            "drain_length_m",
            "measurements",
        ]


class LocationViewSet(ScopedReadOnlyViewSet):
    """Slum locations in the user's areas; `dari`/`sampai` filter by decree date."""

    access_rule = Rule(get="slums.view")
    lookup_field = "pk"
    date_field = "decree_date"

    def scoped_queryset(self, user):
        return SlumLocation.objects.visible_to(user)

    def get_serializer_class(self):
        return LocationDetailSerializer if self.action == "retrieve" else LocationSerializer


class AssessmentViewSet(ScopedReadOnlyViewSet):
    """Assessments of the locations the user sees; `dari`/`sampai` filter by assessment date."""

    access_rule = Rule(get="slums.view")
    lookup_field = "pk"
    date_field = "assessed_on"

    def scoped_queryset(self, user):
        return Assessment.objects.visible_to(user).order_by("-assessed_on", "pk")

    def get_serializer_class(self):
        return AssessmentDetailSerializer if self.action == "retrieve" else AssessmentSerializer


ROUTES = [
    ("kumuh/lokasi", LocationViewSet, "slum-location"),
    ("kumuh/penilaian", AssessmentViewSet, "slum-assessment"),
]
