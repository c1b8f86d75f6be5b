"""Demo data from seed 001 (Medan): the Dinas Sosial's welfare-empowerment programs with their mentors'
activities — skills training, literacy, scholarships & tutoring, health counselling, entrepreneurship.

The seed names the kinds of program, not cohorts, people or money: the cohorts, the sessions and every
outcome figure below are illustrative, drawn with a fixed random seed from the demo registry of Medan Belawan.
A first cohort has ended (outcomes recorded), a second is running.

`load_programs_demo(acting_user)` is idempotent: a program already present is left as it is.
"""

import datetime
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from gotong.areas.models import Area
from gotong.organizations.choices import OrganizationKind
from gotong.organizations.models import Organization
from gotong.organizations.services import create_organization
from gotong.programs import services
from gotong.programs.models import EnrolmentStatus, Program, ProgramKind
from gotong.registry.models import Person

BELAWAN = "12.71.08"
PROGRAMS = (
    # name, kind, topics, cohort size, adults only
    (
        "Pelatihan menjahit dan tata busana",
        ProgramKind.SKILLS,
        ("Mengenal mesin jahit", "Pola dasar", "Menjahit baju"),
        12,
        True,
    ),
    ("Kelas keaksaraan fungsional", ProgramKind.LITERACY, ("Membaca", "Menulis", "Berhitung"), 10, True),
    (
        "Beasiswa dan bimbingan belajar anak nelayan",
        ProgramKind.TUTORING,
        ("Matematika", "Bahasa Indonesia", "IPA"),
        15,
        False,
    ),
    ("Penyuluhan gizi dan kesehatan keluarga", ProgramKind.HEALTH, ("Gizi seimbang", "Stunting", "PHBS"), 20, True),
    (
        "Pelatihan kewirausahaan olahan ikan",
        ProgramKind.ENTREPRENEURSHIP,
        ("Ide usaha", "Produksi", "Pemasaran dan KUR"),
        12,
        True,
    ),
)
EARNS = {ProgramKind.SKILLS, ProgramKind.ENTREPRENEURSHIP}


def _organization(acting_user):
    found = Organization.objects.filter(name="Dinas Sosial Kota Medan").first()
    if found:
        return found
    return create_organization(name="Dinas Sosial Kota Medan", kind=OrganizationKind.GOVERNMENT,
                               area=Area.objects.get(code="12.71"), acting_user=acting_user)  # fmt: skip


@transaction.atomic
def load_programs_demo(acting_user) -> int:
    area = Area.objects.filter(code=BELAWAN).first()
    if area is None:
        return 0
    organization = _organization(acting_user)
    today = timezone.localdate()
    rng = random.Random(1)
    people = list(Person.objects.in_area(BELAWAN).order_by("pk"))
    made = 0
    for number, (name, kind, topics, size, adults_only) in enumerate(PROGRAMS):
        if Program.objects.filter(name=name, organization=organization).exists():
            continue
        program = services.create_program(name=name, kind=kind, organization=organization, area=area,
                                          acting_user=acting_user)  # fmt: skip
        made += 1
        pool = [p for p in people if (p.age_on(today) >= 18) == adults_only and p.age_on(today) >= 7]
        rng.shuffle(pool)
        first_start = today - datetime.timedelta(days=300 - 20 * number)
        second_start = today - datetime.timedelta(days=30)
        for index, start in enumerate((first_start, second_start), start=1):
            cohort = services.create_cohort(program, name=f"Angkatan {index}", starts_on=start,
                                            ends_on=start + datetime.timedelta(days=90), capacity=size,
                                            acting_user=acting_user)  # fmt: skip
            sessions = [
                services.add_session(
                    cohort,
                    held_on=start + datetime.timedelta(days=14 * n),
                    topic=topic,
                    hours=Decimal(3),
                    acting_user=acting_user,
                )  # fmt: skip
                for n, topic in enumerate(topics)
                if start + datetime.timedelta(days=14 * n) <= today
            ]
            members, pool = pool[: size - 2], pool[size - 2 :]
            enrolments = [services.enrol(cohort, person=p, enrolled_on=start, acting_user=acting_user) for p in members]
            for session in sessions:
                present = [e for e in enrolments if rng.random() < 0.8]
                services.record_session_attendance(session, present_enrolments=present, acting_user=acting_user)
            if cohort.ends_on < today:
                _outcomes(kind, enrolments, rng, acting_user)
    return made


def _outcomes(kind, enrolments, rng, acting_user):
    for enrolment in enrolments:
        completed = rng.random() < 0.75
        before = after = None
        business = False
        if kind in EARNS:
            before = rng.choice((0, 500_000, 800_000, 1_200_000, 1_500_000))
            business = completed and rng.random() < 0.4
            after = before + (rng.choice((0, 250_000, 400_000, 750_000)) if completed else 0)
        services.record_outcome(
            enrolment,
            status=EnrolmentStatus.COMPLETED if completed else EnrolmentStatus.DROPPED,
            certified=completed and kind in (ProgramKind.SKILLS, ProgramKind.LITERACY, ProgramKind.ENTREPRENEURSHIP),
            started_business=business,
            income_before=before,
            income_after=after,
            acting_user=acting_user,
        )
