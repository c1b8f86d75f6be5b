"""Demo data: the 2018 KOTAKU projects in Kampung Bugis, Tanjungpinang (seed 004), and one MoU.

Volumes and amounts are exactly those of the seed's Tabel 2 (jalan beton, APBN, source: Koordinator KOTAKU
2018) and Tabel 3 (rehab RTLH, APBD, source: Dinas Perkim 2018). The seed says BKM coordinates and KSM
carries out the work; it names no KSM, so the demo's "KSM Jalan Lingkungan RW 001" stands in for all.
The seed mentions a "nota kesepakatan" among the actors but gives no date or text: the MoU's date and its
commitments below are illustrative (marked "chosen"), shaped by what the seed says each party did.

The forum, meetings, target, action plan and data-sharing entry come from `demo_forum.load_forum_demo`.
`load_collaboration_demo()` is idempotent and needs the areas of 21.72 loaded (it loads the slum demo if missing).
"""

import datetime

from django.db import transaction

from gotong.areas.models import Area
from gotong.areas.services import ensure_neighbourhood_unit
from gotong.collaboration.models import (
    Agreement,
    AgreementKind,
    BudgetSource,
    CommitmentStatus,
    Project,
    ProjectKind,
    ProjectStatus,
)
from gotong.collaboration.services import add_commitment, create_agreement, create_project, update_commitment_status
from gotong.organizations.choices import OrganizationKind
from gotong.organizations.models import Organization
from gotong.organizations.services import create_organization

KAMPUNG_BUGIS = "21.72.03.1005"
YEAR = 2018

PERKIM = ("Dinas Perkim Kota Tanjungpinang", OrganizationKind.GOVERNMENT, "21.72", None)
KORKOT = ("Korkot KOTAKU Kota Tanjungpinang", OrganizationKind.OTHER, "21.72", None)
BKM = ("BKM Kampung Bugis", OrganizationKind.BKM, KAMPUNG_BUGIS, None)
KSM = ("KSM Jalan Lingkungan RW 001", OrganizationKind.KSM, KAMPUNG_BUGIS, 1)

APBN, APBD = BudgetSource.APBN, BudgetSource.APBD

# (name, kind, RW, RT, volume, unit, {source: whole rupiah}) — all figures from the seed's tables 2 and 3.
PROJECTS = (
    ("Jalan beton RT 002 RW 006", ProjectKind.CONCRETE_ROAD, 6, 2, "2002.38", "m", {APBN: 19_762_620_000}),
    ("Jalan beton RT 003 RW 006", ProjectKind.CONCRETE_ROAD, 6, 3, "760.00", "m", {APBN: 3_800_000_000}),
    ("Rehab RTLH (Aladin) RT 004 RW 006, 21 unit", ProjectKind.RTLH, 6, 4, "21", "unit", {APBD: 346_500_000}),
    ("Rehab RTLH (Aladin) RT 003 RW 006, 17 unit", ProjectKind.RTLH, 6, 3, "17", "unit", {APBD: 280_500_000}),
    ("Rehab RTLH RT 003 RW 006, 15 unit", ProjectKind.RTLH, 6, 3, "15", "unit", {APBD: 247_500_000}),
    ("Rehab RTLH RT 003 RW 006, 14 unit", ProjectKind.RTLH, 6, 3, "14", "unit", {APBD: 231_000_000}),
    # Tabel 3 writes "RT002-RW002", but the seed's slum area in Kampung Bugis has only RW 001 and RW 006 (and
    # the demo's places only those): recorded at village level, named as the seed writes it (verify).
    ("Rehab RTLH RT 002 RW 002, 12 unit", ProjectKind.RTLH, None, None, "12", "unit", {APBD: 198_000_000}),
)  # fmt: skip

MOU_TITLE = "Nota kesepahaman penanganan permukiman kumuh Kampung Bugis"
MOU_SIGNED_ON = datetime.date(2018, 2, 1)  # chosen: the seed gives no date
# (party, what, due, status, done_on, evidence) — chosen; BKM has one late and one overdue commitment.
COMMITMENTS = (
    (PERKIM, "Rehab 79 rumah tidak layak huni di RW 002 dan RW 006 (APBD 2018)",
     datetime.date(2018, 12, 31), CommitmentStatus.DONE, datetime.date(2018, 12, 14), "BAST Dinas Perkim 2018"),
    (KORKOT, "Jalan beton RT 002 dan RT 003 RW 006 (APBN 2018)",
     datetime.date(2018, 12, 31), CommitmentStatus.DONE, datetime.date(2018, 12, 21), "Laporan Korkot KOTAKU 2018"),
    (BKM, "Membentuk KSM pelaksana dan mengoordinasikan kegiatannya",
     datetime.date(2018, 4, 30), CommitmentStatus.DONE, datetime.date(2018, 4, 20), "SK BKM tentang KSM"),
    (BKM, "Laporan pertanggungjawaban kegiatan 2018 kepada warga",
     datetime.date(2019, 3, 31), CommitmentStatus.DONE, datetime.date(2019, 4, 15), "Berita acara rembug warga"),
    (BKM, "Gotong royong kebersihan lingkungan bulanan bersama kelurahan, dengan jadwal dan daftar hadir",
     datetime.date(2019, 6, 30), CommitmentStatus.IN_PROGRESS, None, ""),
)  # fmt: skip


def _organization(spec, acting_user, parent=None) -> Organization:
    name, kind, area_code, rw = spec
    found = Organization.objects.filter(name=name).order_by("pk").first()
    if found is not None:
        return found
    area = Area.objects.get(code=area_code)
    if rw is not None:
        area = ensure_neighbourhood_unit(area, rw)
    return create_organization(name=name, kind=kind, area=area, parent=parent, acting_user=acting_user)


@transaction.atomic
def load_collaboration_demo(acting_user=None) -> dict:
    village = Area.objects.get(code=KAMPUNG_BUGIS)
    perkim, korkot, bkm = (_organization(spec, acting_user) for spec in (PERKIM, KORKOT, BKM))
    ksm = _organization(KSM, acting_user, parent=bkm)
    projects = []
    for name, kind, rw, rt, volume, unit, budgets in PROJECTS:
        area = village if rw is None else ensure_neighbourhood_unit(village, rw, rt)
        project = Project.objects.filter(name=name, area_code=area.code, year=YEAR).first()
        if project is None:
            project = create_project(
                name=name,
                kind=kind,
                area=area,
                volume=volume,
                unit=unit,
                year=YEAR,
                budgets={str(source): amount for source, amount in budgets.items()},
                executor=ksm,
                coordinator=bkm,
                status=ProjectStatus.DONE,  # the seed reports them as carried out in 2018
                acting_user=acting_user,
            )
        projects.append(project)
    agreement = Agreement.objects.filter(title=MOU_TITLE, area_code=village.code).first()
    if agreement is None:
        agreement = create_agreement(
            title=MOU_TITLE,
            kind=AgreementKind.MOU,
            signed_on=MOU_SIGNED_ON,
            area=village,
            parties=[perkim, bkm, korkot],
            document_note="Nota kesepakatan antar-aktor kolaborasi KOTAKU, dengan jadwal (time line) kegiatan.",
            acting_user=acting_user,
        )
        by_spec = {PERKIM: perkim, KORKOT: korkot, BKM: bkm}
        for spec, what, due_on, status, done_on, evidence in COMMITMENTS:
            commitment = add_commitment(
                agreement, actor=by_spec[spec], what=what, due_on=due_on, acting_user=acting_user
            )
            if status != CommitmentStatus.PLANNED:
                update_commitment_status(
                    commitment, status=status, done_on=done_on, evidence=evidence, acting_user=acting_user
                )
    from gotong.collaboration.demo_forum import load_forum_demo

    more = load_forum_demo({"perkim": perkim, "korkot": korkot, "bkm": bkm, "ksm": ksm}, projects, acting_user)
    return {"projects": projects, "agreement": agreement, **more}
