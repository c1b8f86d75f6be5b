"""Proposals of planning rounds over the API, read-only: the same rows the pages show (`participation.view`:
workers of the area, residents of the round's area), with a count of supports and no supporter or proposer."""

from rest_framework import serializers

from gotong.api.viewsets import ScopedReadOnlyViewSet
from gotong.core.policy.routes import Rule
from gotong.participation.models import Proposal
from gotong.participation.services.planning import with_support_counts


class ProposalSerializer(serializers.ModelSerializer):
    round = serializers.SlugRelatedField(slug_field="public_id", read_only=True)
    round_title = serializers.CharField(source="round.title", read_only=True)
    support_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Proposal
        fields = [
            "public_id",
            "round",
            "round_title",
            "area_code",
            "title",
            "description",
            "source",
            "status",
            "support_count",
            "project",
            "activity",
            "updated_at",
        ]


class ProposalViewSet(ScopedReadOnlyViewSet):
    """Proposals with their support counts; `dari`/`sampai` filter by the round's closing date."""

    access_rule = Rule(get="participation.view")
    serializer_class = ProposalSerializer
    date_field = "round__closes_on"

    def scoped_queryset(self, user):
        proposals = Proposal.objects.visible_to(user).select_related("round").order_by("pk")
        return with_support_counts(proposals)
