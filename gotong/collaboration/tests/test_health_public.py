"""The portal's collaboration health table grouped by village equals the per-village reference (`village_stages`,
the staff page's functions over `Collaboration.public_village`), and its queries do not grow with the villages.

The fixture gives each village a different mix, with the edge cases the indicators handle: attendance not taken,
rates under five, commitments kept, late, dropped, open past due and not yet due, a target approved after the
period, one approved at a city forum's meeting (not the village's own), slum locations decreed inside and after
the period, and records at kecamatan level or in a village with no forum, agreement, target or project (which
belong to no row)."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gotong.areas.models import Area, Level
from gotong.collaboration.health.public import collaboration_health, village_stages
from gotong.collaboration.models import (
    Agreement,
    CommitmentStatus,
    Forum,
    Indicator,
    Project,
    ProjectKind,
    ProjectStatus,
    Target,
)
from gotong.collaboration.services import (
    add_commitment,
    create_agreement,
    create_project,
    evidence,
    forums,
    targets,
    update_commitment_status,
)
from gotong.core.area_codes import village_code
from gotong.organizations.services import create_organization
from gotong.slums.criteria import CRITERIA
from gotong.slums.services import record_assessment, register_location

CITY = "21.72"
DISTRICT = "21.72.03"
TODAY = datetime.date(2024, 6, 15)  # the period runs Jan 2000 – Jun 2024; later records fall outside it
D = datetime.date
LIGHT = dict(dict.fromkeys((c.code for c in CRITERIA), 0), **{"6a": 100, "6b": 100, "7a": 100, "7b": 100})


def _reference_villages(area: Area):
    """The villages the table lists, as the per-village portal found them: every Forum, Agreement, Target and
    Project area code read and cut to its village in Python."""
    codes = set()
    for model in (Forum, Agreement, Target, Project):
        for code in model.objects.filter(area_code__startswith=f"{area.code}").values_list("area_code", flat=True):
            if (code == area.code or code.startswith(f"{area.code}.")) and code.count(".") >= 3:
                codes.add(village_code(code))
    return Area.objects.filter(code__in=codes, level=Level.VILLAGE).order_by("name")


def _reference(area: Area) -> list[dict]:
    return [village_stages(village, TODAY) for village in _reference_villages(area)]


class Town:
    """Writes collaboration records through the services, a different mix per village (`index`)."""

    def __init__(self, user):
        self.user = user
        city = Area.objects.get(code=CITY)
        self.perkim = self.org("Dinas Perkim", "pemerintah", city)
        self.csr = self.org("CSR Bank Riau", "mitra_csr", city)
        self.city_forum = forums.create_forum(
            name="Forum Kota", kind="routine", area=city, members=[self.perkim, self.csr], acting_user=user
        )
        self.city_meeting = self.meeting(self.city_forum, D(2020, 1, 10), absent=set())
        self.villages = []

    def org(self, name, kind, area):
        return create_organization(name=name, kind=kind, area=area, acting_user=self.user)

    def meeting(self, forum, day, absent, resident=None, take_attendance=True):
        m = forums.create_meeting(forum, held_on=day, place="Kantor lurah", agenda="Rapat", acting_user=self.user)
        if resident:
            forums.add_participant(m, name=resident, acting_user=self.user)
        if take_attendance:
            attendance = {p.pk: p.organization_id not in absent for p in m.participants.all()}
            forums.record_attendance(m, attendance=attendance, acting_user=self.user)
        return m

    def village(self, area: Area, index: int):
        """Forum, meetings, an agreement and its commitments, data, targets, projects and slum locations."""
        u = self.user
        self.villages.append(area)
        bkm = self.org(f"BKM {area.name}", "bkm", area)
        forum = forums.create_forum(
            name=f"Forum {area.name}", kind="routine", area=area, members=[self.perkim, bkm, self.csr],
            meetings_per_year=12, acting_user=u,
        )  # fmt: skip
        first = self.meeting(forum, D(2021, 2, 1), absent={self.csr.pk}, resident="Ketua RT 001")  # 4 invited
        for month in range(index):  # 3 more invited a meeting: the rate shows from the second village on
            self.meeting(forum, D(2022, month + 1, 5), absent={self.csr.pk} if month % 2 else set())
        self.meeting(forum, D(2023, 3, 3), absent=set(), take_attendance=False)  # counted as held, not in the rate
        later = self.meeting(forum, D(2024, 9, 1), absent=set(), take_attendance=False)  # after the period

        mou = create_agreement(
            title=f"MoU {area.name}", kind="mou", signed_on=D(2021, 1, 1 + index), area=area,
            parties=[self.perkim, bkm, self.csr], acting_user=u,
        )  # fmt: skip
        create_agreement(
            title=f"MoU baru {area.name}", kind="mou", signed_on=D(2024, 7, 1), area=area, parties=[self.perkim, bkm],
            acting_user=u,
        )  # fmt: skip  # signed after the period

        def promise(actor, due, status=None, done_on=None):
            c = add_commitment(mou, actor=actor, what="janji", due_on=due, acting_user=u)
            if status:
                update_commitment_status(c, status=status, done_on=done_on, acting_user=u)

        for n in range(index + 1):
            promise(self.perkim, D(2022, 6, 30 - n), CommitmentStatus.DONE, D(2022, 6, 1))  # kept
        promise(bkm, D(2022, 8, 31), CommitmentStatus.DONE, D(2022, 9, 10))  # late
        promise(self.csr, D(2023, 10, 31))  # still planned, past due: counted, not kept
        promise(self.csr, D(2023, 11, 30), CommitmentStatus.DROPPED)  # dropped: counted
        promise(bkm, D(2024, 6, 20), CommitmentStatus.IN_PROGRESS)  # due within the period, not yet: not counted
        promise(bkm, D(2024, 12, 31))  # due after the period

        for n in range(index % 3):
            evidence.record_data_sharing(
                area=area, dataset=f"Data {n}", provider=bkm, recipient=self.perkim, shared_on=D(2022, 3, 1 + n),
                purpose="rencana", legal_basis="not_personal", contains_personal_data=False, acting_user=u,
            )  # fmt: skip

        location = register_location(
            name=f"Kumuh {area.name}", decree_number=f"SK {index}", decree_authority="Wali Kota",
            area_ha=Decimal("10.00") + index, village=area, decree_date=D(2016, 1, 1) if index % 2 else D(2020, 1, 1),
            acting_user=u,
        )  # fmt: skip
        record_assessment(location, assessed_on=D(2021, 6, 30), percentages=LIGHT,
                          affected_area_ha=f"{8 - index % 4}.50", acting_user=u)  # fmt: skip
        record_assessment(location, assessed_on=D(2024, 10, 1), percentages=LIGHT, affected_area_ha="1.00",
                          acting_user=u)  # fmt: skip  # after the period
        register_location(
            name=f"Kumuh baru {area.name}", decree_number=f"SK {index}b", decree_authority="Wali Kota",
            area_ha=Decimal("3.00"), village=area, decree_date=D(2024, 8, 1), acting_user=u,
        )  # fmt: skip  # decreed after the period: not counted

        def target(title, approved_at=None):
            made = targets.save_target(
                title=title, area=area, indicator=Indicator.SAFE_WATER_PCT, unit="%", baseline_value=Decimal("50"),
                baseline_year=2020, target_value=Decimal("100"), target_year=2026, acting_user=u,
            )  # fmt: skip
            if approved_at is not None:
                targets.save_action_plan(target=made, title="Rencana", start_year=2021, end_year=2026,
                                         approved_at=approved_at, acting_user=u)  # fmt: skip
            return made

        agreed = target("Air minum", approved_at=first)
        targets.save_action_plan(target=agreed, title="Rencana 2", start_year=2022, end_year=2026, approved_at=first,
                                 acting_user=u)  # fmt: skip  # a second plan: still one target
        if index % 2:
            target("Sanitasi", approved_at=later)  # approved after the period: not agreed
            target("Jalan", approved_at=self.city_meeting)  # approved by the city forum: not the village's own
        target("Drainase")  # no plan

        def project(name, year, status):
            create_project(name=name, kind=ProjectKind.CONCRETE_ROAD, area=area, volume="10", unit="m", year=year,
                           budgets={"apbd": 100_000}, status=status, acting_user=u)  # fmt: skip

        for n in range(index + 1):
            project(f"Jalan {n}", 2022, ProjectStatus.DONE)
        project("Jalan berjalan", 2023, ProjectStatus.ONGOING)
        project("Jalan nanti", 2025, ProjectStatus.DONE)  # a year after the period

    def district_records(self):
        """Records at kecamatan level (a project cannot be: kelurahan or below) and a village with only a
        data-sharing entry: no row of the table."""
        u = self.user
        district = Area.objects.get(code=DISTRICT)
        camat = self.org("Kantor Camat", "pemerintah", district)
        forum = forums.create_forum(
            name="Forum Kecamatan", kind="routine", area=district, members=[self.perkim, camat], acting_user=u
        )
        for month in range(1, 7):
            self.meeting(forum, D(2022, month, 10), absent=set())
        agreement = create_agreement(title="MoU Kecamatan", kind="mou", signed_on=D(2021, 5, 5), area=district,
                                     parties=[self.perkim, camat], acting_user=u)  # fmt: skip
        for n in range(6):
            c = add_commitment(agreement, actor=camat, what="janji", due_on=D(2022, 1, 1 + n), acting_user=u)
            update_commitment_status(c, status=CommitmentStatus.DONE, done_on=D(2021, 12, 1), acting_user=u)
        made = targets.save_target(
            title="Kecamatan", area=district, indicator=Indicator.SAFE_WATER_PCT, unit="%",
            baseline_value=Decimal("50"), baseline_year=2020, target_value=Decimal("100"), target_year=2026,
            acting_user=u,
        )  # fmt: skip
        targets.save_action_plan(target=made, title="Rencana", start_year=2021, end_year=2026,
                                 approved_at=forum.meetings.first(), acting_user=u)  # fmt: skip
        evidence.record_data_sharing(
            area=district, dataset="Data kecamatan", provider=camat, recipient=self.perkim, shared_on=D(2022, 3, 1),
            purpose="rencana", legal_basis="not_personal", contains_personal_data=False, acting_user=u,
        )  # fmt: skip
        quiet = (
            Area.objects.filter(code__startswith=f"{CITY}.", level=Level.VILLAGE)
            .exclude(pk__in=[v.pk for v in self.villages])
            .order_by("code")
            .last()
        )
        evidence.record_data_sharing(
            area=quiet, dataset="Data lain", provider=camat, recipient=self.perkim, shared_on=D(2022, 3, 1),
            purpose="rencana", legal_basis="not_personal", contains_personal_data=False, acting_user=u,
        )  # fmt: skip
        return quiet


def _villages(count: int, skip: int = 0) -> list[Area]:
    """Villages of the city, some in the kecamatan whose own records belong to none of them."""
    return list(Area.objects.filter(code__startswith=f"{CITY}.", level=Level.VILLAGE).order_by("code"))[
        skip : skip + count
    ]


@pytest.fixture
def town(areas, city_officer):
    return Town(city_officer)


def test_grouped_table_equals_the_per_village_reference(town):
    for index, area in enumerate(_villages(5)):
        town.village(area, index)
    quiet = town.district_records()
    city = Area.objects.get(code=CITY)

    table = collaboration_health(city, TODAY)

    assert table == _reference(city)
    assert [row["code"] for row in table] == sorted(
        (v.code for v in town.villages), key=lambda c: Area.objects.get(code=c).name
    )
    assert quiet.code not in {row["code"] for row in table}
    first, second = (next(r for r in table if r["code"] == v.code) for v in town.villages[:2])
    # The first village: one meeting with attendance (4 invited, under five), one kept of four counted.
    assert first["attendance_rate"] is None and first["kept_rate"] is None
    assert (first["meetings"], first["targets_agreed"], first["targets"], first["projects_done"]) == (2, 1, 2, 1)
    # The second: 6 present of 4 + 3 invited (86 %); 2 kept of 5 counted; later and city-approved targets not agreed.
    assert second["attendance_rate"] == Decimal(86) and second["kept_rate"] == Decimal(40)
    assert (second["targets_agreed"], second["targets"], second["datasets"], second["agreements"]) == (1, 4, 1, 1)
    # The period begins in 2000, before both decrees: each location starts from its decree area (11 → 7.50, 10 → 8.50).
    assert second["slum_ha_reduced"] == Decimal("3.50") and first["slum_ha_reduced"] == Decimal("1.50")


def test_a_village_page_shows_its_own_row(town):
    for index, area in enumerate(_villages(2)):
        town.village(area, index)
    town.district_records()
    village = town.villages[1]
    assert collaboration_health(village, TODAY) == [village_stages(village, TODAY)]
    assert collaboration_health(Area.objects.get(code=DISTRICT), TODAY) == _reference(Area.objects.get(code=DISTRICT))


def test_queries_do_not_grow_with_the_villages(town):
    city = Area.objects.get(code=CITY)
    for index, area in enumerate(_villages(2)):
        town.village(area, index)
    town.district_records()
    with CaptureQueriesContext(connection) as two:
        assert len(collaboration_health(city, TODAY)) == 2
    for index, area in enumerate(_villages(4, skip=2), start=2):
        town.village(area, index)
    with CaptureQueriesContext(connection) as six:
        assert len(collaboration_health(city, TODAY)) == 6
    assert len(six) == len(two)
    assert len(two) <= 15
