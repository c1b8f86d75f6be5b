"""Registry forms. Full NIK and KK numbers appear in an edit form only where `registry.see_nik` allows; elsewhere the
field shows the masked number, and the stored number is replaced only when the user types a new one."""

from django import forms
from django.utils.translation import gettext_lazy as _

from gotong.areas.access import reach_codes
from gotong.areas.models import Area, Level
from gotong.core.area_codes import RT, RW, code_at_level, code_overlaps
from gotong.core.forms import DateInput, PastDateInput, StyledFormMixin
from gotong.registry.models import Dwelling, Household, Person
from gotong.registry.nik import mask_family_card_number, mask_nik
from gotong.registry.services import PERSON_FIELDS, WELFARE_FIELDS


def _digits(value: str) -> str:
    return value.replace(" ", "").replace(".", "")


def _unit_number(code: str, level: int) -> int:
    return int(code_at_level(code, level).rsplit(".", 1)[1])


class HouseholdForm(StyledFormMixin, forms.ModelForm):
    """A household is placed by village code plus RW/RT numbers, as people write addresses.

    `reveal_number`: the user may see this household's full KK number (`registry.see_nik`). `welfare`: the user may
    set decile, PKH and BPNT (`registry.welfare`); without it those fields are left out and keep their value.
    """

    village_code = forms.CharField(
        label=_("Kode kelurahan/desa"), max_length=13, help_text=_("Contoh: 21.72.03.1005 (Kampung Bugis)")
    )
    rw = forms.IntegerField(label=_("RW"), min_value=1, max_value=999)
    rt = forms.IntegerField(label=_("RT"), min_value=1, max_value=999)

    class Meta:
        model = Household
        fields = [
            "family_card_number",
            "address",
            "welfare_decile",
            "pkh_recipient",
            "bpnt_recipient",
            "consent_given_on",
        ]
        widgets = {"consent_given_on": DateInput()}

    def __init__(self, *args, user, reveal_number: bool = True, welfare: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        # An existing household's masked number, sent back untouched, means "keep the stored number".
        self.masked_number = mask_family_card_number(self.instance.family_card_number) if self.instance.pk else None
        if self.masked_number is not None and not reveal_number:
            self.initial["family_card_number"] = self.masked_number
        if not welfare:
            for name in WELFARE_FIELDS:
                del self.fields[name]
        self.fields["family_card_number"].widget.attrs.update(inputmode="numeric", autocomplete="off")
        if reveal_number:
            self.fields["family_card_number"].widget.attrs.update(pattern="[0-9]{16}")
        if "welfare_decile" in self.fields:
            self.fields["welfare_decile"].widget.attrs.update(min=1, max=10)
        if self.instance.pk:
            area = self.instance.area
            self.initial.update(village_code=code_at_level(area.code, 4))
            if area.level == Level.RT:
                self.initial.update(rw=_unit_number(area.code, RW), rt=_unit_number(area.code, RT))

    def validate_unique(self):
        # A KK number that is already registered is reported by the service, as far as the user may know.
        try:
            self.instance.validate_unique(exclude=self._get_validation_exclusions() | {"family_card_number"})
        except forms.ValidationError as error:
            self._update_errors(error)

    def clean_family_card_number(self):
        value = _digits(self.cleaned_data["family_card_number"])
        if self.masked_number is not None and value == self.masked_number:
            return self.instance.family_card_number  # untouched: the stored number stays
        if not value.isdigit() or len(value) != 16:
            raise forms.ValidationError(_("Nomor KK harus 16 digit angka."))
        return value

    def clean_village_code(self):
        code = self.cleaned_data["village_code"].strip()
        village = Area.objects.filter(code=code, level=Level.VILLAGE).first()
        if village is None:
            raise forms.ValidationError(_("Kode kelurahan/desa %(code)s tidak dikenal.") % {"code": code})
        # The RT itself is checked by the service (`registry.record` there); a village none of whose parts the user
        # may record in is refused here already.
        if not code_overlaps(code, reach_codes(self.user, "registry.record")):
            raise forms.ValidationError(_("Kelurahan/desa ini di luar wilayah kerja Anda."))
        return village


NIK_PENDING_HELP = _(
    "Untuk bayi/anak yang belum punya NIK. Lengkapi nanti dengan mengubah data ini: NIK diperiksa seperti biasa."
)


class PersonForm(StyledFormMixin, forms.ModelForm):
    """`reveal_nik`: the user may see this person's full NIK (`registry.see_nik`); else the field shows it masked."""

    class Meta:
        model = Person
        fields = list(PERSON_FIELDS)  # the fields save_person takes, declared once in services
        widgets = {"birth_date": PastDateInput()}

    def __init__(self, *args, reveal_nik: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        # An existing person's masked NIK, sent back untouched, means "keep the stored NIK".
        self.masked_nik = mask_nik(self.instance.nik) if self.instance.pk and self.instance.nik else None
        self.fields["nik"].required = False  # the service asks for it unless "NIK belum ada" is ticked
        self.fields["nik_pending"].help_text = NIK_PENDING_HELP
        if self.masked_nik is not None and not reveal_nik:
            self.initial["nik"] = self.masked_nik
        self.fields["nik"].widget.attrs.update(inputmode="numeric", autocomplete="off", maxlength=16)

    def validate_unique(self):
        # A duplicate NIK is reported by the service, with a pointer to the existing record where the user may see it.
        try:
            self.instance.validate_unique(exclude=self._get_validation_exclusions() | {"nik"})
        except forms.ValidationError as error:
            self._update_errors(error)

    def clean_nik(self):
        value = _digits(self.cleaned_data["nik"] or "")
        if self.masked_nik is not None and value == self.masked_nik:
            return self.instance.nik  # untouched: the stored NIK stays
        return value or None  # no NIK is NULL (unique allows many), never an empty string


class DwellingForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Dwelling
        fields = [
            "floor_area_m2",
            "occupants",
            "roof",
            "wall",
            "floor",
            "structure",
            "has_own_latrine",
            "has_safe_water",
            "has_electricity",
            "has_window_ventilation",
        ]
