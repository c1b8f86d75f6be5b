"""Printable outputs: the child's growth card (PDF) and the monthly SKDN report (PDF and XLSX)."""

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from gotong.core.pdf import ReportPDF, pdf_response
from gotong.core.tabular import xlsx_response
from gotong.posyandu import charts, classification, growth, skdn


def _z(value) -> str:
    return "—" if value is None else number_format(value, 2)


def _pct(value) -> str:
    return "—" if value is None else f"{number_format(value, 1)}%"


def child_card(child):
    weighings = list(child.weighings.order_by("month"))
    subtitle = " · ".join(part for part in (child.posyandu.name, child.posyandu.address) if part)
    pdf = ReportPDF(_("Kartu pertumbuhan balita"), subtitle)
    pdf.key_values(
        [
            (_("Nama"), child.person.name),
            (_("Jenis kelamin"), child.person.get_sex_display()),
            (_("Tanggal lahir"), date_format(child.person.birth_date, "j F Y")),
            (_("Ibu"), child.mother.name if child.mother else "—"),
            (_("Berat lahir"), f"{number_format(child.birth_weight_kg, 2)} kg" if child.birth_weight_kg else "—"),
        ]
    )
    pdf.chart(charts.weight_for_age_png(child, weighings), width=170)
    pdf.heading(_("Riwayat penimbangan"))
    headers = [_("Bulan"), _("Umur (bln)"), _("BB (kg)"), _("PB/TB (cm)"), _("N/T"), "BB/U", "TB/U", "BB/TB", "IMT/U"]
    rows = []
    for w in weighings:
        rows.append(
            [
                date_format(w.month, "M Y"),
                growth.age_in_months(w.age_days),
                number_format(w.weight_kg, 2),
                number_format(w.length_cm, 1) if w.length_cm is not None else "—",
                w.trend + (" (2T)" if w.two_t else "") + (" BGM" if w.bgm else ""),
                _z(w.waz),
                _z(w.haz),
                _z(w.whz),
                _z(w.baz),
            ]
        )
    pdf.data_table(headers, rows, align_right={1, 2, 3, 5, 6, 7, 8})
    if weighings:
        last = weighings[-1]
        pdf.heading(_("Status gizi terakhir (Permenkes 2/2020)"))
        pdf.key_values(
            [
                (classification.INDICATOR_LABELS[n], classification.label(n, getattr(last, f"{n}_class") or None))
                for n in growth.INDICATORS
            ]
        )
    return pdf_response(pdf, f"kartu-{child.public_id}.pdf")


HEADERS = ("S", "K", "D", "N", "T", "2T", "O", "B", "BGM", "K/S %", "D/S %", "N/D %")


def _values(row) -> list:
    return [row.s, row.k, row.d, row.n, row.t, row.t2, row.o, row.b, row.bgm, row.k_s, row.d_s, row.n_d]


def skdn_pdf(month, per_posyandu, per_village, total):
    title = _("Laporan SKDN %(month)s") % {"month": date_format(month, "F Y")}
    pdf = ReportPDF(
        title,
        _(
            "S semua balita di wilayah posyandu menurut registrasi (terdaftar di posyandu atau belum), K punya "
            "KMS/buku KIA, D ditimbang, N naik, T tidak naik, O bulan lalu tidak ditimbang, B baru, BGM di bawah "
            "garis merah. Target D/S ≥ %(target)s%%."
        )
        % {"target": skdn.D_S_TARGET_PERCENT},
        landscape=True,
    )
    for heading, rows, first in (
        (_("Per posyandu"), per_posyandu, _("Posyandu")),
        (_("Per kelurahan/desa"), per_village, _("Kelurahan/desa")),
    ):
        pdf.heading(heading)
        table = [[r.label, *[_pct(v) if i >= 9 else v for i, v in enumerate(_values(r))]] for r in rows]
        table.append([_("Jumlah"), *[_pct(v) if i >= 9 else v for i, v in enumerate(_values(total))]])
        pdf.data_table([first, *HEADERS], table, align_right=set(range(1, 13)))
    return pdf_response(pdf, f"skdn-{month:%Y-%m}.pdf")


def skdn_xlsx(month, per_posyandu, per_village, total):
    def rows(items, with_code):
        for r in items:
            yield [r.label, r.code, *[float(v) if v is not None and i >= 9 else v for i, v in enumerate(_values(r))]]
        yield [_("Jumlah"), "", *[float(v) if v is not None and i >= 9 else v for i, v in enumerate(_values(total))]]

    sheets = [
        (_("Per posyandu"), [_("Posyandu"), _("Kode wilayah"), *HEADERS], rows(per_posyandu, True)),
        (_("Per kelurahan"), [_("Kelurahan/desa"), _("Kode wilayah"), *HEADERS], rows(per_village, True)),
    ]
    return xlsx_response(f"skdn-{month:%Y-%m}.xlsx", sheets)
