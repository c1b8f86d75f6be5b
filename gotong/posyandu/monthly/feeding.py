"""Section 40: supplementary feeding (PMT): who should receive it (their weighing this month falters: T, 2T, BGM,
underweight or wasted, `supplements.falter_reasons`), how many of them did, and PMT given by kind."""

from django.utils.translation import gettext as _

from gotong.posyandu.day import feeding_list
from gotong.posyandu.models import Feeding, FeedingKind
from gotong.posyandu.monthly.common import pct, posyandu_refs
from gotong.posyandu.monthly.sections import ReportSection, register_section

KINDS = list(FeedingKind)


@register_section(40)
def feeding_section(posyandus, month) -> ReportSection:
    refs = posyandu_refs(posyandus)
    zero = {"need": 0, "fed": 0, **{k.value: 0 for k in KINDS}, "days": 0}
    counts = {pk: dict(zero) for pk, _name in refs}
    for row in feeding_list(posyandus, month):
        c = counts[row["child"].posyandu_id]
        c["need"] += 1
        c["fed"] += 1 if row["feedings"] else 0
    children_by_kind = set()
    for f in Feeding.objects.filter(child__posyandu__in=posyandus, month=month).select_related("child"):
        c = counts[f.child.posyandu_id]
        c["days"] += f.days
        if (f.child_id, f.kind) not in children_by_kind:
            children_by_kind.add((f.child_id, f.kind))
            c[f.kind] += 1
    total = dict(zero)
    for c in counts.values():
        for key, value in c.items():
            total[key] += value
    rows = []
    for label, c in [*((name, counts[pk]) for pk, name in refs), (_("Jumlah"), total)]:
        rows.append([label, c["need"], c["fed"], pct(c["fed"], c["need"]), *(c[k.value] for k in KINDS), c["days"]])
    return ReportSection(
        key="pmt",
        title=_("Pemberian makanan tambahan (PMT)"),
        headers=[
            _("Posyandu"),
            _("Perlu PMT"),
            _("Mendapat PMT"),
            _("Cakupan %"),
            *(_("Balita %(kind)s") % {"kind": k.label} for k in KINDS),
            _("Hari/porsi"),
        ],
        rows=rows,
        notes=[
            _(
                "Perlu PMT: ditimbang bulan ini dengan hasil T, 2T, BGM, berat badan kurang atau gizi kurang/buruk "
                "(KMS, Permenkes 2/2020). Balita per jenis dihitung sekali per jenis."
            )
        ],
    )
