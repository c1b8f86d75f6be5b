"""Synthetic collaboration around the slum locations, in the shape seed 004 describes for Kampung Bugis
(Tanjungpinang): the kelurahan, its KSM, the city and partners sign an agreement, keep commitments, meet in a
routine forum, and build projects (concrete paths, boardwalks, drains) paid mostly from APBN with APBD, CSR and
swadaya lines. Every village office also meets its partners (a bank's CSR unit, a university, local media) and
partnerships record what the community gave back, as seed 002 (Kampung Sayur Cempako) does.

Counts are reasoned guesses said as such below; statuses follow `collaboration.services` (done ⇔ a done date,
never after the generating day; a project of a past year is done).
"""

import random
from datetime import date, timedelta
from decimal import Decimal

from gotong.bench.synthetic.modules import stamps
from gotong.collaboration.models import (
    BudgetSource,
    CommitmentStatus,
    Forum,
    ForumKind,
    Indicator,
    LegalBasis,
    ProjectKind,
    ProjectStatus,
    ReciprocityKind,
)
from gotong.organizations.choices import OrganizationKind
from gotong.organizations.models import Organization

# City-wide partners; seed 002's kinds (a bank, a state company's CSR, a university, local media), names invented.
PARTNERS = (
    ("Bank Mitra Sejahtera (CSR)", OrganizationKind.PARTNER_CSR),
    ("PT Bahari Energi (CSR)", OrganizationKind.PARTNER_CSR),
    ("Universitas Maritim Kota", OrganizationKind.UNIVERSITY),
    ("Radio Suara Kota", OrganizationKind.MEDIA),
)
COMMITMENTS = (3, 6)  # per agreement: guess (seed 004 lists the parties' roles, one or two each)
PROJECTS = (2, 5)  # per location a year: guess (seed 004: pelantar beton and jalan beton in one year)
PROJECT_KINDS = (
    (ProjectKind.CONCRETE_ROAD, "m", 80, 600), (ProjectKind.BOARDWALK, "m", 50, 400),
    (ProjectKind.DRAINAGE, "m", 100, 800), (ProjectKind.RTLH, "unit", 5, 30), (ProjectKind.SANITATION, "unit", 10, 60),
    (ProjectKind.DRINKING_WATER, "SR", 20, 150), (ProjectKind.WASTE, "unit", 1, 4),
)  # fmt: skip
# A project's rupiah a unit (m, house, connection): guess from KOTAKU's BDI grants (about Rp 1 miliar a kelurahan).
RUPIAH_PER_UNIT = {"m": 900_000, "unit": 17_500_000, "SR": 2_500_000}
PARTNERSHIP_SHARE = 0.5  # village offices with each partner: guess
RECIPROCITIES = (1, 4)  # per partnership in the window: guess (seed 002 names branding, accounts, loans)
FORUM_MEETINGS = (8, 12)  # a monthly forum's meetings held in the twelve months: some months it does not meet


def ensure_organizations(sink, villages, *, village_ids, city_id: int, city_code: str, window) -> dict:
    """The kelurahan office of every village, a KSM where a location is, and the city-wide partners; an earlier
    run's are reused by name. Returns {"office": {village code: id}, "partners": [(id, kind)], "organization": a
    maker for more, "village_ids": …}."""
    existing = {(name.lower(), area_id): pk for pk, name, area_id in Organization.objects.filter(
        area_id__in=[*village_ids.values(), city_id]).values_list("pk", "name", "area_id")}  # fmt: skip
    made = window.start - timedelta(days=400)

    def organization(name, kind, area_id, code, description):
        key = (name.lower(), area_id)
        if key not in existing:
            existing[key] = sink.new_id("organizations.Organization")
            sink.add("organizations.Organization", (existing[key], *stamps(made).values(), name, kind, area_id, code,
                                                    None, description, "", ""))  # fmt: skip
        return existing[key]

    offices = {
        v.code: organization(f"Kantor Kelurahan {v.name}", OrganizationKind.GOVERNMENT, village_ids[v.code], v.code,
                             "Pemerintah kelurahan.")
        for v in villages
    }  # fmt: skip
    partners = [(organization(name, kind, city_id, city_code, "Mitra kota."), kind) for name, kind in PARTNERS]
    return {"office": offices, "partners": partners, "organization": organization, "village_ids": village_ids}


def generate(sink, villages, *, seed: int, locations, orgs, village_ids, window) -> dict:
    rng = random.Random(f"{seed}-collaboration")
    until = window.end
    forums = {}
    taken = set(Forum.objects.filter(area_id__in=village_ids.values()).values_list("area_id", flat=True))
    for village in sorted(villages, key=lambda v: v.code):
        if village_ids[village.code] in taken:
            continue  # an earlier run's forum and partnerships stay as they were
        forums[village.code] = _forum(sink, village, village_ids[village.code], orgs, rng, window)
        _partnerships(sink, village, orgs, rng, window)
    projects = []
    for location in locations:
        village = location["village"]
        ksm = orgs["organization"](f"KSM {village.name} Bersih", OrganizationKind.KSM, location["village_id"],
                                   village.code, "Kelompok swadaya masyarakat penataan lingkungan.")  # fmt: skip
        _agreement(sink, location, ksm, orgs, rng, window, until)
        projects += _projects(sink, location, ksm, orgs, rng, window)
        _target(sink, location, rng, window)
    return {"forums": forums, "projects": projects}


def _forum(sink, village, area_id, orgs, rng, window) -> list[int]:
    office = orgs["office"][village.code]
    pk = sink.record(
        "collaboration.Forum", **stamps(window.start - timedelta(days=200)), name=f"Forum Kolaborasi {village.name}",
        kind=ForumKind.ROUTINE, area_id=area_id, area_code=village.code, convener_id=office, description="",
        meetings_per_year=12,
    )  # fmt: skip
    members = [office, *(partner for partner, _kind in orgs["partners"] if rng.random() < PARTNERSHIP_SHARE)]
    for member in members:
        sink.record("collaboration.ForumMember", forum_id=pk, organization_id=member)
    meetings = []
    for month in sorted(rng.sample(window.months, rng.randint(*FORUM_MEETINGS))):
        held_on = month + timedelta(days=rng.randint(0, 25))
        meeting = sink.record(
            "collaboration.Meeting", **stamps(held_on), forum_id=pk, area_code=village.code, held_on=held_on,
            place=f"Aula Kelurahan {village.name}", agenda="Rembug rutin: kemajuan kegiatan dan usulan warga",
            minutes="",
        )  # fmt: skip
        for member in members:
            sink.record("collaboration.Participant", meeting_id=meeting, area_code=village.code,
                        organization_id=member, name="", attended=rng.random() < 0.8)  # fmt: skip
        meetings.append(meeting)
    return meetings


def _partnerships(sink, village, orgs, rng, window) -> None:
    office = orgs["office"][village.code]
    for partner, kind in orgs["partners"]:
        if rng.random() >= PARTNERSHIP_SHARE:
            continue
        started = window.start - timedelta(days=rng.randint(30, 700))
        pk = sink.record("collaboration.Partnership", **stamps(started), partner_id=partner, community_id=office,
                         area_code=village.code, started_on=started, note="")  # fmt: skip
        for _ in range(rng.randint(*RECIPROCITIES)):
            day = window.start + timedelta(days=rng.randint(0, 360))
            what = ReciprocityKind.ACCOUNTS_OPENED if kind == OrganizationKind.PARTNER_CSR else ReciprocityKind.BRANDING
            count = rng.randint(5, 60) if what == ReciprocityKind.ACCOUNTS_OPENED else None
            value = None if count else rng.randint(5, 50) * 100_000
            sink.record("collaboration.Reciprocity", **stamps(day), partnership_id=pk, area_code=village.code,
                        occurred_on=day, kind=what, count=count, value_rupiah=value,
                        description="Timbal balik warga kepada mitra")  # fmt: skip
        if rng.random() < 0.5:  # the partner receives the kelurahan's aggregate figures
            day = window.start + timedelta(days=rng.randint(0, 360))
            sink.record("collaboration.DataSharing", **stamps(day), area_id=village_ids_of(orgs, village),
                        area_code=village.code, dataset="Rekap jumlah warga miskin per RT", provider_id=office,
                        recipient_id=partner, shared_on=day, purpose="Perencanaan program mitra",
                        legal_basis=LegalBasis.NOT_PERSONAL, contains_personal_data=False, note="")  # fmt: skip


def village_ids_of(orgs, village) -> int:
    return orgs["village_ids"][village.code]


def _agreement(sink, location, ksm, orgs, rng, window, until) -> None:
    village = location["village"]
    signed = window.start - timedelta(days=rng.randint(30, 300))
    pk = sink.record("collaboration.Agreement", **stamps(signed), title=f"Kesepakatan penanganan kumuh {village.name}",
                     kind="mou", signed_on=signed, area_id=location["village_id"], area_code=village.code,
                     document_note="")  # fmt: skip
    parties = [orgs["office"][village.code], ksm, orgs["partners"][rng.randrange(len(orgs["partners"]))][0]]
    for party in parties:
        sink.record("collaboration.AgreementParty", agreement_id=pk, organization_id=party)
    for _ in range(rng.randint(*COMMITMENTS)):
        due = window.start + timedelta(days=rng.randint(30, 540))
        status, done_on = _commitment_status(due, until, rng)
        sink.record("collaboration.Commitment", **stamps(signed), agreement_id=pk, area_code=village.code,
                    actor_id=rng.choice(parties), what="Menyediakan dukungan kegiatan penataan lingkungan",
                    due_on=due, status=status, done_on=done_on, evidence="")  # fmt: skip


def _commitment_status(due: date, until: date, rng) -> tuple[str, date | None]:
    """Most commitments due by now are kept (a few late, a few dropped); later ones are planned or under way."""
    if due > until:
        return rng.choice((CommitmentStatus.PLANNED, CommitmentStatus.IN_PROGRESS)), None
    roll = rng.random()
    if roll < 0.65:
        return CommitmentStatus.DONE, due - timedelta(days=rng.randint(0, 20))
    if roll < 0.8:
        return CommitmentStatus.DONE, min(due + timedelta(days=rng.randint(1, 60)), until)
    if roll < 0.85:
        return CommitmentStatus.DROPPED, None
    return CommitmentStatus.IN_PROGRESS, None  # overdue


def _projects(sink, location, ksm, orgs, rng, window) -> list[dict]:
    village, made = location["village"], []
    for year in sorted({window.start.year, window.end.year}):
        for _ in range(rng.randint(*PROJECTS)):
            kind, unit, low, high = rng.choice(PROJECT_KINDS)
            volume = Decimal(rng.randint(low, high))
            status = ProjectStatus.DONE if year < window.end.year else rng.choice(
                (ProjectStatus.DONE, ProjectStatus.ONGOING, ProjectStatus.PLANNED))  # fmt: skip
            pk = sink.record(
                "collaboration.Project", **stamps(date(year, 1, 15)), name=f"{kind.label} {village.name}",
                kind=kind, area_id=location["village_id"], area_code=village.code, volume=volume, unit=unit,
                executor_id=ksm, coordinator_id=orgs["office"][village.code], status=status, year=year,
            )  # fmt: skip
            _budgets(sink, pk, village.code, int(volume) * RUPIAH_PER_UNIT[unit], orgs, rng)
            made.append({"id": pk, "village": village.code, "status": status})
    return made


def _budgets(sink, project_id: int, code: str, total: int, orgs, rng) -> None:
    """APBN carries most (seed 004: Kampung Bugis from 2015 with APBN), then APBD, CSR and the residents' swadaya."""
    shares = {BudgetSource.APBN: 0.7}
    if rng.random() < 0.5:
        shares[BudgetSource.APBD] = 0.15
    if rng.random() < 0.3:
        shares[BudgetSource.CSR] = 0.1
    shares[BudgetSource.SELF_HELP] = 0.05
    csr = [pk for pk, kind in orgs["partners"] if kind == OrganizationKind.PARTNER_CSR]
    for source, share in shares.items():
        amount = round(total * share / 1000) * 1000
        funder = rng.choice(csr) if source == BudgetSource.CSR else None
        sink.record("collaboration.ProjectBudget", project_id=project_id, area_code=code, source=source,
                    amount_rupiah=amount, funder_id=funder)  # fmt: skip


def _target(sink, location, rng, window) -> None:
    """Seed 004's "0 ha kumuh" target for the location, five years after its baseline's year."""
    sink.record(
        "collaboration.Target", **stamps(window.start), title=f"0 ha kumuh di {location['village'].name}",
        area_id=location["village_id"], area_code=location["village"].code, location_id=location["id"],
        indicator=Indicator.SLUM_HA, unit="ha", baseline_value=location["area_ha"],
        baseline_year=location["baseline"]["day"].year, target_value=Decimal(0), target_year=window.end.year + 1,
        reported_value=None, reported_on=None,
    )  # fmt: skip
