"""Demo data for Kampung Bugis beyond the 2018 projects: the forum and its meetings, the shared target
"0 ha kumuh di Kampung Bugis pada 2027" with an action plan, and one data-sharing entry (seed 004).

What the seed states: the actors (Dinas Perkim, Korkot KOTAKU, BKM, KSM, kelurahan) meet face to face in forums
"secara rutin dan insidental", map the slum together, sign a nota kesepakatan with a timeline, share data, and
share the vision "Kampung Bugis nol kumuh"; 18.92 ha (2014) → 4.66 ha (2018). Everything else here is invented
for the demo and marked so: meeting dates, places, agenda/minutes text, attendance, decisions, the target year
2027 (the task's example), the plan's later activities, and the data-sharing entry's date and wording.
The records the collaboration health page adds (planned meetings, more data sharing, after photos) come from
`demo_health.load_health_demo`.
"""

import datetime
from decimal import Decimal

from gotong.areas.models import Area
from gotong.collaboration.demo_health import MEETINGS_PER_YEAR, load_health_demo
from gotong.collaboration.models import (
    ActivityStatus,
    DataSharing,
    Forum,
    ForumKind,
    Indicator,
    LegalBasis,
    Target,
)
from gotong.collaboration.services import evidence, forums, targets
from gotong.organizations.choices import OrganizationKind

FORUM_NAME = "Forum Kolaborasi KOTAKU Kampung Bugis"
KELURAHAN = ("Kelurahan Kampung Bugis", OrganizationKind.GOVERNMENT, "21.72.03.1005", None)
BAPPEDA = ("Bappeda Kota Tanjungpinang", OrganizationKind.GOVERNMENT, "21.72", None)
TARGET_TITLE = "0 ha kumuh di Kampung Bugis pada 2027"
PLAN_TITLE = "Rencana tindak penanganan kumuh Kampung Bugis 2018–2027"

# (date, place, agenda, minutes, absent org keys) — invented for the demo.
MEETINGS = (
    (
        datetime.date(2018, 1, 15),
        "Kantor Lurah Kampung Bugis",
        "Pemetaan lokasi kumuh RW 001 dan RW 006; usulan kegiatan 2018",
        "Peserta memetakan jalan lingkungan yang rusak dan rumah tidak layak huni. Disepakati prioritas: jalan beton "
        "dan pelantar RW 006, lalu rehab RTLH.",
        (),
    ),
    (
        datetime.date(2018, 2, 1),
        "Aula Kecamatan Tanjungpinang Kota",
        "Penandatanganan nota kesepakatan dan jadwal kegiatan 2018",
        "Nota kesepakatan ditandatangani Dinas Perkim, BKM dan Korkot KOTAKU, dengan jadwal (time line) kegiatan.",
        ("ksm",),
    ),
    (
        datetime.date(2018, 7, 10),
        "Sekretariat BKM Kampung Bugis",
        "Pemantauan pembangunan jalan beton dan rehab RTLH",
        "Pekerjaan jalan beton RT 002 RW 006 berjalan. Ada salah paham jadwal antara KSM dan kontraktor; disepakati "
        "rapat koordinasi mingguan sampai pekerjaan selesai.",
        ("perkim",),
    ),
)


def load_forum_demo(orgs: dict, projects: list, acting_user=None) -> dict:
    """`orgs` has keys perkim, korkot, bkm, ksm (from the collaboration demo); idempotent."""
    from gotong.collaboration.demo import _organization
    from gotong.slums.demo import load_slum_demo
    from gotong.slums.models import SlumLocation

    village = Area.objects.get(code="21.72.03.1005")
    orgs = {**orgs, "kelurahan": _organization(KELURAHAN, acting_user), "bappeda": _organization(BAPPEDA, acting_user)}
    forum = Forum.objects.filter(name=FORUM_NAME, area=village).first()
    if forum is None:
        forum = forums.create_forum(
            name=FORUM_NAME,
            kind=ForumKind.ROUTINE,
            area=village,
            convener=orgs["kelurahan"],
            members=[orgs[k] for k in ("kelurahan", "bkm", "ksm", "korkot", "perkim")],
            description="Forum para pihak KOTAKU di Kampung Bugis: kelurahan, BKM, KSM, Korkot dan Dinas Perkim.",
            meetings_per_year=MEETINGS_PER_YEAR,
            acting_user=acting_user,
        )
        for held_on, place, agenda, minutes, absent in MEETINGS:
            meeting = forums.create_meeting(
                forum, held_on=held_on, place=place, agenda=agenda, minutes=minutes, acting_user=acting_user
            )
            absent_ids = {orgs[key].pk for key in absent}
            forums.add_participant(meeting, name="Ketua RW 006", organization=None, acting_user=acting_user)
            forums.record_attendance(
                meeting,
                attendance={p.pk: p.organization_id not in absent_ids for p in meeting.participants.all()},
                acting_user=acting_user,
            )
        first, second, third = forum.meetings.order_by("held_on")
        forums.add_decision(
            first,
            text="Prioritas 2018: jalan beton RT 002 dan RT 003 RW 006, lalu rehab RTLH.",
            owner=orgs["korkot"],
            due_on=datetime.date(2018, 12, 31),
            acting_user=acting_user,
        )
        forums.add_decision(
            third,
            text="Rapat koordinasi mingguan KSM, BKM dan pelaksana sampai jalan beton selesai.",
            owner=orgs["bkm"],
            due_on=datetime.date(2018, 9, 30),
            acting_user=acting_user,
        )
        usulan = forums.add_decision(
            third,
            text="Menyusun usulan APBD 2019 untuk rehab RTLH lanjutan di RW 001.",
            owner=orgs["perkim"],
            due_on=datetime.date(2018, 10, 31),
            acting_user=acting_user,
        )
        from gotong.collaboration.models import Agreement

        agreement = Agreement.objects.filter(area_code=village.code).order_by("pk").first()
        if agreement is not None:
            forums.decision_to_commitment(usulan, agreement, acting_user=acting_user)
    location = SlumLocation.objects.filter(village=village, name="Kampung Bugis").first()
    if location is None:
        load_slum_demo(acting_user)
        location = SlumLocation.objects.get(village=village, name="Kampung Bugis")
    target = Target.objects.filter(title=TARGET_TITLE, area=village).first()
    if target is None:
        target = targets.save_target(
            title=TARGET_TITLE,
            area=village,
            location=location,
            indicator=Indicator.SLUM_HA,
            unit="ha",
            baseline_value=Decimal("18.92"),
            baseline_year=2014,
            target_value=Decimal("0"),
            target_year=2027,
            acting_user=acting_user,
        )
        _load_plan(target, forum, orgs, projects, acting_user)
    if not DataSharing.objects.filter(area=village, dataset__startswith="Data baseline SIM KOTAKU").exists():
        evidence.record_data_sharing(
            area=village,
            dataset="Data baseline SIM KOTAKU Kampung Bugis (per RT, agregat)",
            provider=orgs["perkim"],
            recipient=orgs["bappeda"],
            shared_on=datetime.date(2018, 1, 10),
            purpose="Perencanaan APBD penanganan kumuh dan keterpaduan program (invented example)",
            legal_basis=LegalBasis.NOT_PERSONAL,
            contains_personal_data=False,
            note="Contoh demo; tanggal dan rincian dikarang.",
            acting_user=acting_user,
        )
    load_health_demo(forum, orgs, projects, acting_user)
    return {"forum": forum, "target": target}


def _load_plan(target, forum, orgs, projects, acting_user) -> None:
    approved_at = forum.meetings.order_by("held_on").first()
    plan = targets.save_action_plan(
        target=target,
        title=PLAN_TITLE,
        start_year=2018,
        end_year=2027,
        approved_at=approved_at,
        acting_user=acting_user,
    )
    roads = [p for p in projects if p.kind == "jalan_beton"]
    houses = [p for p in projects if p.kind == "rtlh"]
    infra = targets.add_activity(
        plan, what="Infrastruktur permukiman 2018", organization=orgs["bkm"], weight=3, acting_user=acting_user
    )
    done_on = datetime.date(2018, 12, 21)
    for what, org, linked, budget in (
        ("Jalan beton RW 006", orgs["korkot"], roads, 23_562_620_000),
        ("Rehab RTLH RW 002 dan RW 006", orgs["perkim"], houses, 1_303_500_000),
    ):
        child = targets.add_activity(
            plan,
            what=what,
            organization=org,
            parent=infra,
            projects=linked,
            budget_rupiah=budget,
            starts_on=datetime.date(2018, 3, 1),
            ends_on=datetime.date(2018, 12, 31),
            acting_user=acting_user,
        )
        targets.record_progress(
            child,
            on=datetime.date(2018, 7, 10),
            status=ActivityStatus.ONGOING,
            progress=50,
            note="Pemantauan forum 10 Juli 2018 (invented)",
            acting_user=acting_user,
        )
        targets.record_progress(child, on=done_on, status=ActivityStatus.DONE, progress=100, acting_user=acting_user)
    # Invented later activities toward 0 ha: the seed names drainage, sanitation and fire protection as gaps.
    targets.add_activity(
        plan,
        what="Drainase dan sanitasi RW 001 (usulan)",
        organization=orgs["perkim"],
        weight=2,
        starts_on=datetime.date(2025, 1, 1),
        ends_on=datetime.date(2026, 12, 31),
        acting_user=acting_user,
    )
    targets.add_activity(
        plan,
        what="Proteksi kebakaran: hidran dan APAR (usulan)",
        organization=orgs["kelurahan"],
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2027, 12, 31),
        acting_user=acting_user,
    )
