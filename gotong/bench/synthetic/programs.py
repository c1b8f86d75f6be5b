"""Synthetic empowerment programs: each village office runs a few programs a year, each with cohorts of its own
residents who meet weekly; finished cohorts' participants completed or dropped out, with certificates and new
businesses among the completers, as `programs.services.record_outcome` would store them.

The counts are reasoned guesses, said as such: a program a year per 4,000 residents, at least one a village
(skills, literacy, tutoring, health counselling, entrepreneurship: the module's kinds), cohorts of 15 to 30, eight
weekly sessions, four in five present at a session, one in six dropping out.
"""

import random
from datetime import timedelta
from decimal import Decimal

from gotong.bench.synthetic.modules import new_uuid, stamps
from gotong.programs.models import EnrolmentStatus, Program, ProgramKind
from gotong.registry.models import Person

PROGRAMS_PER_1000 = 0.25  # programs a year per 1,000 residents, at least one a village: guess
COHORTS = (1, 2)  # per program in the window: guess
PARTICIPANTS = (15, 30)  # per cohort: guess (a training room's size)
SESSIONS = 8  # weekly, two months: guess
PRESENT = 0.8  # of the enrolled at a session: guess
DROPPED = 1 / 6  # of a finished cohort's participants: guess
CERTIFIED = 0.6  # of completers, for skills and entrepreneurship: guess
STARTED_BUSINESS = 0.25  # of completers, for skills and entrepreneurship: guess
# Who a kind is for, by age in years (tutoring: school pupils; the rest: adults of working age).
AGES = {ProgramKind.TUTORING: (10, 18)}
ADULT_AGES = (17, 55)
TOPICS = {
    ProgramKind.SKILLS: "Pelatihan menjahit", ProgramKind.LITERACY: "Kelas baca tulis",
    ProgramKind.TUTORING: "Bimbingan belajar", ProgramKind.HEALTH: "Penyuluhan gizi keluarga",
    ProgramKind.ENTREPRENEURSHIP: "Pelatihan usaha mikro",
}  # fmt: skip
EARNING_KINDS = (ProgramKind.SKILLS, ProgramKind.ENTREPRENEURSHIP)


def village_people(persons_from: int, code: str) -> list[tuple[int, str, object]]:
    """(id, RT code, birth date) of the residents of a village written in this run, by id."""
    return list(
        Person.objects.filter(id__gte=persons_from, area_code__startswith=f"{code}.")
        .order_by("id")
        .values_list("id", "area_code", "birth_date")
    )


def generate(sink, villages, *, seed: int, persons_from: int, orgs, village_ids, window) -> None:
    rng = random.Random(f"{seed}-programs")
    offices = orgs["office"]
    taken = set(Program.objects.filter(organization_id__in=offices.values()).values_list("organization_id", flat=True))
    for village in sorted(villages, key=lambda v: v.code):
        if offices[village.code] in taken:
            continue  # an earlier run's programs stay as they were (their names would repeat)
        people = village_people(persons_from, village.code)
        count = max(1, round(len(people) * PROGRAMS_PER_1000 / 1000 * rng.uniform(0.5, 1.5)))
        for number in range(1, count + 1):
            kind = rng.choice(list(ProgramKind))
            _program(sink, village, village_ids[village.code], kind, number, people, orgs, rng, window)


def _program(sink, village, area_id, kind, number, people, orgs, rng, window) -> None:
    office = orgs["office"][village.code]
    name = f"{TOPICS[kind]} {village.name} {window.end.year} ({number})"
    pk = sink.record("programs.Program", **stamps(window.start), area_code=village.code, name=name, kind=kind,
                     organization_id=office, area_id=area_id, description="")  # fmt: skip
    partner = rng.choice(orgs["partners"])[0]
    sink.record("programs.ProgramPartner", program_id=pk, organization_id=partner)
    low, high = AGES.get(kind, ADULT_AGES)
    for number in range(1, rng.randint(*COHORTS) + 1):
        starts = window.start + timedelta(days=rng.randint(0, 330))
        ends = starts + timedelta(weeks=SESSIONS - 1)
        eligible = [pk for pk, _code, born in people if low <= (starts - born).days // 365 <= high]
        chosen = rng.sample(eligible, min(len(eligible), rng.randint(*PARTICIPANTS)))
        _cohort(sink, pk, village.code, kind, number, starts, ends, chosen, rng, window)


def _cohort(sink, program_id, code, kind, number, starts, ends, persons, rng, window) -> None:
    cohort = sink.record("programs.Cohort", **stamps(starts), public_id=new_uuid(rng), area_code=code,
                         program_id=program_id, name=f"Angkatan {number}", starts_on=starts, ends_on=ends,
                         capacity=30)  # fmt: skip
    finished = ends <= window.end
    enrolments = []
    for person in persons:
        status = EnrolmentStatus.ACTIVE
        certified = business = False
        before = after = None
        if finished:
            status = EnrolmentStatus.DROPPED if rng.random() < DROPPED else EnrolmentStatus.COMPLETED
            if status == EnrolmentStatus.COMPLETED and kind in EARNING_KINDS:
                certified = rng.random() < CERTIFIED
                business = rng.random() < STARTED_BUSINESS
                before = rng.randint(0, 20) * 100_000
                after = before + rng.randint(0, 10) * 100_000
        enrolments.append(sink.record(
            "programs.Enrolment", **stamps(starts), public_id=new_uuid(rng), area_code=code, cohort_id=cohort,
            person_id=person, enrolled_on=starts - timedelta(days=rng.randint(1, 14)), status=status,
            certified=certified, started_business=business, income_before=before, income_after=after,
            outcome_note="",
        ))  # fmt: skip
    for week in range(SESSIONS):
        held_on = starts + timedelta(weeks=week)
        if held_on > window.end:
            break  # a cohort still running has held only its past sessions
        session = sink.record("programs.Session", **stamps(held_on), area_code=code, cohort_id=cohort,
                              held_on=held_on, topic=f"Pertemuan {week + 1}", hours=Decimal("2.0"))  # fmt: skip
        for enrolment in enrolments:
            if rng.random() < PRESENT:
                sink.record("programs.SessionAttendance", **stamps(held_on), session_id=session,
                            enrolment_id=enrolment)  # fmt: skip
