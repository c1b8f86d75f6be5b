"""Synthetic participation: residents' aspirations through the year, answered (or not yet) by the village's
facilitators, and each village's musrenbang round of January with its proposals and residents' supports.

Aspirations: a reasoned guess of 10 a year per 1,000 residents, recorded by a facilitator for the resident (as
`raise_aspiration` does for a resident without a phone), numbered ASP-<year>-<n> after the year's counter, given
the default 14-day deadline of UU 25/2009 Pasal 50 (`services.aspirations.DEFAULT_FOLLOW_UP_DAYS`). Most are
answered, a few after the deadline; an answer moves the status as `answer_aspiration` does (a first answer takes
the aspiration up). Planning: the musrenbang kelurahan is held in January (Permendagri 86/2017); its proposals
come from residents, the forum and aspirations; a guess of one adult in twenty takes part, backing one to three
proposals (one support per person and proposal, `models.planning`); the most supported are chosen.
"""

import random
from datetime import date, timedelta

from django.contrib.auth import get_user_model

from gotong.bench.synthetic.modules import new_uuid, stamp, stamps
from gotong.bench.synthetic.programs import village_people
from gotong.participation.models import (
    AspirationCategory,
    AspirationCounter,
    AspirationStatus,
    ProposalSource,
    ProposalStatus,
    RoundKind,
)
from gotong.participation.services.aspirations import DEFAULT_FOLLOW_UP_DAYS

PER_1000_A_YEAR = 10  # aspirations per 1,000 residents: guess
ANSWERED = 0.85  # of aspirations past their deadline: guess
LATE = 0.15  # of answers, given after the deadline: guess
OUTCOMES = ((AspirationStatus.DONE, 55), (AspirationStatus.IN_PROGRESS, 30), (AspirationStatus.REJECTED, 15))
PROPOSALS = (8, 20)  # per musrenbang: guess
CHOSEN = (3, 5)  # proposals taken forward per round: guess
TAKING_PART = 0.05  # adults of the village supporting in the round: guess
ADULT_DAYS = 17 * 365 + 4
TEXTS = {
    AspirationCategory.INFRASTRUCTURE: "Jalan lingkungan rusak dan tergenang saat hujan.",
    AspirationCategory.SOCIAL_ASSISTANCE: "Keluarga kami belum terdaftar sebagai penerima bantuan.",
    AspirationCategory.HEALTH: "Mohon jadwal posyandu lansia diadakan di RW kami.",
    AspirationCategory.WASTE: "Sampah tidak diangkut lebih dari seminggu.",
    AspirationCategory.SECURITY: "Lampu jalan di gang padam, rawan pada malam hari.",
    AspirationCategory.OTHER: "Usulan kegiatan untuk pemuda di lingkungan kami.",
}
PROPOSAL_TITLES = ("Perbaikan jalan lingkungan", "Normalisasi saluran drainase", "Lampu penerangan jalan",
                   "Pelatihan keterampilan pemuda", "Bak sampah terpilah", "Sumur bor air bersih",
                   "Rehab rumah tidak layak huni", "Posyandu lansia", "Taman bermain anak", "Pos ronda")  # fmt: skip


def village_workers(villages) -> dict[str, list[int]]:
    """The facilitators made for each village by the casework generator (`casework.ensure_workers`)."""
    workers: dict[str, list[int]] = {v.code: [] for v in villages}
    for pk, username in get_user_model().objects.filter(username__startswith="psm-").values_list("pk", "username"):
        code = username[4:].rsplit("-", 1)[0]
        if code in workers:
            workers[code].append(pk)
    return workers


def generate(sink, villages, units, *, seed: int, persons_from: int, village_ids, projects, meetings, window) -> None:
    rng = random.Random(f"{seed}-participation")
    workers = village_workers(villages)
    rt_ids = {code: area_id for area_id, code in units.values()}
    specs = []
    for village in sorted(villages, key=lambda v: v.code):
        if not workers[village.code]:
            continue  # no facilitator to record or answer: none were made for this village
        residents = village_people(persons_from, village.code)
        for _ in range(round(len(residents) * PER_1000_A_YEAR / 1000)):
            person, code, _born = rng.choice(residents)
            received = window.start + timedelta(days=rng.randint(0, (window.end - window.start).days))
            specs.append((received, rng.random(), village.code, person, code))
    specs.sort()
    numbers = _numbers({received.year for received, *_rest in specs})
    made: dict[str, list[tuple[int, date, str]]] = {}
    for received, _order, village, person, code in specs:
        numbers[received.year] += 1
        number = f"ASP-{received.year}-{numbers[received.year]:06d}"
        pk, category = _aspiration(sink, number, received, person, code, rt_ids[code], workers[village], rng, window)
        made.setdefault(village, []).append((pk, received, category))
    for year, last in numbers.items():
        AspirationCounter.objects.update_or_create(year=year, defaults={"last": last})
    for village in sorted(villages, key=lambda v: v.code):
        if workers[village.code]:
            residents = village_people(persons_from, village.code)
            _round(sink, village, village_ids[village.code], residents, workers[village.code],
                   made.get(village.code, []), projects, meetings.get(village.code, []), rng, window)  # fmt: skip


def _numbers(years) -> dict[int, int]:
    counters = dict(AspirationCounter.objects.filter(year__in=years).values_list("year", "last"))
    return {year: counters.get(year, 0) for year in sorted(years)}


def _aspiration(sink, number, received, person, code, rt_id, workers, rng, window) -> tuple[int, str]:
    category = rng.choice(AspirationCategory.values)
    deadline = received + timedelta(days=DEFAULT_FOLLOW_UP_DAYS)
    worker = rng.choice(workers)
    answers = []
    if (deadline <= window.end or rng.random() < 0.5) and rng.random() < ANSWERED:
        late = rng.random() < LATE
        first = received + timedelta(days=rng.randint(DEFAULT_FOLLOW_UP_DAYS + 1, 40) if late else rng.randint(1, 14))
        if first <= window.end:
            outcome = rng.choices([s for s, _w in OUTCOMES], weights=[w for _s, w in OUTCOMES])[0]
            answers.append((first, AspirationStatus.IN_PROGRESS if outcome == AspirationStatus.DONE else outcome))
            if outcome == AspirationStatus.DONE:
                answers.append((min(first + timedelta(days=rng.randint(7, 60)), window.end), outcome))
    status = answers[-1][1] if answers else AspirationStatus.RECEIVED
    pk = sink.record(
        "participation.Aspiration", created_at=stamp(received),
        updated_at=stamp(answers[-1][0] if answers else received), public_id=new_uuid(rng), area_code=code,
        number=number, area_id=rt_id, category=category, text=TEXTS[category], is_public=rng.random() < 0.8,
        status=status, raised_for_id=person, raised_by_id=worker, deadline=deadline, received_on=received,
        responsible_organization_id=None, responsible_officer_id=None, photo="",
        first_answered_on=answers[0][0] if answers else None, moderation="shown",
    )  # fmt: skip
    for day, after in answers:
        text = "Sudah diteruskan ke dinas terkait." if after != AspirationStatus.DONE else "Sudah ditangani."
        if after == AspirationStatus.REJECTED:
            text = "Bukan kewenangan kelurahan; disarankan melapor ke instansi terkait."
        sink.record("participation.AspirationAnswer", **stamps(day), aspiration_id=pk, answered_on=day, text=text,
                    status=after, answered_by_id=worker)  # fmt: skip
    return pk, category


def _round(sink, village, area_id, residents, workers, aspirations, projects, meetings, rng, window) -> None:
    january = next(month for month in window.months if month.month == 1)
    opens, closes = january + timedelta(days=4), january + timedelta(days=24)
    opener = workers[0]
    pk = sink.record(
        "participation.PlanningRound", **stamps(opens), public_id=new_uuid(rng), area_code=village.code,
        title=f"Musrenbang Kelurahan {village.name} {january.year}", kind=RoundKind.MUSRENBANG, area_id=area_id,
        description="", opens_on=opens, closes_on=closes, closed_on=closes, opened_by_id=opener,
    )  # fmt: skip
    earlier = [a for a in aspirations if a[1] < opens and a[2] == AspirationCategory.INFRASTRUCTURE]
    proposals = []
    for number in range(rng.randint(*PROPOSALS)):
        source = rng.choice(list(ProposalSource)) if earlier or number else ProposalSource.RESIDENT
        aspiration = earlier.pop()[0] if source == ProposalSource.ASPIRATION and earlier else None
        if source == ProposalSource.ASPIRATION and aspiration is None:
            source = ProposalSource.RESIDENT
        meeting = rng.choice(meetings) if source == ProposalSource.FORUM and meetings else None
        proposals.append({"id": sink.new_id("participation.Proposal"), "source": source, "aspiration": aspiration,
                          "meeting": meeting, "title": rng.choice(PROPOSAL_TITLES), "supports": []})  # fmt: skip
    adult_by = opens - timedelta(days=ADULT_DAYS)
    adults = [person for person, _code, born in residents if born <= adult_by]
    weights = [rng.random() ** 2 for _ in proposals]  # a few proposals gather most of the support
    for person in rng.sample(adults, round(len(adults) * TAKING_PART)):
        for index in set(rng.choices(range(len(proposals)), weights=weights, k=rng.randint(1, 3))):
            proposals[index]["supports"].append(person)
    ranked = sorted(proposals, key=lambda p: -len(p["supports"]))
    chosen = {p["id"] for p in ranked[: rng.randint(*CHOSEN)]}
    village_projects = [p["id"] for p in projects if p["village"] == village.code]
    for proposal in proposals:
        status = ProposalStatus.CHOSEN if proposal["id"] in chosen else ProposalStatus.NOT_CHOSEN
        project = village_projects.pop() if status == ProposalStatus.CHOSEN and village_projects else None
        sink.record(
            "participation.Proposal", id=proposal["id"], **stamps(opens), public_id=new_uuid(rng),
            area_code=village.code, round_id=pk, title=proposal["title"], description="", source=proposal["source"],
            status=status, aspiration_id=proposal["aspiration"], meeting_id=proposal["meeting"],
            proposed_by_id=rng.choice(workers), activity_id=None, project_id=project,
        )  # fmt: skip
        for person in proposal["supports"]:
            day = opens + timedelta(days=rng.randint(0, (closes - opens).days))
            sink.record("participation.Support", proposal_id=proposal["id"], person_id=person,
                        area_code=village.code, recorded_by_id=None, created_at=stamp(day))  # fmt: skip
