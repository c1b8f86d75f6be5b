"""The city report / village profile as PDF: the same figures and the same chart PNGs as the page."""

from decimal import Decimal

from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils import formats
from django.utils.translation import gettext as _

from gotong.core.money import format_rupiah
from gotong.core.pdf import ReportPDF


def show(value) -> str:
    """A number as the page shows it (Indonesian grouping and decimal comma); a dash when unknown."""
    if value is None:
        return "—"
    if isinstance(value, Decimal):
        return formats.localize(value, use_l10n=True)
    if isinstance(value, int):
        return intcomma(value)
    return str(value)


def percent(value) -> str:
    return "—" if value is None else f"{show(value)} %"


def area_report(data: dict) -> ReportPDF:
    area, figures, charts = data["area"], data["figures"], data["charts"]
    subtitle = _("Kode wilayah %(code)s · data per %(day)s · hanya data dalam lingkup pengguna") % {
        "code": area.code,
        "day": formats.date_format(data["today"], "j M Y"),
    }
    pdf = ReportPDF(data["title"], subtitle)
    registry = figures["registry"]
    pdf.heading(_("Rumah tangga dan penduduk"))
    pdf.key_values(
        [
            (_("Rumah tangga"), show(registry["households"])),
            (_("Penduduk"), show(registry["persons"])),
            (_("Tanpa desil"), show(registry["without_decile"])),
        ]
    )
    pdf.data_table(
        [_("Desil"), _("Rumah tangga")],
        [[row["decile"], show(row["count"])] for row in registry["deciles"]],
        col_widths=(30, 40),
        align_right={1},
    )
    _chart(pdf, charts, "deciles")
    if slums := figures["slums"]:
        pdf.heading(_("Permukiman kumuh"))
        pdf.key_values(
            [
                (_("Lokasi kumuh"), show(slums["locations"])),
                (_("Luas SK (ha)"), show(slums["decree_ha"])),
                (_("Kumuh awal (ha)"), show(slums["baseline_ha"])),
                (_("Kumuh terakhir (ha)"), show(slums["latest_ha"])),
                (_("Berkurang"), percent(slums["reduced_percent"])),
                *[(row["label"] or _("Belum dinilai"), show(row["count"])) for row in slums["classes"]],
            ]
        )
        _chart(pdf, charts, "slums")
    if collaboration := figures["collaboration"]:
        pdf.heading(_("Kegiatan, anggaran dan komitmen"))
        pdf.key_values(
            [
                (_("Kegiatan"), show(collaboration["projects"])),
                (_("Anggaran (Rp)"), show(collaboration["budget_total"])),
                *[(row["label"], format_rupiah(row["amount"])) for row in collaboration["budgets"]],
                (_("Komitmen tepat waktu"), percent(collaboration["kept_rate"])),
                (_("Komitmen terlambat"), show(collaboration["overdue"])),
            ]
        )
        _chart(pdf, charts, "budget")
    if activities := figures["activities"]:
        pdf.heading(_("Gotong royong %(year)s") % {"year": activities["year"]})
        pdf.key_values(
            [
                (_("Kegiatan"), show(activities["events"])),
                (_("Kehadiran"), show(activities["attendances"])),
                (_("Jam kerja"), show(activities["hours"])),
                (_("Warga dewasa ikut"), f"{show(activities['adults_took_part'])} / {show(activities['adults'])}"),
                (_("Partisipasi"), percent(activities["participation"])),
            ]
        )
    if wastebank := figures["wastebank"]:
        pdf.heading(_("Bank sampah %(year)s") % {"year": wastebank["year"]})
        pdf.key_values(
            [
                (_("Bank sampah"), show(wastebank["banks"])),
                (_("Setoran"), show(wastebank["deposits"])),
                (_("Sampah terkumpul (kg)"), show(wastebank["kg"])),
            ]
        )
        _chart(pdf, charts, "waste")
    if posyandu := figures["posyandu"]:
        pdf.heading(_("Posyandu, %(month)s") % {"month": formats.date_format(posyandu["month"], "F Y")})
        pdf.key_values(
            [
                ("S", show(posyandu["s"])),
                ("D", show(posyandu["d"])),
                ("N", show(posyandu["n"])),
                ("D/S", percent(posyandu["d_s"])),
                ("N/D", percent(posyandu["n_d"])),
                (_("Stunting (TB/U < −2)"), percent(posyandu["stunting_rate"])),
            ]
        )
        _chart(pdf, charts, "skdn")
    if casework := figures["casework"]:
        pdf.heading(_("Pendampingan kasus"))
        pdf.key_values(
            [
                (_("Kasus terbuka"), show(casework["open"])),
                (_("Kunjungan terlambat"), show(casework["overdue_visits"])),
                (_("Kasus dengan kunjungan terlambat"), show(casework["cases_overdue"])),
            ]
        )
    _new_sections(pdf, figures)
    return pdf


def public_report(data: dict) -> ReportPDF:
    """The PDF of a figures-only user's page: the public figures (counts of people suppressed as on the portal)."""
    area, population = data["area"], data["population"]
    subtitle = _("Kode wilayah %(code)s · data per %(day)s · angka gabungan, jumlah kecil disamarkan") % {
        "code": area.code,
        "day": formats.date_format(data["today"], "j M Y"),
    }
    pdf = ReportPDF(data["title"], subtitle)
    pdf.heading(_("Rumah tangga dan penduduk"))
    pdf.key_values([(_("Rumah tangga"), str(population["households"])), (_("Penduduk"), str(population["persons"]))])
    if population["deciles"]:
        pdf.data_table(
            [_("Desil"), _("Rumah tangga")],
            [
                [data["unknown_decile_label"] if decile == "none" else decile, str(cell)]
                for decile, cell in population["deciles"].items()
            ],
            col_widths=(40, 40),
            align_right={1},
        )
    if totals := data["slums"]["totals"]:
        pdf.heading(_("Permukiman kumuh"))
        pdf.key_values(
            [
                (_("Lokasi kumuh"), show(len(data["slums"]["rows"]))),
                (_("Luas SK (ha)"), show(totals["decree"])),
                (_("Kumuh awal (ha)"), show(totals["baseline"])),
                (_("Kumuh terakhir (ha)"), show(totals["latest"])),
            ]
        )
    if data["projects"]["by_source"]:
        pdf.heading(_("Kegiatan dan anggaran"))
        pdf.key_values(
            [
                *[(str(row["source"]), format_rupiah(row["total"])) for row in data["projects"]["by_source"]],
                (_("Anggaran (Rp)"), format_rupiah(data["projects"]["total"])),
            ]
        )
    _new_sections(pdf, {"socialcapital": data["socialcapital"]})
    return pdf


def _new_sections(pdf: ReportPDF, figures: dict) -> None:
    if treasury := figures.get("treasury"):
        pdf.heading(_("Kas komunitas %(year)s") % {"year": treasury["year"]})
        pdf.key_values(
            [
                (_("Kas komunitas"), show(treasury["treasuries"])),
                (_("Pemasukan (Rp)"), show(treasury["income"])),
                (_("Di antaranya bantuan barang (Rp)"), show(treasury["in_kind"])),
                (_("Pengeluaran (Rp)"), show(treasury["expense"])),
                (_("Anggota simpan pinjam"), show(treasury["members"])),
                (_("Pinjaman"), show(treasury["loans"])),
            ]
        )
    if programs := figures.get("programs"):
        pdf.heading(_("Program pemberdayaan"))
        pdf.key_values(
            [
                (_("Program"), show(programs["programs"])),
                (_("Peserta"), show(programs["participants"])),
                (_("Selesai"), show(programs["completed"])),
                (_("Bersertifikat"), show(programs["certified"])),
                (_("Memulai usaha"), show(programs["started_business"])),
            ]
        )
    if social := figures.get("socialcapital"):
        pdf.heading(_("Modal sosial: %(round)s") % {"round": social["round"]})
        pdf.key_values(
            [
                (_("Rumah tangga disurvei"), show(social["households"])),
                (_("Skor keseluruhan (0–100)"), show(social["overall"])),
                *[(str(row["label"]), show(row["score"])) for row in social["dimensions"]],
            ]
        )


def _chart(pdf: ReportPDF, charts: dict, name: str) -> None:
    if name in charts:
        pdf.chart(charts[name], width=140)
