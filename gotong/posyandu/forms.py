"""Forms of the posyandu pages; the rules themselves live in services.py."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gotong.core.forms import DateInput, PastDateInput, StyledFormMixin
from gotong.core.pickers.fields import PickerField
from gotong.posyandu.access import recordable_posyandus
from gotong.posyandu.models import Measure
from gotong.registry.choices import Sex
from gotong.registry.forms import NIK_PENDING_HELP


def decimal_input(placeholder: str) -> forms.TextInput:
    # Text with a decimal keypad, so "9,5" (Indonesian) and "9.5" both work on a phone.
    return forms.TextInput(attrs={"inputmode": "decimal", "placeholder": placeholder, "autocomplete": "off"})


def mother_field() -> PickerField:
    # Optional: the service guesses her from the child's KK (services.guess_mother); the picker is for a mother who
    # lives on another family card, e.g. a baby registered in the grandparents' KK.
    return PickerField(
        label=_("Ibu (kosongkan bila ibu ada di KK anak)"),
        source="posyandu.mother",
        required=False,
        help_text=_(
            "Tanpa pilihan, Gotong memakai istri/kepala keluarga perempuan di KK anak yang berumur 15–55 tahun "
            "saat lahir."
        ),
    )


class PosyanduChoiceMixin:
    def _posyandu_field(self, user):
        # Only the posyandu the policy lets the user record in (`posyandu.record`).
        choices = recordable_posyandus(user).order_by("name")
        self.fields["posyandu"].queryset = choices
        first_two = list(choices.values_list("pk", flat=True)[:2])
        if len(first_two) == 1:
            self.fields["posyandu"].initial = first_two[0]


class ChildFromRegistryForm(PosyanduChoiceMixin, StyledFormMixin, forms.Form):
    posyandu = forms.ModelChoiceField(label=_("Posyandu"), queryset=None)
    person = PickerField(
        label=_("Anak (dari registrasi penduduk)"),
        source="posyandu.child",
        help_text=_("Balita 0–59 bulan di wilayah Anda yang belum terdaftar di posyandu."),
    )
    mother = mother_field()
    registered_on = forms.DateField(label=_("Terdaftar sejak"), initial=timezone.localdate, widget=DateInput())
    birth_weight_kg = forms.DecimalField(
        label=_("Berat lahir (kg)"),
        required=False,
        max_digits=4,
        decimal_places=2,
        localize=True,
        widget=decimal_input("mis. 3,1"),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self._posyandu_field(user)
        self.fields["person"].bind(user)
        self.fields["mother"].bind(user)


class NewChildForm(PosyanduChoiceMixin, StyledFormMixin, forms.Form):
    posyandu = forms.ModelChoiceField(label=_("Posyandu"), queryset=None)
    household = PickerField(
        label=_("Keluarga (KK)"),
        source="posyandu.household",
        help_text=_("Cari nama ayah/ibu atau anggota lain, nomor KK atau NIK."),
    )
    name = forms.CharField(label=_("Nama anak"), max_length=150)
    nik = forms.CharField(
        label=_("NIK anak"),
        max_length=20,  # a KTP's spaced NIK fits; the registry service checks the 16 digits
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    nik_pending = forms.BooleanField(label=_("NIK belum ada"), required=False, help_text=NIK_PENDING_HELP)
    sex = forms.ChoiceField(label=_("Jenis kelamin"), choices=Sex.choices)
    birth_date = forms.DateField(label=_("Tanggal lahir"), widget=PastDateInput())
    mother = mother_field()
    registered_on = forms.DateField(label=_("Terdaftar sejak"), initial=timezone.localdate, widget=DateInput())
    birth_weight_kg = forms.DecimalField(
        label=_("Berat lahir (kg)"),
        required=False,
        max_digits=4,
        decimal_places=2,
        localize=True,
        widget=decimal_input("mis. 3,1"),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self._posyandu_field(user)
        self.fields["household"].bind(user)
        self.fields["mother"].bind(user)

    def clean_nik(self):
        return self.cleaned_data["nik"].replace(" ", "").replace(".", "") or None


class SessionForm(PosyanduChoiceMixin, StyledFormMixin, forms.Form):
    posyandu = forms.ModelChoiceField(label=_("Posyandu"), queryset=None)
    held_on = forms.DateField(label=_("Tanggal hari buka"), initial=timezone.localdate, widget=DateInput())
    place = forms.CharField(label=_("Tempat"), max_length=200, required=False)
    notes = forms.CharField(label=_("Catatan"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self._posyandu_field(user)


class WeighingForm(StyledFormMixin, forms.Form):
    """Numbers come in as text so a comma works; services.record_weighing parses and checks them."""

    weight_kg = forms.CharField(label=_("Berat badan (kg)"), widget=decimal_input("mis. 9,5"))
    length_cm = forms.CharField(label=_("Panjang/tinggi badan (cm)"), required=False, widget=decimal_input("mis. 75,5"))
    measure = forms.ChoiceField(label=_("Cara ukur"), required=False, choices=Measure.choices, widget=forms.RadioSelect)
    muac_cm = forms.CharField(label=_("LiLA (cm)"), required=False, widget=decimal_input("mis. 13,5"))
    oedema = forms.BooleanField(label=_("Edema (bengkak di kedua punggung kaki)"), required=False)
    growth_card = forms.BooleanField(label=_("Membawa KMS/buku KIA"), required=False, initial=True)
    measured_on = forms.DateField(label=_("Tanggal ukur"), widget=PastDateInput())

    def __init__(self, *args, default_measure: str, measured_on: datetime.date, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["measure"].initial = default_measure
        self.fields["measured_on"].initial = measured_on
        self.fields["measure"].widget.attrs["class"] = "form-check-input"

    def service_kwargs(self) -> dict:
        return dict(self.cleaned_data)
