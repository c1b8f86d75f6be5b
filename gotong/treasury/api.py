"""Treasury API: the cash book, savings members (balances from the ledger) and loans with their state.

Named records follow `treasury.view_records` (`treasury.access.RecordQuerySet`): bookkeepers and covering area workers
see all of an organisation, a member their own savings and loans, a partner nothing named.
"""

from drf_spectacular.utils import extend_schema_field, inline_serializer
from rest_framework import serializers

from gotong.api.fields import public_ref, viewing_detail
from gotong.api.viewsets import ScopedReadOnlyViewSet
from gotong.core.policy.routes import Rule
from gotong.treasury.access import VIEW_RECORDS
from gotong.treasury.models import CashEntry, Loan, Member, SavingsKind
from gotong.treasury.services.loans import loan_state
from gotong.treasury.services.savings import savings_balances


class CashEntrySerializer(serializers.ModelSerializer):
    category = serializers.CharField(source="category.name", read_only=True)
    is_cancelled = serializers.SerializerMethodField()

    class Meta:
        model = CashEntry
        fields = [
            "id",
            "organization",
            "category",
            "direction",
            "occurred_on",
            "amount",
            "description",
            "in_kind",
            "partner",
            "is_cancelled",
            "cancel_reason",
            "area_code",
            "updated_at",
        ]

    def get_is_cancelled(self, entry) -> bool:
        return entry.reversal_id is not None


_BALANCES = inline_serializer(
    "SavingsBalances", fields={kind: serializers.IntegerField() for kind in SavingsKind.values}, allow_null=True
)


class SavingsMemberSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    person = public_ref()
    name = serializers.CharField(source="person.name", read_only=True)
    savings = serializers.SerializerMethodField(help_text="Saldo simpanan per jenis (Rp); hanya di detail.")

    class Meta:
        model = Member
        fields = ["id", "organization", "number", "person", "name", "joined_on", "savings", "area_code", "updated_at"]

    @extend_schema_field(_BALANCES)
    def get_savings(self, member):
        return savings_balances(member) if viewing_detail(self) else None


class LoanStateSerializer(serializers.Serializer):
    total_due = serializers.IntegerField()
    paid = serializers.IntegerField()
    outstanding = serializers.IntegerField()
    principal_outstanding = serializers.IntegerField()
    overdue_amount = serializers.IntegerField()
    overdue_count = serializers.IntegerField()
    days_late = serializers.IntegerField()
    status = serializers.CharField()


class LoanSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    member = public_ref()
    state = serializers.SerializerMethodField(help_text="Sisa pinjaman dan tunggakan hari ini; hanya di detail.")

    class Meta:
        model = Loan
        fields = [
            "id",
            "organization",
            "member",
            "principal",
            "rate",
            "rate_period",
            "method",
            "term_months",
            "admin_fee",
            "disbursed_on",
            "first_due_on",
            "purpose",
            "state",
            "area_code",
            "updated_at",
        ]

    @extend_schema_field(LoanStateSerializer(allow_null=True))
    def get_state(self, loan):
        return LoanStateSerializer(loan_state(loan)).data if viewing_detail(self) else None


class CashEntryViewSet(ScopedReadOnlyViewSet):
    """Cash book entries; `dari`/`sampai` filter by the day of the entry."""

    access_rule = Rule(get=VIEW_RECORDS)
    serializer_class = CashEntrySerializer
    lookup_field = "pk"
    date_field = "occurred_on"

    def scoped_queryset(self, user):
        return CashEntry.objects.visible_to(user).select_related("category").order_by("-occurred_on", "-pk")


class SavingsMemberViewSet(ScopedReadOnlyViewSet):
    """Savings members; `dari`/`sampai` filter by the day they joined."""

    access_rule = Rule(get=VIEW_RECORDS)
    serializer_class = SavingsMemberSerializer
    date_field = "joined_on"

    def scoped_queryset(self, user):
        return Member.objects.visible_to(user).select_related("person").order_by("organization_id", "number")


class LoanViewSet(ScopedReadOnlyViewSet):
    """Loans; `dari`/`sampai` filter by disbursement date."""

    access_rule = Rule(get=VIEW_RECORDS)
    serializer_class = LoanSerializer
    date_field = "disbursed_on"

    def scoped_queryset(self, user):
        return Loan.objects.visible_to(user).select_related("member").order_by("-disbursed_on", "pk")


ROUTES = [
    ("kas/buku", CashEntryViewSet, "cash-entry"),
    ("kas/anggota", SavingsMemberViewSet, "treasury-member"),
    ("kas/pinjaman", LoanViewSet, "loan"),
]
