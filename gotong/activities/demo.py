"""Demo data from seeds 000 and 002.

- Kampung Sayur Cempako (26 Ilir, Palembang, RT 017 / RW 005): the seed says gotong royong is held "setiap satu
  kali dalam seminggu dan dalam rangka memperingati hari-hari nasional" — cleaning, making planting media and
  decorations from used bottles and tyres, planting and tending vegetables. The demo holds a Sunday clean-up
  every week of the past year, a 17 Agustus clean-up and a media-tanam day. Attendance is drawn at random
  (fixed seed) from the RT's adult residents in the demo registry; the rates are illustrative.
- Its norms are the seed's: the duty to keep the area clean and the ban on dumping rubbish, agreed by the
  residents with "sanksi berupa teguran". The seed gives no date: 1 Mar 2019 is chosen. The warnings are made up.
- Medan (seed 000): a monthly youth clean-up by Komunitas Pemuda Peduli Belawan ("dalam satu bulan sekali
  minimal pasti melakukan gotong royong kebersihan").

`load_activities_demo(acting_user)` is idempotent: a series already present is left alone.
"""

import datetime
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from gotong.activities import services
from gotong.activities.defaults import install_default_rates
from gotong.activities.models import Event, EventKind, Norm, NormWarning, WageRate, WarningLevel
from gotong.areas.models import Area, Level
from gotong.organizations.choices import OrganizationKind
from gotong.organizations.models import Organization
from gotong.organizations.services import create_organization
from gotong.registry.models import Person

CEMPAKO_RT = "16.71.11.1005.005.017"
BELAWAN = "12.71.08"
WEEKLY = "Gotong royong mingguan Kampung Sayur Cempako"
YOUTH = "Bersih-bersih parit bersama Pemuda Peduli Belawan"
NORMS = (
    "Setiap warga wajib menjaga kebersihan lingkungan Kampung Sayur Cempako.",
    "Dilarang membuang sampah sembarangan di sekitar kawasan Kampung Sayur Cempako; pelanggar mendapat teguran.",
)


def _organization(name, kind, code, acting_user):
    found = Organization.objects.filter(name=name).first()
    if found:
        return found
    area = Area.objects.filter(code=code).first()
    if area is None:
        return None
    return create_organization(name=name, kind=kind, area=area, acting_user=acting_user)


def _adults(code, day):
    return [p for p in Person.objects.in_area(code).order_by("pk") if p.age_on(day) >= 17]


def _attend(event, people, share, rng, acting_user, guests=0):
    chosen = [p for p in people if rng.random() < share]
    hours = {p: (Decimal(3) if rng.random() < 0.2 else None) for p in chosen}
    services.record_attendance(event, hours_by_person=hours, guests=guests, guest_hours=Decimal(guests * 2),
                               acting_user=acting_user)  # fmt: skip


@transaction.atomic
def load_activities_demo(acting_user) -> dict:
    install_default_rates(WageRate)
    created = {"events": 0, "norms": 0, "warnings": 0}
    rt = Area.objects.filter(code=CEMPAKO_RT).first()
    if rt is not None:
        cempako = _organization("Kampung Sayur Cempako", OrganizationKind.COMMUNITY_ENTERPRISE, CEMPAKO_RT, acting_user)
        created["events"] += _cempako_events(rt, cempako, acting_user)
        created.update(_cempako_norms(rt, cempako, acting_user))
    youth = _organization("Komunitas Pemuda Peduli Belawan", OrganizationKind.YOUTH, BELAWAN, acting_user)
    if youth is not None:
        created["events"] += _youth_events(youth, acting_user)
    return created


def _cempako_events(rt, cempako, acting_user) -> int:
    if Event.objects.filter(title=WEEKLY, area=rt).exists():
        return 0
    rng = random.Random(2017)
    today = timezone.localdate()
    sunday = today - datetime.timedelta(days=(today.weekday() + 1) % 7)
    made = 0
    common = {"area": rt, "organization": cempako, "place": "Gg. Berdikari, Jl. Cempako Dalam"}
    for week in range(52, -2, -1):  # a year back and next Sunday, still to come
        day = sunday - datetime.timedelta(weeks=week)
        event = services.create_event(
            title=WEEKLY, kind=EventKind.CLEAN_UP, held_on=day, start_time=datetime.time(7, 0),
            default_hours=Decimal(2), description="Membersihkan gang dan parit, merawat tanaman sayur.",
            acting_user=acting_user, **common,
        )  # fmt: skip
        made += 1
        if day <= today:
            # Fewer come in the rainy months (Nov–Mar) than in the dry season.
            share = 0.35 if day.month in (11, 12, 1, 2, 3) else 0.55
            _attend(event, _adults(CEMPAKO_RT, day), share, rng, acting_user, guests=rng.randint(0, 3))
    last_august = datetime.date(today.year if today >= datetime.date(today.year, 8, 16) else today.year - 1, 8, 16)
    independence = services.create_event(
        title=f"Gotong royong menyambut HUT RI ke-{last_august.year - 1945}", kind=EventKind.NATIONAL_DAY,
        held_on=last_august, start_time=datetime.time(7, 30), default_hours=Decimal(4),
        description="Mengecat gapura, memasang umbul-umbul, membersihkan kampung untuk lomba 17 Agustus.",
        acting_user=acting_user, **common,
    )  # fmt: skip
    _attend(independence, _adults(CEMPAKO_RT, last_august), 0.8, rng, acting_user, guests=6)
    services.add_contribution(
        independence,
        what="Cat tembok",
        quantity=Decimal(5),
        unit="kaleng",
        estimated_value=750_000,
        given_by="Kelurahan 26 Ilir",
        acting_user=acting_user,
    )
    services.add_contribution(
        independence,
        what="Nasi bungkus",
        quantity=Decimal(40),
        unit="bungkus",
        estimated_value=600_000,
        given_by="Ibu-ibu RT 017",
        acting_user=acting_user,
    )
    media_day = sunday - datetime.timedelta(weeks=20, days=1)
    media = services.create_event(
        title="Membuat media tanam dari botol dan ban bekas", kind=EventKind.PLANTING_MEDIA, held_on=media_day,
        start_time=datetime.time(8, 0), default_hours=Decimal(3),
        description="Botol plastik, ban bekas dan gagang sapu bekas diolah menjadi pot dan rak hidroponik.",
        acting_user=acting_user, **common,
    )  # fmt: skip
    _attend(media, _adults(CEMPAKO_RT, media_day), 0.5, rng, acting_user, guests=2)
    services.add_contribution(
        media,
        what="Ban bekas",
        quantity=Decimal(24),
        unit="buah",
        estimated_value=120_000,
        given_by="Bengkel warga",
        acting_user=acting_user,
    )
    services.add_contribution(
        media,
        what="Bibit sayur (kangkung, sawi, cabai)",
        quantity=Decimal(10),
        unit="pak",
        estimated_value=150_000,
        given_by="PT Pusri Palembang",
        acting_user=acting_user,
    )
    return made + 2


def _cempako_norms(rt, cempako, acting_user) -> dict:
    made = {"norms": 0, "warnings": 0}
    norms = []
    for text in NORMS:
        norm = Norm.objects.filter(text=text, area=rt).first()
        if norm is None:
            norm = services.create_norm(text=text, agreed_on=datetime.date(2019, 3, 1), area=rt,
                                        organization=cempako, acting_user=acting_user)  # fmt: skip
            made["norms"] += 1
        norms.append(norm)
    if NormWarning.objects.filter(norm__in=norms).exists():
        return made
    today = timezone.localdate()
    people = _adults(CEMPAKO_RT, today)
    plan = ((1, 40, WarningLevel.ORAL, "Membuang kantong sampah ke parit belakang rumah."),
            (3, 25, WarningLevel.ORAL, "Menumpuk perabot rusak di gang."),
            (1, 10, WarningLevel.WRITTEN, "Mengulangi membuang sampah ke parit setelah teguran lisan."))  # fmt: skip
    for index, days_ago, level, note in plan:
        if index < len(people):
            services.give_warning(norms[1], person=people[index], given_on=today - datetime.timedelta(days=days_ago),
                                  level=level, note=note, acting_user=acting_user)  # fmt: skip
            made["warnings"] += 1
    return made


def _youth_events(youth, acting_user) -> int:
    lived_in = Person.objects.in_area(BELAWAN).values("area_code")
    household_rt = Area.objects.filter(level=Level.RT, code__in=lived_in).order_by("code").first()
    area = household_rt or youth.area
    if Event.objects.filter(title=YOUTH, organization=youth).exists():
        return 0
    rng = random.Random(71)
    today = timezone.localdate()
    made = 0
    for months_ago in range(6, 0, -1):
        first = (today.replace(day=1) - datetime.timedelta(days=28 * months_ago)).replace(day=1)
        day = first + datetime.timedelta(days=(5 - first.weekday()) % 7)  # first Saturday
        event = services.create_event(
            title=YOUTH, kind=EventKind.CLEAN_UP, held_on=day, start_time=datetime.time(8, 0),
            default_hours=Decimal(3), area=area, organization=youth, place="Parit dan jalan lingkungan",
            description="Membersihkan parit dan jalan lingkungan bersama warga.", acting_user=acting_user,
        )  # fmt: skip
        _attend(event, _adults(area.code, day), 0.3, rng, acting_user, guests=rng.randint(8, 15))
        made += 1
    return made
