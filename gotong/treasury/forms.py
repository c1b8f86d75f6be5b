"""Treasury forms. Each carries a hidden idempotency key made when the form is first drawn, so a double submit
(or a retry after a lost response) records once."""

import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gotong.core.forms import PastDateInput, RupiahField, StyledFormMixin
from gotong.core.pickers.fields import PickerField
from gotong.core.validation import not_in_future
from gotong.organizations.choices import PARTNER_KINDS
from gotong.organizations.models import Organization
from gotong.registry.models import Person
from gotong.treasury.models import RATE_LIMITS, Category, LoanProduct, Member, Method, RatePeriod, SavingsKind


class KeyedForm(StyledFormMixin, forms.Form):
    idempotency_key = forms.CharField(widget=forms.HiddenInput, max_length=80)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("idempotency_key", str(uuid.uuid4()))

    def clean_occurred_on(self):
        return _not_future(self.cleaned_data.get("occurred_on"))


def _not_future(day):
    """The services' date rule (`gotong.core.validation.not_in_future`), told on the form's field at once."""
    try:
        not_in_future(day, "day")
    except ValidationError as exc:
        raise ValidationError(exc.message_dict["day"]) from None
    return day


def _today():
    return timezone.localdate()


class CashEntryForm(KeyedForm):
    occurred_on = forms.DateField(label=_("Tanggal"), widget=PastDateInput(), initial=_today)
    category = forms.ModelChoiceField(label=_("Kategori"), queryset=Category.objects.none())
    amount = RupiahField(label=_("Jumlah (Rp)"), help_text=_("Untuk bantuan barang: taksiran nilainya."))
    description = forms.CharField(label=_("Uraian"), max_length=255)
    in_kind = forms.BooleanField(
        label=_("Berupa barang (natura)"),
        required=False,
        help_text=_("Pemasukan: barang dari mitra. Pengeluaran: barang bantuan yang dibagikan."),
    )
    partner = forms.ModelChoiceField(label=_("Mitra pemberi"), queryset=Organization.objects.none(), required=False)

    def __init__(self, *args, organization, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = Category.objects.filter(organization=organization)
        self.fields["category"].label_from_instance = lambda c: f"{c.get_direction_display()}: {c.name}"
        self.fields["partner"].queryset = Organization.objects.filter(kind__in=PARTNER_KINDS)


class MemberForm(KeyedForm):
    person = PickerField(label=_("Penduduk"), source="treasury.member")
    joined_on = forms.DateField(label=_("Tanggal masuk"), widget=PastDateInput(), initial=_today)

    def __init__(self, *args, user, organization, **kwargs):
        super().__init__(*args, **kwargs)
        # Residents of the organisation's area the user may see, not yet members (what the search offers).
        field = self.fields["person"]
        field.bind(user, organization=organization.pk)
        # A replay of this form names the person its first send made a member: accept them, so the page shows
        # their record instead of "not found" (the service returns the existing member).
        members = Member.objects.filter(organization=organization).values("person_id")
        field.queryset = field.widget.queryset = Person.objects.visible_to(user).filter(
            Q(pk__in=field.queryset.values("pk")) | Q(pk__in=members)
        )

    def clean_joined_on(self):
        return _not_future(self.cleaned_data.get("joined_on"))


class SavingsForm(KeyedForm):
    occurred_on = forms.DateField(label=_("Tanggal"), widget=PastDateInput(), initial=_today)
    kind = forms.ChoiceField(label=_("Jenis simpanan"), choices=SavingsKind.choices)
    withdrawal = forms.TypedChoiceField(
        label=_("Transaksi"),
        choices=[("0", _("Setoran")), ("1", _("Penarikan"))],
        coerce=lambda value: value == "1",
        initial="0",
    )
    amount = RupiahField(label=_("Jumlah (Rp)"))


class ProductForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = LoanProduct
        fields = ["name", "rate", "rate_period", "method", "max_term_months", "max_amount", "admin_fee"]
        help_texts = {"rate": _("Seperti dinyatakan pemberi pinjaman, mis. 1,5 (per bulan) atau 10 (per tahun).")}

    max_amount = RupiahField(label=_("Plafon maksimal (Rp)"))
    admin_fee = RupiahField(label=_("Biaya administrasi (Rp)"), min_value=0, initial=0)
    method = forms.ChoiceField(label=_("Metode bunga"), choices=Method.choices)

    def clean(self):
        cleaned = super().clean()
        rate, period = cleaned.get("rate"), cleaned.get("rate_period")
        limit = RATE_LIMITS.get(period)
        if rate is not None and limit is not None and not 0 <= rate <= limit:
            message = _("Bunga %(period)s harus 0 sampai %(max)s %%.")
            self.add_error("rate", message % {"period": RatePeriod(period).label, "max": limit})
        return cleaned


class LoanForm(KeyedForm):
    product = forms.ModelChoiceField(label=_("Produk pinjaman"), queryset=LoanProduct.objects.none())
    member = forms.ModelChoiceField(label=_("Anggota"), queryset=None)
    principal = RupiahField(label=_("Pokok pinjaman (Rp)"))
    term_months = forms.IntegerField(label=_("Jangka waktu (bulan)"), min_value=1, max_value=120)
    disbursed_on = forms.DateField(label=_("Tanggal pencairan"), widget=PastDateInput(), initial=_today)
    purpose = forms.CharField(label=_("Keperluan"), max_length=200, required=False)

    def __init__(self, *args, organization, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["product"].queryset = LoanProduct.objects.filter(organization=organization, is_active=True)
        self.fields["member"].queryset = members

    def clean_disbursed_on(self):
        return _not_future(self.cleaned_data.get("disbursed_on"))


class RepaymentForm(KeyedForm):
    paid_on = forms.DateField(label=_("Tanggal bayar"), widget=PastDateInput(), initial=_today)
    amount = RupiahField(label=_("Jumlah dibayar (Rp)"), help_text=_("Boleh sebagian; dibayarkan ke bunga dulu."))

    def clean_paid_on(self):
        return _not_future(self.cleaned_data.get("paid_on"))


class CancelForm(StyledFormMixin, forms.Form):
    reason = forms.CharField(label=_("Alasan pembatalan"), max_length=255, help_text=_("Mis. salah ketik jumlah."))


class MonthCloseForm(KeyedForm):
    """The treasurer's count of the cash box at the end of the month being closed (the month is fixed by order)."""

    counted_cash = RupiahField(
        label=_("Kas dihitung (Rp)"),
        min_value=0,
        help_text=_("Jumlah uang tunai yang benar-benar ada di kas pada akhir bulan."),
    )
    explanation = forms.CharField(
        label=_("Penjelasan selisih"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Wajib diisi bila kas dihitung berbeda dari kas menurut buku."),
    )
