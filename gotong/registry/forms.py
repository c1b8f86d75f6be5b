from django import forms
from django.utils.translation import gettext_lazy as _

from gotong.areas.models import Area, Level
from gotong.core.forms import DateInput, StyledFormMixin
from gotong.core.scoping import code_overlaps, visible_area_codes
from gotong.registry.models import Dwelling, Household, Person


class HouseholdForm(StyledFormMixin, forms.ModelForm):
    """A household is placed by village code plus RW/RT numbers, as people write addresses."""

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

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["family_card_number"].widget.attrs.update(inputmode="numeric", pattern="[0-9]{16}")
        self.fields["welfare_decile"].widget.attrs.update(min=1, max=10)
        if self.instance.pk:
            area = self.instance.area
            village = area.parent.parent if area.level == Level.RT else area
            self.initial.update(village_code=village.code)
            if area.level == Level.RT:
                self.initial.update(rw=int(area.parent.code.rsplit(".", 1)[1]), rt=int(area.code.rsplit(".", 1)[1]))

    def clean_family_card_number(self):
        value = self.cleaned_data["family_card_number"].replace(" ", "")
        if not value.isdigit() or len(value) != 16:
            raise forms.ValidationError(_("Nomor KK harus 16 digit angka."))
        return value

    def clean_village_code(self):
        code = self.cleaned_data["village_code"].strip()
        village = Area.objects.filter(code=code, level=Level.VILLAGE).first()
        if village is None:
            raise forms.ValidationError(_("Kode kelurahan/desa %(code)s tidak dikenal.") % {"code": code})
        if not code_overlaps(code, visible_area_codes(self.user)):
            raise forms.ValidationError(_("Kelurahan/desa ini di luar wilayah kerja Anda."))
        return village


class PersonForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Person
        fields = ["nik", "name", "sex", "birth_date", "relationship", "education", "occupation", "disability"]
        widgets = {"birth_date": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nik"].widget.attrs.update(inputmode="numeric", autocomplete="off", maxlength=16)

    def validate_unique(self):
        # A duplicate NIK is reported by the service, with a pointer to the existing record.
        try:
            self.instance.validate_unique(exclude=self._get_validation_exclusions() | {"nik"})
        except forms.ValidationError as error:
            self._update_errors(error)

    def clean_nik(self):
        return self.cleaned_data["nik"].replace(" ", "").replace(".", "")


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
