"""The slum-location list as one function the page and its XLSX/CSV export both call."""

from django.utils.translation import gettext_lazy as _

from gotong.core.listing import filter_wilayah
from gotong.exports.specs import DATE, DECIMAL, Column, ListExport, register
from gotong.slums import services
from gotong.slums.models import SlumLocation


def location_rows(user, filters) -> list[dict]:
    """Each visible location with its baseline and its current (latest, else baseline) assessment."""
    locations = filter_wilayah(SlumLocation.objects.visible_to(user), filters)
    rows = []
    for location in locations.select_related("village__parent").prefetch_related("assessments"):
        baseline, latest = services.pick_baseline_and_latest(location.assessments.all())
        rows.append({"location": location, "baseline": baseline, "current": latest or baseline})
    return rows


def _current(attribute):
    return lambda row: getattr(row["current"], attribute) if row["current"] else None


register(
    ListExport(
        key="slums.locations",
        title=_("Lokasi kumuh"),
        filename="lokasi-kumuh",
        rows=location_rows,
        columns=[
            Column(_("Lokasi"), lambda r: r["location"].name),
            Column(_("Kelurahan"), lambda r: r["location"].village.name),
            Column(_("Kecamatan"), lambda r: r["location"].village.parent.name),
            Column(_("Kode wilayah"), lambda r: r["location"].area_code),
            Column(_("SK"), lambda r: r["location"].decree_number),
            Column(_("Luas SK (ha)"), lambda r: r["location"].area_ha, DECIMAL),
            Column(
                _("Tingkat terakhir"),
                lambda r: r["current"].get_slum_class_display() if r["current"] else _("Belum dinilai"),
            ),
            Column(_("Tanggal penilaian"), _current("assessed_on"), DATE),
            Column(_("Kumuh tersisa (ha)"), _current("affected_area_ha"), DECIMAL),
        ],
    )
)
