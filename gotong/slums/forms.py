from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gotong.areas.models import Area, Level
from gotong.core.forms import DateInput, DecimalInput, StyledFormMixin, accept_decimal_comma, add_service_errors
from gotong.slums.counts import percentages_from_counts
from gotong.slums.criteria import ASPECTS, BASES, CRITERIA, CRITERIA_BY_CODE, CRITERION_CODES, basis_of, criteria_of
from gotong.slums.models import LandLegality, PopulationDensity, StrategicValue
from gotong.slums.scoring import assess


def percent_field_name(code: str) -> str:
    return f"p_{code}"


def count_field_name(code: str) -> str:
    return f"c_{code}"


class AssessmentForm(StyledFormMixin, forms.Form):
    """An assessment as KOTAKU's baseline form collects it: five wholes of the location and, per criterion, the
    count affected in the criterion's unit; the percent is computed (live in the page, and again by the service).
    Where only a percentage exists (older surveys) it can be typed instead of the count."""

    assessed_on = forms.DateField(label=_("Tanggal penilaian"), initial=timezone.localdate, widget=DateInput())
    affected_area_ha = forms.DecimalField(
        label=_("Luas kumuh tersisa (ha)"),
        max_digits=8,
        decimal_places=2,
        required=False,
        help_text=_(
            "Bagian lokasi yang masih kumuh setelah penilaian ini. Jika hasilnya Bukan kumuh, luas kumuh tersisa "
            "0 ha (boleh dikosongkan): seluruh lokasi keluar dari daftar kumuh."
        ),
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
        for basis in BASES.values():
            self.fields[basis.field] = accept_decimal_comma(
                forms.DecimalField(
                    label=basis.label if basis.unit in basis.label else f"{basis.label} ({basis.unit})",
                    max_digits=10,
                    decimal_places=2,
                    min_value=0,
                    required=False,
                )
            )
        for criterion in CRITERIA:
            count = accept_decimal_comma(
                forms.DecimalField(
                    label=_("%(code)s. Jumlah terdampak (%(unit)s)") % {"code": criterion.code, "unit": criterion.unit},
                    max_digits=12,
                    decimal_places=2,
                    required=False,
                    help_text=_("dari %(basis)s (%(unit)s)")
                    % {
                        "basis": _lowercase_first(basis_of(criterion.code).label),
                        "unit": basis_of(criterion.code).unit,
                    },
                    error_messages={
                        "invalid": _("Kriteria %(code)s: tulis jumlah sebagai angka, mis. 12.")
                        % {"code": criterion.code}
                    },
                )
            )
            count.widget.attrs.update({"data-basis": basis_of(criterion.code).field, "data-code": criterion.code})
            self.fields[count_field_name(criterion.code)] = count
            percent = accept_decimal_comma(
                forms.DecimalField(
                    label=_("%(code)s. Atau persen saja (%%)") % {"code": criterion.code},
                    max_digits=6,
                    decimal_places=2,
                    required=False,
                    error_messages={
                        "invalid": _("Kriteria %(code)s: tulis persen 0–100, mis. 37,5.") % {"code": criterion.code}
                    },
                )
            )
            percent.widget.attrs["data-percent-of"] = criterion.code
            self.fields[percent_field_name(criterion.code)] = percent
        for field in self.fields.values():  # fields added after StyledFormMixin styled the declared ones
            if "form-control" not in field.widget.attrs.get("class", "") and isinstance(field.widget, DecimalInput):
                field.widget.attrs["class"] = "form-control"

    def basis_fields(self):
        return [self[basis.field] for basis in BASES.values()]

    def aspect_groups(self):
        """Per aspect, its criteria as (criterion, basis, count field, percent field)."""
        return [
            (
                aspect,
                [
                    (c, basis_of(c.code), self[count_field_name(c.code)], self[percent_field_name(c.code)])
                    for c in criteria_of(aspect.number)
                ],
            )
            for aspect in ASPECTS
        ]

    def non_physical_fields(self):
        return [self[name] for name in ("land_legality", "strategic_value", "population_density", "potential")]

    def counts(self) -> dict:
        data = self.cleaned_data
        return {
            code: data.get(count_field_name(code))
            for code in CRITERION_CODES
            if data.get(count_field_name(code)) is not None
        }

    def bases(self) -> dict:
        return {basis.field: self.cleaned_data.get(basis.field) for basis in BASES.values()}

    def percentages(self) -> dict:
        """The percents typed for criteria without a count (a count decides its criterion's percent)."""
        data, counts = self.cleaned_data, self.counts()
        return {
            code: data[percent_field_name(code)]
            for code in CRITERION_CODES
            if code not in counts and data.get(percent_field_name(code)) is not None
        }

    def clean(self):
        cleaned = super().clean()
        typed_wrong = {name for name in self.errors}
        missing = [
            code
            for code in CRITERION_CODES
            if not {count_field_name(code), percent_field_name(code)} & typed_wrong
            and cleaned.get(count_field_name(code)) is None
            and cleaned.get(percent_field_name(code)) is None
        ]
        for code in missing:
            self.add_error(
                count_field_name(code),
                _("Kriteria %(code)s (%(name)s): isi jumlah %(unit)s, atau persennya jika hanya itu yang ada.")
                % {"code": code, "name": CRITERIA_BY_CODE[code].name, "unit": CRITERIA_BY_CODE[code].unit},
            )
        if self.errors:
            return cleaned
        try:
            counted = percentages_from_counts(counts=self.counts(), bases=self.bases(), percentages=self.percentages())
            assess(counted.percentages)
        except ValidationError as exc:
            add_service_errors(self, exc, field_for=self.service_field)
        return cleaned

    def service_field(self, key: str) -> str:
        """The input an error about `key` belongs on: a criterion's count when it was counted, else its percent."""
        if key in CRITERION_CODES:
            counted = (
                self.cleaned_data.get(count_field_name(key)) is not None if hasattr(self, "cleaned_data") else False
            )
            return count_field_name(key) if counted else percent_field_name(key)
        return key

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "assessed_on": data["assessed_on"],
            "affected_area_ha": data["affected_area_ha"],
            "is_baseline": data["is_baseline"],
            "counts": self.counts(),
            "bases": self.bases(),
            "percentages": self.percentages(),
            "non_physical": {
                name: data[name] for name in ("land_legality", "strategic_value", "population_density", "potential")
            },
        }


def _unit_label(area) -> str:
    return f"{area.parent.name} · {area.name}" if area.level == Level.RT else area.name


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
    units = forms.ModelMultipleChoiceField(
        label=_("RW/RT"),
        queryset=Area.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8, "data-units": ""}),
    )
    neighbourhood_units = forms.CharField(
        label=_("Catatan RW/RT"),
        max_length=255,
        required=False,
        help_text=_("Seperti tertulis di SK atau laporan, mis. RW 001: RT 001–003. Disimpan sebagai catatan."),
    )
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

    def __init__(self, *args, villages, village_id=None, **kwargs):
        """`village_id`: the village chosen before the form is bound (the page's `?village=`), for its units."""
        super().__init__(*args, **kwargs)
        self.fields["village"].queryset = villages
        self.fields["village"].label_from_instance = lambda area: f"{area.name} ({area.code})"
        village = self._chosen_village(villages, village_id)
        units = self.fields["units"]
        units.label_from_instance = _unit_label
        if village is None:
            units.help_text = _("Pilih kelurahan/desa dulu: daftar RW/RT-nya muncul di sini.")
            return
        units.queryset = Area.objects.filter(level__in=[Level.RW, Level.RT]).within(village.code, include_self=False)
        units.queryset = units.queryset.select_related("parent").order_by("code")
        if units.queryset.exists():
            units.help_text = _("RW/RT di %(village)s (tahan Ctrl/⌘ untuk memilih beberapa). RW berarti seluruh "
                                "RT di dalamnya.") % {"village": village.name}  # fmt: skip
        else:
            units.help_text = _("Belum ada RW/RT tercatat di %(village)s; RW/RT tercatat saat rumah tangga di sana "
                                "didaftarkan.") % {"village": village.name}  # fmt: skip

    def _chosen_village(self, villages, village_id):
        chosen = self.data.get(self.add_prefix("village")) if self.is_bound else None
        chosen = chosen or village_id or getattr(self.initial.get("village"), "pk", self.initial.get("village"))
        if chosen is None or not str(chosen).isdigit():
            return None
        return villages.filter(pk=int(chosen)).first()

    def service_kwargs(self) -> dict:
        return dict(self.cleaned_data)


def _lowercase_first(label) -> str:
    """ "Jumlah KK" reads "dari jumlah KK" mid-sentence: only the first letter drops its capital, never an acronym."""
    text = str(label)
    return text[:1].lower() + text[1:]
