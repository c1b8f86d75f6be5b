"""Section 10 of the monthly report: weighing results (SKDN), SIP Format 6's "hasil penimbangan" columns."""

from django.utils.translation import gettext as _

from gotong.posyandu import skdn
from gotong.posyandu.monthly.common import pct
from gotong.posyandu.monthly.sections import ReportSection, register_section


@register_section(10)
def weighing_section(posyandus, month) -> ReportSection:
    per_posyandu, _villages, total = skdn.report(posyandus, month)
    headers = [_("Posyandu"), "S", "K", "D", "N", "T", "2T", "O", "B", "BGM", "D/S %", "N/D %"]
    rows = []
    for row in [*per_posyandu, total]:
        label = _("Jumlah") if row is total else row.label
        rows.append(
            [
                label,
                row.s,
                row.k,
                row.d,
                row.n,
                row.t,
                row.t2,
                row.o,
                row.b,
                row.bgm,
                pct(row.d, row.s),
                pct(row.n, row.d),
            ]
        )
    return ReportSection(
        key="penimbangan",
        title=_("Penimbangan balita (SKDN)"),
        headers=headers,
        rows=rows,
        notes=[
            _(
                "S semua balita di wilayah posyandu, K punya KMS/buku KIA, D ditimbang, N naik, T tidak naik, 2T "
                "tidak naik dua kali berturut-turut, O bulan lalu tidak ditimbang, B baru, BGM di bawah garis merah."
            )
        ],
    )
