"""The immunisation section (order 20) of the puskesmas monthly report, counted from the recorded doses.

Laid out like the puskesmas' monthly immunisation report (laporan hasil imunisasi rutin bayi/baduta): per antigen
and dose the children immunised this month by sex (L/P), and the cumulative count since January; then the infants
whose first birthday fell in the month and in the year so far, how many of them had IDL before it, and the
percentage against the 80 % UCI mark (Permenkes 12/2017).
"""

import datetime
from collections import Counter

from django.utils.translation import gettext as _

from gotong.core.numbers import decimal_text
from gotong.posyandu.immunisation import coverage, schedule
from gotong.posyandu.models import Immunisation
from gotong.posyandu.monthly.sections import ReportSection, register_section


def _counts(posyandus, start: datetime.date, end: datetime.date) -> Counter:
    rows = Immunisation.objects.filter(child__posyandu__in=posyandus, given_on__range=(start, end)).values_list(
        "vaccine", "dose", "child__person__sex"
    )
    return Counter(rows)


def _idl_row(label: str, posyandus, start: datetime.date, end: datetime.date) -> list:
    per_posyandu, _villages = coverage.coverage(posyandus, start, end)
    target = sum(row.target for row in per_posyandu)
    idl = sum(row.idl for row in per_posyandu)
    share = coverage.percent(idl, target)
    return [label, "", "", idl, f"{target} ({decimal_text(share)} %)" if share is not None else f"{target} (—)"]


@register_section(20)
def immunisation_section(posyandus, month: datetime.date) -> ReportSection:
    end = schedule.Age(1).after(month) - datetime.timedelta(days=1)
    year_start = month.replace(month=1, day=1)
    this_month = _counts(posyandus, month, end)
    so_far = _counts(posyandus, year_start, end)
    rows = []
    for dose in schedule.SCHEDULE:
        boys = this_month[(dose.vaccine, dose.number, "L")]
        girls = this_month[(dose.vaccine, dose.number, "P")]
        cumulative = so_far[(dose.vaccine, dose.number, "L")] + so_far[(dose.vaccine, dose.number, "P")]
        rows.append([schedule.dose_label(*dose.key), boys, girls, boys + girls, cumulative])
    rows.append(_idl_row(_("IDL: bayi berulang tahun ke-1 bulan ini (sasaran)"), posyandus, month, end))
    rows.append(_idl_row(_("IDL: bayi berulang tahun ke-1 sejak Januari (sasaran)"), posyandus, year_start, end))
    return ReportSection(
        key="immunisation",
        title=_("Imunisasi"),
        headers=[_("Imunisasi"), _("L"), _("P"), _("Jumlah bulan ini"), _("Kumulatif sejak Januari")],
        rows=rows,
        notes=[
            _(
                "IDL: HB0, BCG, DPT-HB-Hib 3 dosis, polio tetes 4 dosis, IPV dan campak-rubela sebelum umur 1 tahun "
                "(Permenkes No. 12 Tahun 2017); desa/kelurahan UCI bila ≥ 80 % bayi IDL."
            ),
            _("Pada baris IDL, kolom terakhir memuat sasaran dan persentase IDL."),
        ],
    )
