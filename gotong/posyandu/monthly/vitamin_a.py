"""Section 30: vitamin A (blue 6–11 months, red 12–59) and deworming (12–59 months) in the round of the month.

Targets (sasaran) are the children the posyandu follows who are in the age band on the last day of the month;
"given" counts the doses of the round (February: January–June, August: July–December) given up to that day, so
the February and August reports show the round's coverage and a late sweep in March is added to February's.
Rules and sources: `gotong.posyandu.supplements`.
"""

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from gotong.posyandu import supplements
from gotong.posyandu.models import Capsule, Child, Deworming, VitaminADose
from gotong.posyandu.monthly.common import pct, posyandu_refs
from gotong.posyandu.monthly.sections import ReportSection, register_section
from gotong.posyandu.skdn import month_end


def _counts(posyandus, month) -> dict[int, dict[str, int]]:
    end = month_end(month)
    round_ = supplements.round_of(month)
    counts = {}
    for pk, _name in posyandu_refs(posyandus):
        counts[pk] = dict.fromkeys(("blue_target", "blue", "red_target", "red", "worm_target", "worm"), 0)
    for child in Child.objects.filter(posyandu__in=posyandus).current(end).select_related("person"):
        months = supplements.age_months(child.person.birth_date, end)
        capsule = supplements.capsule_for(months)
        if capsule:
            counts[child.posyandu_id][f"{capsule}_target"] += 1
        if supplements.albendazole_mg(months):
            counts[child.posyandu_id]["worm_target"] += 1
    doses = VitaminADose.objects.filter(child__posyandu__in=posyandus, round=round_, given_on__lte=end)
    for posyandu_id, capsule in doses.values_list("child__posyandu_id", "capsule"):
        counts[posyandu_id][Capsule(capsule).value] += 1
    wormed = Deworming.objects.filter(child__posyandu__in=posyandus, round=round_, given_on__lte=end)
    for posyandu_id in wormed.values_list("child__posyandu_id", flat=True):
        counts[posyandu_id]["worm"] += 1
    return counts


@register_section(30)
def vitamin_a_section(posyandus, month) -> ReportSection:
    counts = _counts(posyandus, month)
    names = dict(posyandu_refs(posyandus))
    total = dict.fromkeys(("blue_target", "blue", "red_target", "red", "worm_target", "worm"), 0)
    rows = []
    for c in counts.values():
        for key, value in c.items():
            total[key] += value
    for label, c in [*((names[pk], c) for pk, c in counts.items()), (_("Jumlah"), total)]:
        given, target = c["blue"] + c["red"], c["blue_target"] + c["red_target"]
        rows.append(
            [
                label,
                c["blue_target"],
                c["blue"],
                c["red_target"],
                c["red"],
                pct(given, target),
                c["worm_target"],
                c["worm"],
                pct(c["worm"], c["worm_target"]),
            ]
        )
    round_ = supplements.round_of(month)
    return ReportSection(
        key="vitamin_a",
        title=_("Vitamin A dan obat cacing, putaran %(round)s") % {"round": date_format(round_, "F Y")},
        headers=[
            _("Posyandu"),
            _("Sasaran 6–11 bln"),
            _("Kapsul biru"),
            _("Sasaran 12–59 bln"),
            _("Kapsul merah"),
            _("Cakupan vit. A %"),
            _("Sasaran obat cacing 12–59 bln"),
            _("Obat cacing"),
            _("Cakupan obat cacing %"),
        ],
        rows=rows,
        notes=[
            _(
                "Vitamin A bulan Februari dan Agustus: kapsul biru 100.000 IU umur 6–11 bulan, kapsul merah "
                "200.000 IU umur 12–59 bulan (Permenkes 21/2015). Obat cacing albendazol 200 mg umur 12–23 bulan, "
                "400 mg umur 24–59 bulan (Permenkes 15/2017). Sasaran menurut umur pada akhir bulan; diberikan "
                "dihitung sejak awal putaran."
            )
        ],
    )
