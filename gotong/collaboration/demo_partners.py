"""Demo partnerships of Kampung Sayur Cempako (seed 002, Palembang): BRI, Pegadaian and Pusri, both sides.

From the seed: the stakeholders (Pegadaian, BRI, Pusri, media…) gave "bantuan dana dan fasilitas"; the community
gives back by "branding" their names in media coverage (TVRI, Kompas TV, PAL TV) and in decorations made of
recycled goods, and — for BRI specifically — by residents without a BRI account opening one and by the kampung's
businesses taking KUR loans. The seed gives no counts, amounts or dates: every number and date below is INVENTED
to be plausible for one RT (marked so), the kinds of reciprocity are the seed's.

The aid itself (BRI's Rp5.000.000 cash and Rp4.000.000 hydroponic installation, Pegadaian's seedlings, Pusri's
fertiliser) is in the community's cash book (`gotong.treasury.demo`); here come the CSR budget lines with their
funder, one BRI-run training, and the reciprocity records. Idempotent: what exists is left as it is.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from gotong.areas.models import Area
from gotong.collaboration.models import BudgetSource, Project, ProjectKind, ProjectStatus, Reciprocity
from gotong.collaboration.models import ReciprocityKind as K
from gotong.collaboration.services import create_project
from gotong.collaboration.services.reciprocity import record_reciprocity
from gotong.organizations.models import Organization
from gotong.treasury.schedule import add_months

CEMPAKO_RT = "16.71.11.1005.005.017"
ILIR_26 = "16.71.11.1005"

# (partner name start, months before this one, kind, count, value, description) — kinds from the seed, figures
# INVENTED.
RECIPROCITY = (
    ("Bank BRI", 14, K.ACCOUNTS_OPENED, 6, None, "Warga yang belum punya rekening membuka rekening BRI"),
    ("Bank BRI", 10, K.ACCOUNTS_OPENED, 14, None, "Warga membuka rekening BRI saat kunjungan mitra ke kebun"),
    ("Bank BRI", 7, K.LOANS_TAKEN, 3, 45_000_000, "Pelaku usaha pempek sayur dan jus sayur mengambil KUR BRI"),
    ("Bank BRI", 4, K.BRANDING, 2, None, "Nama BRI dalam liputan TVRI dan Kompas TV, papan nama dari barang bekas"),
    ("PT Pegadaian", 6, K.BRANDING, 1, None, "Dekorasi nama Pegadaian dari botol dan ban bekas di Gg. Berdikari"),
    ("PT Pusri", 3, K.BRANDING, 1, None, "Nama Pusri pada papan kebun sayur dan dalam liputan PAL TV"),
)

# (name, kind, volume, unit, CSR funder, {source: rupiah}, status, years back) — INVENTED projects in the RT.
PROJECTS = (
    ("Jalan setapak dan dinding tanam vertikal Gg. Berdikari", ProjectKind.BOARDWALK, "120", "m", "PT Pegadaian",
     {BudgetSource.CSR: 15_000_000, BudgetSource.SELF_HELP: 2_500_000}, ProjectStatus.DONE, 1),
    ("Rumah bibit dan penampungan air hujan Kampung Sayur", ProjectKind.OTHER, "1", "unit", "Bank BRI",
     {BudgetSource.CSR: 8_500_000, BudgetSource.SELF_HELP: 1_000_000}, ProjectStatus.ONGOING, 0),
)  # fmt: skip

PROGRAM = "Pelatihan literasi keuangan dan pembukuan usaha kampung"


def _partner(name_start):
    return Organization.objects.filter(name__startswith=name_start).order_by("pk").first()


def _projects(rt, cempako, today) -> int:
    made = 0
    for name, kind, volume, unit, funder, budgets, status, years_back in PROJECTS:
        if Project.objects.filter(name=name, area_code=rt.code).exists() or _partner(funder) is None:
            continue
        create_project(
            name=name, kind=kind, area=rt, volume=volume, unit=unit, year=today.year - years_back,
            budgets={str(s): amount for s, amount in budgets.items()}, executor=cempako, status=status,
            csr_funder=_partner(funder), acting_user=None,
        )  # fmt: skip
        made += 1
    return made


def _program(bri, acting_user, today) -> int:
    """A BRI-run training for 26 Ilir (INVENTED): 9 residents of the RT, 6 completed (2 started a business)."""
    from gotong.programs import services as programs
    from gotong.programs.models import EnrolmentStatus, Program
    from gotong.registry.models import Person

    if acting_user is None or Program.objects.filter(name=PROGRAM, organization=bri).exists():
        return 0
    program = programs.create_program(
        name=PROGRAM, kind="kewirausahaan", organization=bri, area=Area.objects.get(code=ILIR_26),
        description="Mitra mengajar pencatatan kas usaha rumahan dan cara mengajukan KUR.", acting_user=acting_user,
    )  # fmt: skip
    start = add_months(today.replace(day=1), -5)
    cohort = programs.create_cohort(
        program, name="Angkatan 1", starts_on=start, ends_on=start + datetime.timedelta(days=60),
        acting_user=acting_user,
    )  # fmt: skip
    adult = datetime.date(today.year - 18, 1, 1)
    people = Person.objects.filter(area_code=CEMPAKO_RT, birth_date__lte=adult).order_by("pk")[:9]
    outcomes = [EnrolmentStatus.COMPLETED] * 6 + [EnrolmentStatus.ACTIVE] * 2 + [EnrolmentStatus.DROPPED]
    for i, (person, status) in enumerate(zip(people, outcomes, strict=False)):
        enrolment = programs.enrol(cohort, person=person, enrolled_on=start, acting_user=acting_user)
        if status != EnrolmentStatus.ACTIVE:
            programs.record_outcome(
                enrolment, status=status, started_business=status == EnrolmentStatus.COMPLETED and i < 2,
                acting_user=acting_user,
            )  # fmt: skip
    return 1


@transaction.atomic
def load_partners_demo(acting_user=None) -> dict:
    cempako = Organization.objects.filter(name="Kampung Sayur Cempako", area_code=CEMPAKO_RT).first()
    rt = Area.objects.filter(code=CEMPAKO_RT).first()
    if cempako is None or rt is None:
        return {}
    today = timezone.localdate()
    made = {"reciprocity": 0, "projects": _projects(rt, cempako, today), "programs": 0}
    for name_start, months_back, kind, count, value, description in RECIPROCITY:
        partner = _partner(name_start)
        if partner is None:
            continue
        if Reciprocity.objects.filter(partnership__partner=partner, description=description).exists():
            continue
        record_reciprocity(
            community=cempako, partner=partner, occurred_on=add_months(today.replace(day=1), -months_back),
            kind=kind, count=count, value_rupiah=value, description=description, acting_user=None,
        )  # fmt: skip
        made["reciprocity"] += 1
    bri = _partner("Bank BRI")
    if bri is not None:
        made["programs"] = _program(bri, acting_user, today)
    return made
