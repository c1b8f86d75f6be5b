"""Areas API: the Kemendagri hierarchy plus RW/RT. Public reference data, addressed by the dotted code."""

from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers

from gotong.api.filters import AREA_CODE_PATTERN
from gotong.api.viewsets import ScopedReadOnlyViewSet
from gotong.areas.models import Area
from gotong.core.policy.routes import Rule


class AreaSerializer(serializers.ModelSerializer):
    parent = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    level_name = serializers.CharField(source="get_level_display", read_only=True)

    class Meta:
        model = Area
        fields = ["code", "name", "level", "level_name", "kind", "parent", "postal_code"]


_CODE = OpenApiParameter("code", str, OpenApiParameter.PATH, pattern=AREA_CODE_PATTERN, description="21.72.03.1005")


@extend_schema_view(retrieve=extend_schema(parameters=[_CODE]))
class AreaViewSet(ScopedReadOnlyViewSet):
    """Provinces down to RTs; `wilayah` lists an area and everything inside it."""

    access_rule = Rule(get="areas.view")
    serializer_class = AreaSerializer
    lookup_field = "code"
    lookup_value_regex = r"[0-9.]+"
    area_field = "code"
    updated_field = None

    def scoped_queryset(self, user):
        # Areas are public reference data: names and codes only, no records inside them.
        return Area.objects.select_related("parent")


ROUTES = [("wilayah", AreaViewSet, "area")]
