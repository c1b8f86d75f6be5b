"""Waste bank API: banks, members with their savings balance (from the ledger), deposits and withdrawals."""

from rest_framework import serializers

from gotong.api.fields import public_ref
from gotong.api.viewsets import ScopedReadOnlyViewSet
from gotong.core.policy.routes import Rule
from gotong.wastebank.models import Deposit, Member, WasteBank, Withdrawal


class BankSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="organization.name", read_only=True)

    class Meta:
        model = WasteBank
        fields = ["id", "organization", "name", "area_code", "updated_at"]


class WasteBankMemberSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    person = public_ref()
    name = serializers.CharField(source="person.name", read_only=True)
    balance = serializers.IntegerField(
        source="account.balance", read_only=True, help_text="Saldo tabungan (Rp) dari buku besar."
    )

    class Meta:
        model = Member
        fields = [
            "id",
            "bank",
            "number",
            "person",
            "name",
            "joined_on",
            "is_active",
            "balance",
            "area_code",
            "updated_at",
        ]


class _RecordSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    member = public_ref()
    is_cancelled = serializers.BooleanField(read_only=True)
    common = ["id", "bank", "member", "occurred_on", "is_cancelled", "cancel_reason", "area_code", "updated_at"]


class DepositSerializer(_RecordSerializer):
    class Meta:
        model = Deposit
        fields = [*_RecordSerializer.common, "total_grams", "total_value"]


class WithdrawalSerializer(_RecordSerializer):
    class Meta:
        model = Withdrawal
        fields = [*_RecordSerializer.common, "kind", "amount", "goods"]


class BankViewSet(ScopedReadOnlyViewSet):
    """Waste banks whose books the user may see (their staff and covering area workers)."""

    access_rule = Rule(get="wastebank.view")
    serializer_class = BankSerializer
    lookup_field = "pk"

    def scoped_queryset(self, user):
        return WasteBank.objects.visible_to(user).select_related("organization").order_by("pk")


class WasteBankMemberViewSet(ScopedReadOnlyViewSet):
    """Bank members; a resident sees their own membership and balance only."""

    access_rule = Rule(get="wastebank.view")
    serializer_class = WasteBankMemberSerializer
    date_field = "joined_on"

    def scoped_queryset(self, user):
        return Member.objects.visible_to(user).select_related("person", "account")


class DepositViewSet(ScopedReadOnlyViewSet):
    """Weighed deposits; `dari`/`sampai` filter by the day of the deposit."""

    access_rule = Rule(get="wastebank.view")
    serializer_class = DepositSerializer
    date_field = "occurred_on"

    def scoped_queryset(self, user):
        return Deposit.objects.visible_to(user).select_related("member").order_by("-occurred_on", "pk")


class WithdrawalViewSet(ScopedReadOnlyViewSet):
    """Withdrawals (cash or goods); `dari`/`sampai` filter by day."""

    access_rule = Rule(get="wastebank.view")
    serializer_class = WithdrawalSerializer
    date_field = "occurred_on"

    def scoped_queryset(self, user):
        return Withdrawal.objects.visible_to(user).select_related("member").order_by("-occurred_on", "pk")


ROUTES = [
    ("bank-sampah", BankViewSet, "waste-bank"),
    ("bank-sampah-anggota", WasteBankMemberViewSet, "waste-bank-member"),
    ("bank-sampah-setoran", DepositViewSet, "deposit"),
    ("bank-sampah-penarikan", WithdrawalViewSet, "withdrawal"),
]
