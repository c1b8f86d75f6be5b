"""Who is due, and how well a posyandu or a village (kelurahan) covers its infants, computed from the doses.

Coverage follows Permenkes 12/2017: a child has Imunisasi Dasar Lengkap (IDL) when every basic dose was given before
the first birthday (`schedule.idl_date`); a village reaches UCI (Universal Child Immunization) when at least 80 % of
its infants do. The target (sasaran) here is the children the posyandu follows whose first birthday falls in the
period and who had not left before it — the infants whose IDL is decided in that period.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Q

from gotong.core.area_codes import village_code
from gotong.posyandu.immunisation import schedule
from gotong.posyandu.models import Child, Immunisation

UCI_THRESHOLD = Decimal("80")  # per cent of infants with IDL [Permenkes 12/2017]


def given_by_child(children) -> dict[int, dict]:
    given: dict[int, dict] = defaultdict(dict)
    for child_id, vaccine, dose, on in Immunisation.objects.filter(child__in=children).values_list(
        "child_id", "vaccine", "dose", "given_on"
    ):
        given[child_id][(vaccine, dose)] = on
    return given


@dataclass
class DueRow:
    child: Child
    status: schedule.ChildStatus
    doses: list  # (dose, state) the cadre can give this month


def due_rows(posyandu, month: datetime.date) -> list[DueRow]:
    """The children of the posyandu with a dose to give by the end of `month` (due, overdue or catch-up)."""
    end = schedule.Age(1).after(month) - datetime.timedelta(days=1)
    children = list(Child.objects.filter(posyandu=posyandu).current(end).select_related("person"))
    given = given_by_child(children)
    rows = []
    for child in children:
        status = schedule.child_status(child.person.birth_date, given[child.pk], end)
        doses = [(dose, state) for dose, state, _on in status.rows if state in schedule.GIVABLE]
        if doses:
            rows.append(DueRow(child=child, status=status, doses=doses))
    rows.sort(key=lambda row: (row.status.summary != schedule.CATCH_UP, row.child.person.name))
    return rows


def percent(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(100) * part / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass
class Coverage:
    name: str
    code: str
    target: int = 0  # infants whose first birthday falls in the period
    idl: int = 0  # of them, with IDL before it
    doses: dict = field(default_factory=lambda: defaultdict(int))  # (vaccine, n) → given in the period

    @property
    def percent(self) -> Decimal | None:
        return percent(self.idl, self.target)

    @property
    def uci(self) -> bool:
        return self.percent is not None and self.percent >= UCI_THRESHOLD


def coverage(posyandus, start: datetime.date, end: datetime.date) -> tuple[list[Coverage], list[Coverage]]:
    """IDL coverage and doses given between `start` and `end` (inclusive), per posyandu and per village."""
    posyandus = list(posyandus.order_by("name"))
    by_posyandu = {p.pk: Coverage(name=p.name, code=p.area_code) for p in posyandus}
    # Born so that the first birthday falls in the period (12 months after birth).
    born_from, born_to = schedule.Age(-12).after(start), schedule.Age(-12).after(end)
    cohort = list(
        Child.objects.filter(posyandu_id__in=by_posyandu, person__birth_date__range=(born_from, born_to))
        .filter(Q(left_on__isnull=True) | Q(left_on__gte=start))
        .select_related("person")
    )
    given = given_by_child(cohort)
    for child in cohort:
        birthday = schedule.Age(12).after(child.person.birth_date)
        if not start <= birthday <= end or (child.left_on and child.left_on < birthday):
            continue
        row = by_posyandu[child.posyandu_id]
        row.target += 1
        if schedule.idl_date(child.person.birth_date, given[child.pk]) is not None:
            row.idl += 1
    doses = Immunisation.objects.filter(child__posyandu_id__in=by_posyandu, given_on__range=(start, end))
    for posyandu_id, vaccine, number in doses.values_list("child__posyandu_id", "vaccine", "dose"):
        by_posyandu[posyandu_id].doses[(vaccine, number)] += 1
    villages: dict[str, Coverage] = {}
    for posyandu in posyandus:
        code = village_code(posyandu.area_code)
        village = villages.setdefault(code, Coverage(name=_village_name(code), code=code))
        row = by_posyandu[posyandu.pk]
        village.target += row.target
        village.idl += row.idl
        for key, count in row.doses.items():
            village.doses[key] += count
    return list(by_posyandu.values()), sorted(villages.values(), key=lambda v: v.name)


def _village_name(code: str) -> str:
    from gotong.areas.models import Area

    area = Area.objects.filter(code=code).only("name").first()
    return area.name if area else code
