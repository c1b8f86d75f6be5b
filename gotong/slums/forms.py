from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gotong.core.forms import DateInput, StyledFormMixin, add_service_errors
from gotong.slums.criteria import ASPECTS, CRITERIA, CRITERION_CODES, criteria_of
from gotong.slums.models import LandLegality, PopulationDensity, StrategicValue
from gotong.slums.scoring import assess


def percent_field_name(code: str) -> str:
    return f"p_{code}"


class AssessmentForm(StyledFormMixin, forms.Form):
    """16 percent inputs (no range limits here: `assess()` checks them, with the criterion's name)."""

    assessed_on = forms.DateField(label=_("Tanggal penilaian"), initial=timezone.localdate, widget=DateInput())
    affected_area_ha = forms.DecimalField(
        label=_("Luas kumuh tersisa (ha)"),
        max_digits=8,
        decimal_places=2,
        help_text=_("Bagian lokasi yang masih kumuh setelah penilaian ini."),
    )
    is_baseline = forms.BooleanField(label=_("Ini data awal (baseline)"), required=False)
    land_legality = forms.ChoiceField(
        label=_("Legalitas lahan"), required=False, choices=[("", "—")] + LandLegality.choices
    )
    strategic_value = forms.ChoiceField(
        label=_("Nilai strategis lokasi"), required=False, choices=[("", "—")] + StrategicValue.choices
    )
    population_density = forms.ChoiceField(
        label=_("Kepadatan penduduk"), required=False, choices=[("", "—")] + PopulationDensity.choices
    )
    potential = forms.CharField(
        label=_("Potensi sosial, ekonomi dan budaya"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for criterion in CRITERIA:
            field = forms.DecimalField(
                label=f"{criterion.code}. {criterion.name}",
                max_digits=6,
                decimal_places=2,
                help_text=_("%% terdampak, dihitung dari jumlah %(unit)s") % {"unit": criterion.unit},
                error_messages={
                    "required": _("Isi persen untuk kriteria %(code)s.") % {"code": criterion.code},
                    "invalid": _("Kriteria %(code)s: masukkan angka 0–100.") % {"code": criterion.code},
                },
                widget=forms.NumberInput(attrs={"step": "0.01", "inputmode": "decimal"}),
            )
            field.widget.attrs["class"] = "form-control"
            self.fields[percent_field_name(criterion.code)] = field

    def aspect_groups(self):
        return [(aspect, [self[percent_field_name(c.code)] for c in criteria_of(aspect.number)]) for aspect in ASPECTS]

    def non_physical_fields(self):
        return [self[name] for name in ("land_legality", "strategic_value", "population_density", "potential")]

    def percentages(self) -> dict:
        return {code: self.cleaned_data[percent_field_name(code)] for code in CRITERION_CODES}

    def clean(self):
        cleaned = super().clean()
        if all(cleaned.get(percent_field_name(code)) is not None for code in CRITERION_CODES):
            try:
                assess(self.percentages())
            except ValidationError as exc:
                add_service_errors(self, exc, field_for=service_field)
        return cleaned

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "assessed_on": data["assessed_on"],
            "affected_area_ha": data["affected_area_ha"],
            "is_baseline": data["is_baseline"],
            "percentages": self.percentages(),
            "non_physical": {
                name: data[name] for name in ("land_legality", "strategic_value", "population_density", "potential")
            },
        }


def service_field(key: str) -> str:
    """The form field a service's or `assess()`'s error key belongs on: a criterion code is its percent input."""
    return percent_field_name(key) if key in CRITERION_CODES else key


class LocationForm(StyledFormMixin, forms.Form):
    """A slum location as the decree names it, with an optional map point and boundary."""

    name = forms.CharField(label=_("Nama lokasi"), max_length=150)
    village = forms.ModelChoiceField(label=_("Kelurahan/desa"), queryset=None)
    decree_number = forms.CharField(label=_("Nomor SK"), max_length=100)
    decree_date = forms.DateField(label=_("Tanggal SK"), required=False, widget=DateInput())
    decree_authority = forms.CharField(
        label=_("Penerbit SK"), max_length=150, help_text=_("Mis. Walikota Tanjungpinang")
    )
    area_ha = forms.DecimalField(
        label=_("Luas menurut SK (ha)"),
        max_digits=8,
        decimal_places=2,
        error_messages={"invalid": _("Masukkan luas dalam hektar, mis. 18,92.")},
    )
    neighbourhood_units = forms.CharField(label=_("RW/RT"), max_length=255, required=False)
    latitude = forms.DecimalField(
        label=_("Lintang"), max_digits=9, decimal_places=6, required=False, help_text=_("Mis. 0,9278 (utara positif)")
    )
    longitude = forms.DecimalField(
        label=_("Bujur"), max_digits=9, decimal_places=6, required=False, help_text=_("Mis. 104,4512")
    )
    boundary_geojson = forms.CharField(
        label=_("Batas (GeoJSON)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Opsional: Polygon atau MultiPolygon GeoJSON."),
    )

    def __init__(self, *args, villages, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["village"].queryset = villages
        self.fields["village"].label_from_instance = lambda area: f"{area.name} ({area.code})"

    def service_kwargs(self) -> dict:
        return dict(self.cleaned_data)
