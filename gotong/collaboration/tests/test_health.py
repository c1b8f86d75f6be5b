"""Collaboration health indicators from a hand-worked fixture: every number below was worked out by hand from the
records the fixture writes (see the comments), not read back from the code.

Period under test: Jan–Dec 2018 (12 months); the previous period is Jan–Dec 2017. "Today" is 1 Mar 2026.
"""

import datetime
from decimal import Decimal
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from gotong.collaboration.health import commitment, dialogue, small_wins, trust, understanding
from gotong.collaboration.health.period import Period, period_from
from gotong.collaboration.health.report import health
from gotong.collaboration.health.scope import Collaboration
from gotong.collaboration.health.warnings import all_warnings
from gotong.collaboration.models import CommitmentStatus, Indicator, PhotoStage, ProjectKind, ProjectStatus
from gotong.collaboration.services import (
    add_commitment,
    create_agreement,
    create_project,
    evidence,
    forums,
    targets,
    update_commitment_status,
)
from gotong.organizations.services import create_organization
from gotong.slums.criteria import CRITERIA
from gotong.slums.services import record_assessment, register_location

BUGIS = "21.72.03.1005"
TODAY = datetime.date(2026, 3, 1)
D = datetime.date
P2018 = Period.ending(D(2018, 12, 1), 12)
LIGHT = dict(dict.fromkeys((c.code for c in CRITERIA), 0), **{"6a": 100, "6b": 100, "7a": 100, "7b": 100})


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def _jpeg() -> SimpleUploadedFile:
    buffer = BytesIO()
    Image.new("RGB", (40, 30), (120, 120, 120)).save(buffer, format="JPEG")
    return SimpleUploadedFile("after.jpg", buffer.getvalue(), content_type="image/jpeg")


@pytest.fixture
def world(areas, city_officer, media):
    u = city_officer
    village = areas[BUGIS]

    def org(name, kind, code):
        return create_organization(name=name, kind=kind, area=areas[code], acting_user=u)

    perkim = org("Dinas Perkim", "pemerintah", "21.72")
    bkm = org("BKM Bugis", "bkm", BUGIS)
    ksm = org("KSM Jalan", "ksm", BUGIS)
    csr = org("CSR Bank Riau", "mitra_csr", BUGIS)
    forum = forums.create_forum(
        name="Forum Bugis", kind="routine", area=village, members=[perkim, bkm, ksm, csr], meetings_per_year=6,
        acting_user=u,
    )  # fmt: skip

    def meeting(day, absent, resident=None):
        m = forums.create_meeting(forum, held_on=day, place="Kantor lurah", agenda="Rapat", acting_user=u)
        if resident:
            forums.add_participant(m, name=resident, acting_user=u)
        forums.record_attendance(
            m, attendance={p.pk: p.organization_id not in absent for p in m.participants.all()}, acting_user=u
        )
        return m

    absent_none = set()
    meeting(D(2017, 11, 10), absent_none)  # M0: all four came
    m1 = meeting(D(2018, 2, 1), {ksm.pk, csr.pk}, resident="Ketua RT 002")  # perkim, bkm, resident came
    meeting(D(2018, 5, 2), {perkim.pk, ksm.pk, csr.pk})  # only bkm came
    m3 = meeting(D(2018, 9, 3), {ksm.pk, csr.pk})  # perkim, bkm came
    first = forums.add_decision(m1, text="BKM membentuk KSM", owner=bkm, due_on=D(2018, 3, 31), acting_user=u)
    forums.add_decision(m3, text="Rapat lagi Desember", acting_user=u)

    old = create_agreement(title="MoU 2017", kind="mou", signed_on=D(2017, 12, 15), area=village,
                           parties=[perkim, bkm], acting_user=u)  # fmt: skip
    c7 = add_commitment(old, actor=perkim, what="c7", due_on=D(2017, 12, 31), acting_user=u)
    update_commitment_status(c7, status=CommitmentStatus.DONE, done_on=D(2017, 12, 20), acting_user=u)
    mou = create_agreement(title="MoU 2018", kind="mou", signed_on=D(2018, 2, 1), area=village,
                           parties=[perkim, bkm, csr], acting_user=u)  # fmt: skip

    def promise(actor, what, due, status=None, done_on=None):
        c = add_commitment(mou, actor=actor, what=what, due_on=due, acting_user=u)
        if status:
            update_commitment_status(c, status=status, done_on=done_on, acting_user=u)
        return c

    promise(perkim, "c1", D(2018, 6, 30), CommitmentStatus.DONE, D(2018, 6, 15))  # kept
    promise(perkim, "c2", D(2018, 8, 31), CommitmentStatus.DONE, D(2018, 9, 10))  # late
    c3 = forums.decision_to_commitment(first, mou, acting_user=u)  # bkm, due 31 Mar 2018
    update_commitment_status(c3, status=CommitmentStatus.DONE, done_on=D(2018, 3, 20), acting_user=u)  # kept
    promise(csr, "c4", D(2018, 10, 31))  # still planned: lapsed, overdue
    promise(bkm, "c5", D(2019, 6, 30))  # not due in 2018; overdue today
    promise(csr, "c6", D(2018, 11, 30), CommitmentStatus.DROPPED)  # dropped: lapsed

    def share(dataset, provider, recipient, day):
        evidence.record_data_sharing(
            area=village, dataset=dataset, provider=provider, recipient=recipient, shared_on=day, purpose="rencana",
            legal_basis="not_personal", contains_personal_data=False, acting_user=u,
        )  # fmt: skip

    share("Data RTLH", bkm, perkim, D(2018, 3, 1))
    share("Desain jalan", perkim, bkm, D(2018, 4, 1))
    share("Daftar KSM", bkm, ksm, D(2017, 5, 1))

    location = register_location(
        name="Bugis", decree_number="SK 1", decree_authority="Wali Kota", area_ha=Decimal("10.00"), village=village,
        decree_date=D(2016, 1, 1), acting_user=u,
    )  # fmt: skip
    record_assessment(location, assessed_on=D(2017, 6, 30), percentages=LIGHT, affected_area_ha="8.00",
                      acting_user=u)  # fmt: skip
    record_assessment(location, assessed_on=D(2018, 10, 1), percentages=LIGHT, affected_area_ha="5.00",
                      acting_user=u)  # fmt: skip
    slum_target = targets.save_target(
        title="0 ha kumuh", area=village, location=location, indicator=Indicator.SLUM_HA, unit="ha",
        baseline_value=Decimal("10"), baseline_year=2016, target_value=Decimal("0"), target_year=2026, acting_user=u,
    )  # fmt: skip
    targets.save_target(
        title="Air minum layak", area=village, indicator=Indicator.SAFE_WATER_PCT, unit="%",
        baseline_value=Decimal("50"), baseline_year=2016, target_value=Decimal("100"), target_year=2020,
        reported_value=Decimal("60"), reported_on=D(2018, 6, 1), acting_user=u,
    )  # fmt: skip
    plan = targets.save_action_plan(target=slum_target, title="Rencana", start_year=2018, end_year=2026,
                                    approved_at=m1, acting_user=u)  # fmt: skip
    targets.add_activity(plan, what="a1", organization=bkm, acting_user=u)
    targets.add_activity(plan, what="a2", organization=perkim, acting_user=u)
    targets.add_activity(plan, what="a3", acting_user=u)

    def project(name, year, status, budgets):
        return create_project(name=name, kind=ProjectKind.CONCRETE_ROAD, area=village, volume="10", unit="m",
                              year=year, budgets=budgets, status=status, acting_user=u)  # fmt: skip

    project("p1", 2018, ProjectStatus.DONE, {"apbn": 1_000_000, "swadaya": 50_000})  # no after photo
    p2 = project("p2", 2018, ProjectStatus.DONE, {"apbd": 200_000})
    evidence.add_project_photo(p2, image=_jpeg(), stage=PhotoStage.AFTER, taken_on=D(2018, 12, 1), acting_user=u)
    project("p3", 2018, ProjectStatus.ONGOING, {"apbd": 300_000})
    project("p4", 2017, ProjectStatus.DONE, {"apbd": 70_000})  # no after photo
    return {"forum": forum, "perkim": perkim, "bkm": bkm, "ksm": ksm, "csr": csr, "village": village}


def test_dialogue_by_hand(world, city_officer):
    collab = Collaboration.of_forum(world["forum"], city_officer)
    assert dialogue.meetings_held(collab, P2018) == 3  # M1, M2, M3
    assert dialogue.meetings_held(collab, P2018.previous()) == 1  # M0
    assert dialogue.meetings_planned(collab, P2018) == 6  # 6 a year × 12 / 12
    assert dialogue.meetings_planned(collab, Period.ending(D(2018, 12, 1), 3)) == 2  # 6 × 3 / 12 = 1.5 → 2
    by_type = {row["type"]: (row["present"], row["invited"], row["rate"]) for row in dialogue.attendance_by_actor_type(
        collab, P2018)}  # fmt: skip
    # perkim came to M1 and M3 of three; bkm 3/3 and ksm 0/3 → 3/6; csr 0/3; the RT head (a resident) 1/1.
    assert by_type == {
        "government": (2, 3, Decimal("66.7")),
        "community": (3, 6, Decimal("50.0")),
        "private": (0, 3, Decimal("0.0")),
        "residents": (1, 1, Decimal("100.0")),
    }
    assert dialogue.decisions_taken(collab, P2018) == 2


def test_trust_by_hand(world, city_officer):
    collab = Collaboration.of_forum(world["forum"], city_officer)
    # Due in 2018: c1 kept, c2 late, c3 kept, c4 open, c6 dropped → 2 of 5.
    assert trust.kept_on_time_overall(collab, P2018, TODAY) == {"kept": 2, "counted": 5, "rate": Decimal("40.0")}
    rates = {row["actor"].name: row["rate"] for row in trust.kept_on_time_by_actor(collab, P2018, TODAY)}
    assert rates == {"BKM Bugis": Decimal("100.0"), "CSR Bank Riau": Decimal("0.0"), "Dinas Perkim": Decimal("50.0")}
    # Before the year is over (as of 1 Nov 2018) c6 (due 30 Nov) is not due yet: c1, c2, c3, c4 → 2 of 4.
    assert trust.kept_on_time_overall(collab, P2018, D(2018, 11, 1))["rate"] == Decimal("50.0")
    shared = trust.datasets_shared(collab, P2018)
    assert (shared["count"], shared["providers"], shared["recipients"]) == (2, 2, 2)


def test_commitment_by_hand(world, city_officer):
    collab = Collaboration.of_forum(world["forum"], city_officer)
    assert commitment.agreements_signed(collab, P2018) == 1
    # c1–c6 (c3 dated by its meeting, 1 Feb 2018); c7 belongs to 2017.
    assert commitment.commitments_made(collab, P2018) == 6
    assert commitment.commitments_made(collab, P2018.previous()) == 1
    # ksm and csr came to M0 in 2017 and to none of the three 2018 meetings.
    assert [o.name for o in commitment.actors_stopped_attending(collab, P2018)] == ["CSR Bank Riau", "KSM Jalan"]
    assert [c.what for c in commitment.lapsed_commitments(collab, P2018, TODAY)] == ["c4", "c6"]


def test_shared_understanding_by_hand(world, city_officer):
    collab = Collaboration.of_forum(world["forum"], city_officer)
    # The slum target's plan was approved at M1; the water target has no plan.
    assert understanding.targets_agreed(collab, P2018) == {"agreed": 1, "total": 2, "rate": Decimal("50.0")}
    assert understanding.targets_agreed(collab, P2018.previous())["agreed"] == 0
    assert understanding.plans_with_owners(collab) == {"owned": 2, "total": 3, "rate": Decimal("66.7")}
    # Four members; perkim and bkm were present at M1.
    assert understanding.actors_in_target_setting(collab) == {"took_part": 2, "total": 4, "rate": Decimal("50.0")}


def test_small_wins_by_hand(world, city_officer):
    collab = Collaboration.of_forum(world["forum"], city_officer)
    done = small_wins.projects_done(collab, P2018)
    assert done["count"] == 2 and done["total_rupiah"] == 1_250_000  # p1 + p2
    assert [(source.value, amount) for source, amount in done["by_source"]] == [
        ("apbn", 1_000_000), ("apbd", 200_000), ("swadaya", 50_000)
    ]  # fmt: skip
    # 8.00 ha known on 31 Dec 2017, 5.00 ha on 31 Dec 2018; in 2017: decree 10.00 → 8.00.
    assert small_wins.slum_hectares_reduced(collab, P2018) == {
        "reduced_ha": Decimal("3.00"),
        "left_ha": Decimal("5.00"),
    }
    assert small_wins.slum_hectares_reduced(collab, P2018.previous())["reduced_ha"] == Decimal("2.00")
    timeline = {row["target"].title: (row["status"], row["percent"], row["expected"])
                for row in small_wins.target_timeline(collab, P2018, TODAY)}  # fmt: skip
    # Slum: (5 − 10)/(0 − 10) = 50 % done, 2 of 10 years passed = 20 %. Water: 10/50 = 20 % done, 2 of 4 years = 50 %.
    assert timeline == {
        "0 ha kumuh": ("on_track", Decimal("50.0"), Decimal("20.0")),
        "Air minum layak": ("behind", Decimal("20.0"), Decimal("50.0")),
    }


def test_headlines_and_trend_by_hand(world, city_officer):
    result = health(Collaboration.of_forum(world["forum"], city_officer), P2018, TODAY)
    assert result["headlines"] == {
        "dialogue": 3, "trust": Decimal("40.0"), "commitment": 6, "understanding": 1, "small_wins": 2,
    }  # fmt: skip
    # 2017: M0; c7 kept (100 %); c7 made; no target agreed yet; p4 done.
    assert result["trend"] == {
        "dialogue": 2, "trust": Decimal("-60.0"), "commitment": 5, "understanding": 1, "small_wins": 1,
    }  # fmt: skip
    assert all(result["evidence"].values())


def test_warnings_by_hand(world, city_officer):
    warnings = all_warnings(Collaboration.of_forum(world["forum"], city_officer), TODAY)
    kinds = [w.kind for w in warnings]
    # Last meeting 3 Sep 2018; ksm and csr missed M1–M3; c4 and c5 open past due; both targets behind by 2026
    # (all the time of either has passed); p1 and p4 done without an after photo.
    assert (
        kinds
        == ["quiet_forum"]
        + ["missing_actor"] * 2
        + ["overdue_commitment"] * 2
        + ["target_behind"] * 2
        + ["no_after_photo"] * 2
    )
    assert "3 Sep 2018" in warnings[0].message
    assert warnings[0].url == reverse("collaboration:forum-detail", args=[world["forum"].pk])
    m3 = world["forum"].meetings.get(held_on=D(2018, 9, 3))
    assert [(w.message, w.url, w.on) for w in warnings[1:3]] == [
        (f"{name} tidak hadir 3 pertemuan berturut-turut di Forum Bugis (terakhir 3 Sep 2018).",
         reverse("collaboration:meeting-detail", args=[m3.pk]), D(2018, 9, 3))
        for name in ("KSM Jalan", "CSR Bank Riau")
    ]  # fmt: skip
    # Six months' patience: still warned (more than seven years); a forum that met last month is not.
    assert [w.kind for w in all_warnings(Collaboration.of_forum(world["forum"], city_officer), D(2018, 10, 1))][:1] == [
        "missing_actor"
    ]


def test_reciprocity_counts_partner_aid_of_the_treasuries(world, admin_user):
    from gotong.treasury import services as treasury
    from gotong.treasury.models import Category

    kebun = create_organization(name="Usaha Kebun Bugis", kind="usaha_komunitas", area=world["village"],
                                acting_user=admin_user)  # fmt: skip
    treasury.ensure_setup(kebun, acting_user=admin_user)
    aid = Category.objects.get(organization=kebun, name="Bantuan mitra")  # one of the default headings
    for day, amount, in_kind in ((D(2018, 4, 10), 500_000, False), (D(2018, 5, 10), 250_000, True),
                                 (D(2019, 1, 5), 900_000, False)):  # fmt: skip
        treasury.record_cash_entry(
            kebun, category=aid, occurred_on=day, amount=amount, in_kind=in_kind, partner=world["csr"],
            description="Bantuan", key=f"aid-{day}", acting_user=admin_user,
        )  # fmt: skip
    # The other side: what the community recorded giving back, two records in 2018 (one valued), one in 2019.
    from gotong.collaboration.services.reciprocity import record_reciprocity

    for day, kind, count, value in ((D(2018, 6, 1), "rekening", 12, None), (D(2018, 9, 1), "produk", None, 750_000),
                                    (D(2019, 2, 1), "produk", None, 300_000)):  # fmt: skip
        record_reciprocity(community=kebun, partner=world["csr"], occurred_on=day, kind=kind, count=count,
                           value_rupiah=value, description="Balas", acting_user=None)  # fmt: skip
    found = trust.reciprocity_evidence(Collaboration.of_village(world["village"], admin_user), P2018)
    assert found == {
        "entries": 2, "partners": 1, "money_rupiah": 500_000, "in_kind_rupiah": 250_000,
        "given_back_entries": 2, "given_back_partners": 1, "given_back_rupiah": 750_000,
    }  # fmt: skip


def test_period_chooser_rejects_bad_input_with_a_reason():
    period, error = period_from({"sampai": "2018-12", "bulan": "6"}, TODAY)
    assert (period.start, period.end, error) == (D(2018, 7, 1), D(2018, 12, 31), None)
    period, error = period_from({"bulan": "7"}, TODAY)
    assert period.months == 12 and "3, 6, 12, 24, 36" in error
    period, error = period_from({"sampai": "2030-01"}, TODAY)
    assert period.end == D(2026, 3, 31) and "bulan ini" in error
    assert Period.ending(D(2018, 12, 1), 12).previous() == Period(D(2017, 1, 1), D(2017, 12, 31), 12)
