"""Forms of the waste bank. Each posting form carries a hidden request key made when the form is first shown,
so a double submit (or a phone retrying) records once. Weights are typed in kg ("2,35" or "2.35") and stored
as grams; rupiah amounts accept "50000" and "50.000"."""

import uuid
from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gotong.core.forms import DateInput, RupiahField, StyledFormMixin
from gotong.core.numbers import parse_decimal
from gotong.core.pickers.fields import PickerField
from gotong.wastebank.models import Member, WasteCategory, WithdrawalKind


class KgField(forms.CharField):
    """A weight in kg with up to three decimals, comma or point; cleaned to whole grams."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "decimal", "placeholder": "0,00", "autocomplete": "off"})

    def clean(self, value):
        text = (super().clean(value) or "").strip().replace(" ", "")
        if not text:
            return None
        if text.count(",") + text.count(".") > 1:
            raise forms.ValidationError(_("Tulis berat seperti 2,35 (satu tanda desimal, tanpa titik ribuan)."))
        try:
            # "2,35" or "2.35"; weighed to the gram, so "1.250" is 1,25 kg, not 1250 (see core/numbers.py)
            kg = parse_decimal(text, thousands=False)
        except forms.ValidationError:
            raise forms.ValidationError(_("Berat harus angka dalam kg, mis. 2,35.")) from None
        if kg < 0:
            raise forms.ValidationError(_("Berat tidak boleh negatif."))
        if kg != kg.quantize(Decimal("0.001")):
            raise forms.ValidationError(_("Berat paling teliti 3 angka di belakang koma (gram)."))
        if kg > 2000:
            raise forms.ValidationError(_("Berat lebih dari 2 ton; periksa lagi timbangannya."))
        grams = int(kg * 1000)
        return grams or None


class RequestKeyMixin(forms.Form):
    request_key = forms.CharField(widget=forms.HiddenInput, max_length=80)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("request_key", uuid.uuid4().hex)


def _member_label(member: Member) -> str:
    return f"{member.number} · {member.person.name}"


class MemberChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return _member_label(obj)


def _date_field(label=None):
    return forms.DateField(label=label or _("Tanggal"), initial=timezone.localdate, widget=DateInput())


class DepositForm(StyledFormMixin, RequestKeyMixin):
    """Member and date, then one kg box per active category (like the bank's weighing sheet)."""

    member = MemberChoiceField(label=_("Anggota"), queryset=Member.objects.none())
    occurred_on = _date_field()

    def __init__(self, *args, bank, **kwargs):
        super().__init__(*args, **kwargs)
        self.bank = bank
        self.fields["member"].queryset = Member.objects.filter(bank=bank, is_active=True).select_related("person")
        self.fields["occurred_on"].widget.attrs["max"] = timezone.localdate().isoformat()
        self.categories = list(WasteCategory.objects.filter(bank=bank, is_active=True))
        for category in self.categories:
            self.fields[f"kg_{category.pk}"] = KgField(label=_("%(name)s (kg)") % {"name": category.name})
            self.fields[f"kg_{category.pk}"].widget.attrs["class"] = "form-control"

    def line_fields(self):
        return [self[f"kg_{c.pk}"] for c in self.categories]

    def clean(self):
        data = super().clean()
        self.lines = [(c, data[f"kg_{c.pk}"]) for c in self.categories if data.get(f"kg_{c.pk}")]
        if not self.errors and not self.lines:
            raise forms.ValidationError(_("Isi berat sedikitnya satu jenis sampah."))
        return data


class SaleForm(StyledFormMixin, RequestKeyMixin):
    buyer = forms.CharField(label=_("Pembeli (pengepul)"), max_length=150)
    occurred_on = _date_field()

    def __init__(self, *args, bank, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["occurred_on"].widget.attrs["max"] = timezone.localdate().isoformat()
        self.categories = list(WasteCategory.objects.filter(bank=bank, is_active=True))
        for category in self.categories:
            self.fields[f"kg_{category.pk}"] = KgField(label=_("%(name)s (kg)") % {"name": category.name})
            self.fields[f"price_{category.pk}"] = RupiahField(label=_("Harga jual per kg"), required=False)
            for name in (f"kg_{category.pk}", f"price_{category.pk}"):
                self.fields[name].widget.attrs["class"] = "form-control"

    def line_pairs(self):
        return [(c, self[f"kg_{c.pk}"], self[f"price_{c.pk}"]) for c in self.categories]

    def clean(self):
        data = super().clean()
        self.lines = []
        for c in self.categories:
            grams, price = data.get(f"kg_{c.pk}"), data.get(f"price_{c.pk}")
            if grams and not price:
                self.add_error(f"price_{c.pk}", _("Isi harga jual %(name)s.") % {"name": c.name})
            elif grams:
                self.lines.append((c, grams, price))
        if not self.errors and not self.lines:
            raise forms.ValidationError(_("Isi berat dan harga sedikitnya satu jenis sampah."))
        return data


class WithdrawalForm(StyledFormMixin, RequestKeyMixin):
    member = MemberChoiceField(label=_("Anggota"), queryset=Member.objects.none())
    occurred_on = _date_field()
    kind = forms.ChoiceField(label=_("Bentuk"), choices=WithdrawalKind.choices, initial=WithdrawalKind.CASH)
    amount = RupiahField(label=_("Jumlah (Rp)"))
    goods = forms.CharField(
        label=_("Barang yang diberikan"), required=False, max_length=200,
        help_text=_("Untuk penarikan berupa sembako, mis. beras 5 kg dan minyak goreng 2 liter."),
    )  # fmt: skip

    def __init__(self, *args, bank, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = Member.objects.filter(bank=bank, is_active=True).select_related("person")
        self.fields["occurred_on"].widget.attrs["max"] = timezone.localdate().isoformat()


class CashInForm(StyledFormMixin, RequestKeyMixin):
    source = forms.CharField(
        label=_("Sumber dana"), max_length=150, help_text=_("Mis. modal awal, hibah kelurahan, CSR.")
    )
    amount = RupiahField(label=_("Jumlah (Rp)"))
    occurred_on = _date_field()


class CancelForm(StyledFormMixin, RequestKeyMixin):
    reason = forms.CharField(label=_("Alasan pembatalan"), max_length=200)


class CategoryForm(StyledFormMixin, forms.Form):
    name = forms.CharField(label=_("Jenis sampah"), max_length=80)
    price_per_kg = RupiahField(label=_("Harga beli per kg (Rp)"))
    valid_from = _date_field(_("Berlaku mulai"))
    description = forms.CharField(label=_("Keterangan"), max_length=200, required=False)


class PriceForm(StyledFormMixin, forms.Form):
    category = forms.ModelChoiceField(label=_("Jenis sampah"), queryset=WasteCategory.objects.none())
    price_per_kg = RupiahField(label=_("Harga beli per kg (Rp)"))
    valid_from = _date_field(_("Berlaku mulai"))

    def __init__(self, *args, bank, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = WasteCategory.objects.filter(bank=bank)


class MemberForm(StyledFormMixin, forms.Form):
    person = PickerField(label=_("Penduduk"), source="wastebank.member")
    joined_on = _date_field(_("Tanggal bergabung"))

    def __init__(self, *args, user, bank, **kwargs):
        super().__init__(*args, **kwargs)
        # People of the bank's kecamatan the user may see, not yet members.
        self.fields["person"].bind(user, bank=bank.pk)
