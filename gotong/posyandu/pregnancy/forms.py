"""Forms of the pregnant-women pages; the rules live in pregnancy/services.py (numbers come in as text)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gotong.core.forms import DateInput, StyledFormMixin
from gotong.core.pickers.fields import PickerField
from gotong.posyandu.forms import PosyanduChoiceMixin, decimal_input
from gotong.posyandu.models import Outcome
from gotong.posyandu.models.pregnancy import VisitPlace
from gotong.registry.choices import Relationship, Sex
from gotong.registry.forms import NIK_PENDING_HELP


def _number(label, placeholder, required=False):
    return forms.CharField(label=label, required=required, widget=decimal_input(placeholder))


def _whole(label, required=False):
    return forms.CharField(
        label=label,
        required=required,
        max_length=4,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )


class _PregnancyDetails(forms.Form):
    lmp = forms.DateField(
        label=_("HPHT (hari pertama haid terakhir)"),
        widget=DateInput(),
        help_text=_("Gotong menghitung hari perkiraan lahir (HPL) dan umur kehamilan dari tanggal ini."),
    )
    registered_on = forms.DateField(label=_("Terdaftar sejak"), initial=timezone.localdate, widget=DateInput())
    gravida = _whole(_("Kehamilan ke- (G)"))
    para = _whole(_("Jumlah persalinan sebelumnya (P)"))
    abortus = _whole(_("Jumlah keguguran sebelumnya (A)"))
    last_birth_on = forms.DateField(label=_("Tanggal persalinan terakhir"), required=False, widget=DateInput())


class PregnancyFromRegistryForm(PosyanduChoiceMixin, StyledFormMixin, _PregnancyDetails):
    posyandu = forms.ModelChoiceField(label=_("Posyandu"), queryset=None)
    person = PickerField(
        label=_("Ibu hamil (dari registrasi penduduk)"),
        source="posyandu.pregnant",
        help_text=_("Perempuan 10–55 tahun di wilayah Anda; cari nama, NIK atau nomor KK."),
    )
    field_order = ["posyandu", "person"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self._posyandu_field(user)
        self.fields["person"].bind(user)


class PregnancyNewResidentForm(PosyanduChoiceMixin, StyledFormMixin, _PregnancyDetails):
    posyandu = forms.ModelChoiceField(label=_("Posyandu"), queryset=None)
    household = PickerField(
        label=_("Keluarga (KK)"),
        source="posyandu.household",
        help_text=_("Cari nama suami atau anggota lain, nomor KK atau NIK."),
    )
    name = forms.CharField(label=_("Nama ibu"), max_length=150)
    nik = forms.CharField(
        label=_("NIK ibu"), max_length=20, widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"})
    )
    birth_date = forms.DateField(label=_("Tanggal lahir"), widget=DateInput())
    relationship = forms.ChoiceField(
        label=_("Hubungan dalam KK"),
        choices=[(value, label) for value, label in Relationship.choices if value != Relationship.HEAD],
        initial=Relationship.SPOUSE,
    )
    field_order = ["posyandu", "household", "name", "nik", "birth_date", "relationship"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self._posyandu_field(user)
        self.fields["household"].bind(user)

    def clean_nik(self):
        return self.cleaned_data["nik"].replace(" ", "").replace(".", "")


class AncVisitForm(StyledFormMixin, forms.Form):
    visited_on = forms.DateField(label=_("Tanggal periksa"), initial=timezone.localdate, widget=DateInput())
    place = forms.ChoiceField(label=_("Tempat periksa"), choices=VisitPlace.choices, initial=VisitPlace.POSYANDU)
    provider = forms.CharField(label=_("Pemeriksa (bidan/dokter)"), max_length=150, required=False)
    weight_kg = _number(_("Berat badan (kg)"), "mis. 55,5")
    muac_cm = _number(_("LiLA (cm)"), "mis. 24,5")
    hb_g_dl = _number(_("Hb (g/dL)"), "mis. 11,2")
    systolic = _whole(_("Tekanan darah sistolik (mmHg)"))
    diastolic = _whole(_("Tekanan darah diastolik (mmHg)"))
    iron_tablets = _whole(_("Tablet tambah darah (TTD) diberikan"))
    notes = forms.CharField(label=_("Catatan"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class BirthForm(StyledFormMixin, forms.Form):
    name = forms.CharField(label=_("Nama bayi"), max_length=150)
    sex = forms.ChoiceField(label=_("Jenis kelamin"), choices=Sex.choices)
    birth_date = forms.DateField(label=_("Tanggal lahir"), initial=timezone.localdate, widget=DateInput())
    birth_weight_kg = _number(_("Berat lahir (kg)"), "mis. 3,1")
    nik = forms.CharField(
        label=_("NIK bayi"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        help_text=NIK_PENDING_HELP,
    )

    def clean_nik(self):
        return self.cleaned_data["nik"].replace(" ", "").replace(".", "") or None


class OtherOutcomeForm(StyledFormMixin, forms.Form):
    outcome = forms.ChoiceField(
        label=_("Hasil kehamilan"),
        choices=[(v, label) for v, label in Outcome.choices if v not in (Outcome.ONGOING, Outcome.LIVE_BIRTH)],
    )
    ended_on = forms.DateField(label=_("Tanggal"), initial=timezone.localdate, widget=DateInput())
    notes = forms.CharField(label=_("Catatan"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
