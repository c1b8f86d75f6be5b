"""Synthetic casework: a handful of PSM/pendamping accounts per village and cases for about 1 % of its households.

The kinds and their mix follow the casework demo and seed 003 (PKH families and TB patients first, then elderly,
disability and child protection). Each case has a responsible worker and helpers from its village's workers, a
monthly visit plan (the module's `recurrence.due_dates`), a needs assessment over every rights domain, one to six
visits inside the window, sometimes a referral moved along `services.work.ALLOWED_NEXT`, and sometimes a close with
a reason, its plan stopped on that day — the rows `open_case`, `set_visit_plan`, `record_assessment`, `log_visit`,
`refer`, `update_referral` and `close_case` would leave. Health details (`health_condition`, a visit's condition and
TB adherence) are filled only for TB cases, where the module keeps them; nothing here is logged.
"""

import random
from datetime import date, timedelta
from types import SimpleNamespace

from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from faker import Faker

from gotong.accounts.models import User
from gotong.accounts.roles import Role
from gotong.areas.models import Area
from gotong.areas.services import assign_work_area
from gotong.bench.synthetic.modules import new_uuid, stamp
from gotong.casework.models import Adherence, CloseReason, Frequency, NeedDomain, Program, ReferralStatus, ServiceKind
from gotong.casework.recurrence import add_months, due_dates
from gotong.casework.services.work import ALLOWED_NEXT
from gotong.core.demo.names import NameMaker
from gotong.core.demo.users import split_name
from gotong.registry.choices import Disability
from gotong.registry.models import Person

CASE_SHARE = 0.01  # households with a case
WORKERS_PER_VILLAGE = (2, 5)
# Program → (weight, summary, reason the case was opened). Weights: the demo's TB and PKH caseloads lead.
PROGRAMS = {
    Program.PKH: (40, "Keluarga PKH: pendidikan anak dan gizi", "Penerima PKH di wilayah dampingan"),
    Program.TB: (20, "Pasien TBC: pendampingan minum obat setiap bulan", "Dirujuk puskesmas saat mulai pengobatan"),
    Program.ELDERLY: (15, "Lansia tinggal sendiri: kesehatan dan kebutuhan harian", "Laporan ketua RT"),
    Program.DISABILITY: (10, "Penyandang disabilitas: alat bantu dan layanan", "Pendataan disabilitas kelurahan"),
    Program.CHILD: (10, "Perlindungan anak: kembali bersekolah", "Laporan sekolah dan ketua RT"),
    Program.OTHER: (5, "Keluarga rentan: dokumen dan penghidupan", "Permintaan keluarga"),
}
REFERRALS = {
    Program.PKH: ((ServiceKind.SCHOOL, "SD Negeri setempat"), (ServiceKind.DUKCAPIL, "Disdukcapil Kota")),
    Program.TB: ((ServiceKind.PUSKESMAS, "Puskesmas kecamatan"), (ServiceKind.HOSPITAL, "RSUD (poli TB RO)")),
    Program.ELDERLY: ((ServiceKind.PUSKESMAS, "Puskesmas kecamatan"), (ServiceKind.DINSOS, "Dinas Sosial Kota")),
    Program.DISABILITY: ((ServiceKind.DINSOS, "Dinas Sosial Kota"), (ServiceKind.PUSKESMAS, "Puskesmas kecamatan")),
    Program.CHILD: ((ServiceKind.SCHOOL, "SD Negeri setempat"), (ServiceKind.LEGAL_AID, "LBH Kota")),
    Program.OTHER: ((ServiceKind.DUKCAPIL, "Disdukcapil Kota"), (ServiceKind.DINSOS, "Dinas Sosial Kota")),
}
CLOSE_REASONS = (
    (CloseReason.GOAL_MET, 35), (CloseReason.GRADUATED, 25), (CloseReason.MOVED, 15), (CloseReason.REFUSED, 10),
    (CloseReason.TRANSFERRED, 10), (CloseReason.DIED, 5),
)  # fmt: skip
TB_CONDITIONS = ("Batuk berkurang, nafsu makan membaik", "Mual dan lemas, efek samping obat", "Berat badan naik")
NEXT_STEPS = ("Kunjungan bulan depan", "Antar kontrol ke puskesmas", "Pastikan anak hadir di sekolah")


def generate(sink, villages, *, seed: int, persons_from: int, window) -> None:
    rng = random.Random(f"{seed}-casework")
    workers = ensure_workers(villages, seed=seed, window=window)
    for household in _chosen_households(persons_from, rng):
        village = household[0].area_code[:13]
        _case(sink, household, workers[village], rng, window)


def bench_user(username: str, role: str, name: str, *, seed: str, joined: date) -> User:
    """A synthetic login made as the demo makes its users, but with an unusable password; an earlier run's is reused."""
    user = User.objects.filter(username=username).first()
    if user is None:
        first, last = split_name(name)
        marker = random.Random(seed).getrandbits(160)
        user = User(username=username, role=role, first_name=first, last_name=last, date_joined=stamp(joined))
        user.password = f"{UNUSABLE_PASSWORD_PREFIX}{marker:040x}"  # as set_unusable_password, but repeatable
        user.save()
    return user


def ensure_workers(villages, *, seed: int, window) -> dict[str, list[int]]:
    """Village code → ids of its PSM/pendamping accounts (facilitators working that village)."""
    rng = random.Random(f"{seed}-casework-workers")
    fake = Faker("id_ID")
    fake.seed_instance(seed)
    names = NameMaker(rng, fake)
    areas = {a.code: a for a in Area.objects.filter(code__in=[v.code for v in villages])}
    result = {}
    for village in sorted(villages, key=lambda v: v.code):
        result[village.code] = []
        for number in range(1, rng.randint(*WORKERS_PER_VILLAGE) + 1):
            sex = rng.choice("LP")
            name = names.name(names.family(village.style), sex, rng.randint(1970, 1998))
            joined = window.start - timedelta(days=rng.randint(60, 1500))
            user = bench_user(
                f"psm-{village.code}-{number}", Role.FACILITATOR, name, seed=f"{seed}-{village.code}-{number}",
                joined=joined,
            )  # fmt: skip
            assign_work_area(user, areas[village.code], acting_user=None)
            result[village.code].append(user.pk)
    return result


def _chosen_households(persons_from: int, rng):
    """Members of about CASE_SHARE of the new households, each household as a list ordered by person id."""
    heads = Person.objects.filter(id__gte=persons_from, relationship="kepala").order_by("household_id")
    chosen = [pk for pk in heads.values_list("household_id", flat=True).iterator(chunk_size=5000)]
    chosen = [pk for pk in chosen if rng.random() < CASE_SHARE]
    fields = ("id", "household_id", "area_code", "name", "birth_date", "disability", "relationship", "pkh", "decile")
    rows = (
        Person.objects.filter(household_id__in=chosen)
        .order_by("household_id", "id")
        .values_list(*fields[:-2], "household__pkh_recipient", "household__welfare_decile")
    )
    households: dict[int, list] = {}
    for row in rows:
        households.setdefault(row[1], []).append(SimpleNamespace(**dict(zip(fields, row, strict=True))))
    for household_id in chosen:
        if household_id in households:
            yield households[household_id]


def _subject(program, household, day: date, rng):
    """The person the case is about (None for a whole-household PKH case), or False when nobody fits."""

    def age(p):
        return (day - p.birth_date).days // 365

    fits = {
        Program.PKH: household if household[0].pkh or (household[0].decile or 10) <= 4 else [],
        Program.TB: [p for p in household if age(p) >= 15],
        Program.ELDERLY: [p for p in household if age(p) >= 60],
        Program.DISABILITY: [p for p in household if p.disability != Disability.NONE],
        Program.CHILD: [p for p in household if 5 <= age(p) < 18],
        Program.OTHER: household,
    }[program]
    if not fits:
        return False
    return None if program in (Program.PKH, Program.OTHER) else rng.choice(fits)


def _case(sink, household, workers, rng, window) -> None:
    opened = window.start + timedelta(days=rng.randint(-180, (window.end - window.start).days - 14))
    programs = list(PROGRAMS)
    weights = [PROGRAMS[p][0] for p in programs]
    for _try in range(4):
        program = rng.choices(programs, weights)[0]
        person = _subject(program, household, opened, rng)
        if person is not False:
            break
    else:
        program, person = Program.OTHER, None
    head = next((p for p in household if p.relationship == "kepala"), household[0])
    subject = person or head
    code = head.area_code
    worker, *helpers = rng.sample(workers, min(len(workers), rng.randint(1, 3)))
    plan_start = opened + timedelta(days=rng.randint(0, 7))
    end_on = add_months(opened, 6) if program == Program.TB else None  # the TB treatment's length
    dues = [d for d in due_dates(Frequency.MONTHLY, plan_start, until=window.end, end=end_on) if d >= window.start]
    if not dues:  # a TB treatment that ended before the window: its last visit
        dues = [min(window.end, end_on or window.end)]
    visits = sorted(rng.sample(dues, min(len(dues), rng.randint(1, 6))))
    visits = sorted(min(window.end, max(opened, day + timedelta(days=rng.randint(-3, 5)))) for day in visits)
    closing = rng.random() < 0.15 and visits[-1] < window.end
    closed_on = visits[-1] + timedelta(days=rng.randint(1, 20)) if closing else None
    if closed_on and closed_on > window.end:
        closed_on = window.end
    case_id = sink.new_id("casework.Case")
    tb = program == Program.TB
    _weight, summary, reason = PROGRAMS[program]
    close_reason = rng.choices(*zip(*CLOSE_REASONS, strict=True))[0] if closed_on else ""
    sink.add(
        "casework.Case",
        (case_id, stamp(opened), stamp(closed_on or opened), new_uuid(rng), code, program, head.household_id,
         person.id if person else None, None, summary, "TBC paru, pengobatan enam bulan" if tb else "", worker,
         None, opened, reason, closed_on, close_reason, ""),
    )  # fmt: skip
    for helper in helpers:
        sink.add("casework.CaseTeamMember", (sink.new_id("casework.CaseTeamMember"), case_id, helper))
    sink.add(
        "casework.VisitPlan",
        (sink.new_id("casework.VisitPlan"), stamp(opened), stamp(closed_on or opened), case_id, Frequency.MONTHLY,
         None, plan_start, end_on, closed_on is None, closed_on),
    )  # fmt: skip
    _assessments(sink, case_id, worker, opened, visits, tb, rng)
    _visits(sink, case_id, code, [worker, *helpers], subject.name, visits, tb, rng)
    if rng.random() < 0.3:
        _referral(sink, case_id, code, program, worker, opened, closed_on or window.end, rng)


def _assessments(sink, case_id, worker, opened, visits, tb, rng) -> None:
    """The first assessment when the case opens; a second one, better on most needs, after the fourth visit."""
    first = {domain: rng.choice((2, 3, 3, 4)) for domain in NeedDomain.values}
    rounds = [(opened, first)]
    if len(visits) >= 4:
        rounds.append((visits[3], {d: max(1, r - rng.choice((0, 1, 1))) for d, r in first.items()}))
    for day, ratings in rounds:
        pk = sink.new_id("casework.NeedsAssessment")
        sink.add("casework.NeedsAssessment", (pk, stamp(day), stamp(day), case_id, day, worker, ""))
        for domain, rating in ratings.items():
            note = "Batuk, berat badan turun" if tb and domain == NeedDomain.HEALTH else ""
            sink.add("casework.NeedRating", (sink.new_id("casework.NeedRating"), pk, domain, rating, note))


def _visits(sink, case_id, code, team, met_with, days, tb, rng) -> None:
    seen = set()
    for day in days:
        worker = team[0] if rng.random() < 0.8 else rng.choice(team)
        if (worker, day) in seen:  # one log per worker, case and day
            continue
        seen.add((worker, day))
        adherence = rng.choices((Adherence.YES, Adherence.PARTLY, Adherence.NO), (80, 15, 5))[0] if tb else ""
        sink.add(
            "casework.Visit",
            (sink.new_id("casework.Visit"), stamp(day), stamp(day), new_uuid(rng), code, case_id, day, worker,
             met_with, rng.choice(TB_CONDITIONS) if tb else "", adherence, "", rng.choice(NEXT_STEPS)),
        )  # fmt: skip


def _referral(sink, case_id, code, program, worker, opened, last_day, rng) -> None:
    """A referral and the status it reached by walking the module's allowed transitions."""
    service, name = rng.choice(REFERRALS[program])
    referred_on = min(last_day, opened + timedelta(days=rng.randint(0, 30)))
    status, status_on = ReferralStatus.REFERRED, referred_on
    while ALLOWED_NEXT[status] and rng.random() < 0.7:
        options = sorted(ALLOWED_NEXT[status])
        status = rng.choices(options, [1 if s == ReferralStatus.REJECTED else 4 for s in options])[0]
        status_on = min(last_day, status_on + timedelta(days=rng.randint(3, 21)))
    outcome = "Sudah dilayani" if status == ReferralStatus.COMPLETED else ""
    sink.add(
        "casework.Referral",
        (sink.new_id("casework.Referral"), stamp(referred_on), stamp(status_on), new_uuid(rng), code, case_id,
         service, name, "Butuh layanan lanjutan", referred_on, status, status_on, outcome, worker),
    )  # fmt: skip
