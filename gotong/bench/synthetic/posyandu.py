"""Synthetic posyandu: one per RW, every under-five of the RW registered, a session a month, most children weighed.

Children grow along their own WHO z-score paths (drawn so that about one in five is stunted, as SSGI 2023 found
nationally) with a small monthly drift; z-scores, classes, BGM, N/T and 2T are computed by the posyandu module's
own functions (`services.apply_growth`, `kbm.trend`), so they equal what `record_weighing` would store.
"""

import json
import random
from datetime import date
from decimal import Decimal
from itertools import groupby
from types import SimpleNamespace

from django.db.models import Q

from gotong.areas.models import Area
from gotong.areas.services import neighbourhood_code
from gotong.bench.synthetic.modules import new_uuid, stamp
from gotong.organizations.choices import OrganizationKind
from gotong.organizations.models import Organization
from gotong.posyandu import growth, kbm
from gotong.posyandu.dates import add_months, five_years_before
from gotong.posyandu.models import Measure, Session
from gotong.posyandu.services import apply_growth
from gotong.registry.models import Person

FLOWERS = ("Melati", "Mawar", "Anggrek", "Kenanga", "Cempaka", "Dahlia", "Flamboyan", "Teratai", "Seroja", "Kamboja",
           "Bougenville", "Tulip", "Asoka", "Kemuning")  # fmt: skip
MOTHER_ROLES = ("pasangan", "kepala")  # guess_mother's order: the spouse first, then a female head
LENGTH_MEASURED = 0.85  # share of weighings with a length/height (the rest: weight only)


def generate(sink, villages, units, *, seed: int, persons_from: int, window) -> None:
    rng = random.Random(f"{seed}-posyandu")
    posyandus = _posyandus(sink, villages, rng, window)
    sessions = _sessions(sink, posyandus, rng, window)
    for household in _households(persons_from, window):
        women = [p for p in household if p.sex == "P" and p.relationship in MOTHER_ROLES]
        for person in household:
            if person.birth_date > five_years_before(window.start):
                _child(sink, person, women, posyandus, sessions, rng, window)


def _posyandus(sink, villages, rng, window) -> dict[str, tuple[int, str]]:
    """RW code → (organisation id, address): the RW's posyandu, reused when an earlier run made it."""
    rw_codes = {neighbourhood_code(v.code, rw): (v, rw) for v in villages for rw in v.units}
    areas = dict(Area.objects.filter(code__in=list(rw_codes)).values_list("code", "id"))
    existing = {
        code: (pk, address)
        for pk, code, address in Organization.objects.filter(
            kind=OrganizationKind.POSYANDU, area_code__in=list(rw_codes)
        ).values_list("id", "area_code", "address")
    }
    result = {}
    for code, (village, rw) in sorted(rw_codes.items()):
        if code in existing:
            result[code] = existing[code]
            continue
        pk = sink.new_id("organizations.Organization")
        name = f"Posyandu {rng.choice(FLOWERS)} RW {rw:03d}"
        address = f"{rng.choice(village.streets)}, RW {rw:03d} {village.name}"
        description = f"Penimbangan bulanan balita dan ibu hamil di RW {rw:03d} {village.name}."
        made = stamp(add_months(window.start, -rng.randint(12, 120)))
        sink.add(
            "organizations.Organization",
            (pk, made, made, name, OrganizationKind.POSYANDU, areas[code], code, None, description, address, ""),
        )
        result[code] = (pk, address)
    return result


def _sessions(sink, posyandus, rng, window) -> dict[str, list[tuple[int, date]]]:
    """RW code → [(session id, held on)] for the window's months; an earlier run's sessions are reused."""
    ids = [pk for pk, _address in posyandus.values()]
    existing = {
        (posyandu_id, month): (pk, held_on)
        for pk, posyandu_id, month, held_on in Session.objects.filter(
            posyandu_id__in=ids, month__in=window.months
        ).values_list("id", "posyandu_id", "month", "held_on")
    }
    result = {}
    for code, (posyandu_id, address) in sorted(posyandus.items()):
        day = rng.randint(5, 20)  # a posyandu opens on its own fixed day of the month
        result[code] = []
        for month in window.months:
            if (posyandu_id, month) in existing:
                result[code].append(existing[posyandu_id, month])
                continue
            pk, held_on = sink.new_id("posyandu.Session"), month.replace(day=day)
            sink.add(
                "posyandu.Session", (pk, stamp(held_on), stamp(held_on), posyandu_id, held_on, month, address, "", code)
            )
            result[code].append((pk, held_on))
    return result


def _households(persons_from: int, window):
    """The new persons who may be followed or be a mother, grouped by household."""
    rows = (
        Person.objects.filter(id__gte=persons_from)
        .filter(Q(birth_date__gt=five_years_before(window.start)) | Q(sex="P", relationship__in=MOTHER_ROLES))
        .order_by("household_id", "id")
        .values_list("id", "household_id", "area_code", "sex", "birth_date", "relationship")
        .iterator(chunk_size=5000)
    )
    fields = ("id", "household_id", "area_code", "sex", "birth_date", "relationship")
    for _household, members in groupby(rows, key=lambda row: row[1]):
        yield [SimpleNamespace(**dict(zip(fields, row, strict=True))) for row in members]


def _mother(child, women) -> int | None:
    """As `services.guess_mother`: the spouse, else the female head, aged 15–55 at the child's birth."""
    for relationship in MOTHER_ROLES:
        for woman in women:
            if woman.relationship != relationship or woman.id == child.id:
                continue
            if 15 <= Person(birth_date=woman.birth_date).age_on(child.birth_date) <= 55:
                return woman.id
    return None


def _child(sink, person, women, posyandus, sessions, rng, window) -> None:
    rw_code = person.area_code.rsplit(".", 1)[0]
    posyandu_id, _address = posyandus[rw_code]
    registered_on = max(person.birth_date, window.start)
    birth_weight = Decimal(f"{min(4.6, max(1.6, rng.gauss(3.1, 0.45))):.2f}") if rng.random() < 0.8 else None
    pk = sink.new_id("posyandu.Child")
    sink.add(
        "posyandu.Child",
        (
            pk,
            stamp(registered_on),
            stamp(registered_on),
            new_uuid(rng),
            posyandu_id,
            person.id,
            _mother(person, women),
            birth_weight,
            registered_on,
            None,
            rw_code,
        ),
    )
    _weighings(sink, pk, person, sessions[rw_code], rng, rw_code)


def _weighings(sink, child_id, person, sessions, rng, code) -> None:
    """The child's monthly weighings along a drifting z-score path; N/T from the previous calendar month."""
    sex = "M" if person.sex == "L" else "F"
    attendance = rng.betavariate(5, 1.6)  # most mothers come most months; some rarely
    card = rng.random() < 0.9
    haz = _clamp(rng.gauss(-1.2, 1.1))
    waz = _clamp(0.6 * haz + rng.gauss(-0.3, 0.8))
    previous, weighed_before = None, False
    for session_id, held_on in sessions:
        haz, waz = _clamp(haz + rng.gauss(0, 0.08)), _clamp(waz + rng.gauss(0, 0.12))
        age_days = (held_on - person.birth_date).days
        present = rng.random() < attendance
        measured = rng.random() < LENGTH_MEASURED
        if held_on < person.birth_date or age_days / growth.DAYS_PER_MONTH >= growth.MAX_AGE_MONTHS or not present:
            previous = None
            continue
        weight = Decimal(f"{growth.age_lms('wfa', sex, age_days).value_at(waz):.1f}")
        length = Decimal(f"{growth.age_lms('lhfa', sex, age_days).value_at(haz):.1f}") if measured else None
        if length is not None and not 30 <= length <= 140:
            length = None
        measure = (Measure.STANDING if age_days >= growth.HEIGHT_FROM_DAYS else Measure.LYING) if length else ""
        weighing = SimpleNamespace(
            child=SimpleNamespace(sex_code=sex),
            age_days=age_days,
            weight_kg=weight,
            length_cm=length,
            measure=measure,
            oedema=False,
        )
        apply_growth(weighing)
        trend = kbm.trend(
            age_months=growth.age_in_months(age_days),
            weight_kg=weight,
            previous_weight_kg=previous.weight_kg if previous else None,
            weighed_before=weighed_before,
        )
        two_t = trend == kbm.NOT_UP and previous is not None and previous.trend == kbm.NOT_UP
        month = held_on.replace(day=1)
        sink.add(
            "posyandu.Weighing",
            (
                sink.new_id("posyandu.Weighing"),
                stamp(held_on),
                stamp(held_on),
                child_id,
                session_id,
                month,
                held_on,
                age_days,
                weight,
                length,
                measure,
                None,
                False,
                card,
                weighing.waz,
                weighing.haz,
                weighing.whz,
                weighing.baz,
                weighing.waz_class,
                weighing.haz_class,
                weighing.whz_class,
                weighing.baz_class,
                json.dumps(weighing.reasons),
                trend,
                two_t,
                weighing.bgm,
                code,
            ),
        )
        weighing.trend = trend
        previous, weighed_before = weighing, True


def _clamp(z: float) -> float:
    return min(2.5, max(-4.0, z))
