"""Collaboration API: agreements and commitments, forums and meetings, targets, projects with budgets."""

from rest_framework import serializers

from gotong.api.viewsets import ScopedReadOnlyViewSet
from gotong.collaboration.models import (
    Agreement,
    Commitment,
    Forum,
    Meeting,
    Project,
    ProjectBudget,
    Target,
)
from gotong.core.policy.routes import Rule


class AgreementSerializer(serializers.ModelSerializer):
    class Meta:
        model = Agreement
        fields = ["id", "title", "kind", "signed_on", "area_code", "parties", "document_note", "updated_at"]
        extra_kwargs = {"parties": {"read_only": True}}


class CommitmentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Commitment
        fields = [
            "id",
            "agreement",
            "actor",
            "area_code",
            "what",
            "due_on",
            "status",
            "done_on",
            "evidence",
            "updated_at",
        ]


class ForumSerializer(serializers.ModelSerializer):
    class Meta:
        model = Forum
        fields = ["id", "name", "kind", "area_code", "convener", "description", "updated_at"]


class MeetingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Meeting
        fields = ["id", "forum", "area_code", "held_on", "place", "agenda", "minutes", "updated_at"]


class BudgetSerializer(serializers.ModelSerializer):
    class Meta:
        model = ProjectBudget
        fields = ["source", "amount_rupiah", "funder"]


class ProjectSerializer(serializers.ModelSerializer):
    budgets = BudgetSerializer(many=True, read_only=True)

    class Meta:
        model = Project
        fields = [
            "id",
            "name",
            "kind",
            "area_code",
            "volume",
            "unit",
            "executor",
            "coordinator",
            "status",
            "year",
            "budgets",
            "updated_at",
        ]


class TargetSerializer(serializers.ModelSerializer):
    class Meta:
        model = Target
        fields = [
            "id",
            "title",
            "area_code",
            "location",
            "indicator",
            "unit",
            "baseline_value",
            "baseline_year",
            "target_value",
            "target_year",
            "reported_value",
            "reported_on",
            "updated_at",
        ]


class _PlaceViewSet(ScopedReadOnlyViewSet):
    """Collaboration records are about places: visible inside the areas of the user's `collaboration.view` grant."""

    access_rule = Rule(get="collaboration.view")
    lookup_field = "pk"
    model = None
    related: tuple[str, ...] = ()

    def scoped_queryset(self, user):
        queryset = self.model.objects.visible_to(user)
        return queryset.prefetch_related(*self.related) if self.related else queryset


class AgreementViewSet(_PlaceViewSet):
    """Agreements and MoUs; `dari`/`sampai` filter by signing date."""

    model, serializer_class, date_field, related = Agreement, AgreementSerializer, "signed_on", ("parties",)


class CommitmentViewSet(_PlaceViewSet):
    """Commitments under agreements; `dari`/`sampai` filter by due date."""

    model, serializer_class, date_field = Commitment, CommitmentSerializer, "due_on"


class ForumViewSet(_PlaceViewSet):
    model, serializer_class = Forum, ForumSerializer


class MeetingViewSet(_PlaceViewSet):
    """Forum meetings; `dari`/`sampai` filter by meeting date."""

    model, serializer_class, date_field = Meeting, MeetingSerializer, "held_on"


class ProjectViewSet(_PlaceViewSet):
    model, serializer_class, related = Project, ProjectSerializer, ("budgets",)


class TargetViewSet(_PlaceViewSet):
    """Shared targets; `dari`/`sampai` filter by the date of the last reported value."""

    model, serializer_class, date_field = Target, TargetSerializer, "reported_on"


ROUTES = [
    ("kolaborasi/kesepakatan", AgreementViewSet, "agreement"),
    ("kolaborasi/komitmen", CommitmentViewSet, "commitment"),
    ("kolaborasi/forum", ForumViewSet, "forum"),
    ("kolaborasi/pertemuan", MeetingViewSet, "meeting"),
    ("kolaborasi/proyek", ProjectViewSet, "project"),
    ("kolaborasi/target", TargetViewSet, "target"),
]
