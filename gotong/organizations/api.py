"""Organizations API: BKM/LKM, KSM, posyandu, waste banks, partners… and who serves in them."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from gotong.api.viewsets import ScopedReadOnlyViewSet
from gotong.core.policy.routes import Rule
from gotong.organizations.models import Membership, Organization


class MembershipSerializer(serializers.ModelSerializer):
    name = serializers.SerializerMethodField()

    class Meta:
        model = Membership
        fields = ["name", "role", "started_on", "ended_on"]

    def get_name(self, membership) -> str:
        return membership.display_name


class OrganizationSerializer(serializers.ModelSerializer):
    parent = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)

    class Meta:
        model = Organization
        fields = ["id", "name", "kind", "area_code", "parent", "description", "address", "phone", "updated_at"]


class OrganizationDetailSerializer(OrganizationSerializer):
    members = serializers.SerializerMethodField()

    class Meta(OrganizationSerializer.Meta):
        fields = [*OrganizationSerializer.Meta.fields, "members"]

    @extend_schema_field(MembershipSerializer(many=True))
    def get_members(self, organization):
        rows = Membership.objects.active().filter(organization=organization).select_related("person", "user")
        return MembershipSerializer(rows, many=True).data


class OrganizationViewSet(ScopedReadOnlyViewSet):
    """Organisations working in the user's areas, plus those the user belongs to."""

    lookup_field = "pk"
    access_rule = Rule(get="organizations.view")

    def scoped_queryset(self, user):
        return Organization.objects.visible_to(user)

    def get_serializer_class(self):
        return OrganizationDetailSerializer if self.action == "retrieve" else OrganizationSerializer


ROUTES = [("organisasi", OrganizationViewSet, "organization")]
