"""Demo aspirations: a few per demo city, raised through the services and answered on time, late or not yet.

The texts are made up but typical of what residents of these kampung raise (drainage, waste collection, bansos
data, posyandu, street lights). Kampung Sayur Cempako's waste is routed to the KSM itself (its treasurer, the
`bendahara` login, answers), and the `warga` login has aspirations of its own, one answered. Dates count back
from today so some are overdue on the officers' home pages.

`load_aspirations_demo(acting_user)` is idempotent: a city that already has aspirations is left alone.
"""

import datetime
from io import BytesIO

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw

from gotong.accounts.models import User
from gotong.areas.models import Area
from gotong.core.area_codes import city_code
from gotong.core.demo.places import CEMPAKO_RT, CITY_CODES, VILLAGES
from gotong.organizations.models import Organization
from gotong.participation.models import Aspiration, AspirationRoute
from gotong.participation.services.aspirations import answer_aspiration, raise_aspiration
from gotong.registry.models import Person

# (category, text, public, days ago received, answers: (days after receipt, status, text))
STORIES = (
    ("infrastructure", "Saluran drainase di gang kami tersumbat; tiap hujan air masuk ke rumah warga.", True, 60,
     ((5, "in_progress", "Sudah ditinjau; pembersihan masuk jadwal kerja bakti RW."),
      (20, "done", "Saluran dibersihkan bersama warga dan petugas kebersihan."))),
    ("waste", "Sampah di TPS sementara belum diangkut lebih dari seminggu.", True, 40,
     ((3, "done", "Truk pengangkut sudah dijadwalkan ulang dua kali seminggu."),)),
    ("social_assistance", "Keluarga kami belum terdata penerima BPNT padahal sudah mengajukan.", False, 35,
     ((21, "in_progress", "Data diteruskan ke operator DTKS kelurahan untuk verifikasi."),)),
    ("health", "Posyandu di RW kami sering tutup saat jadwal penimbangan.", True, 30,
     ((10, "rejected", "Jadwal posyandu tidak berubah; penutupan bulan lalu karena kader sakit, sudah diganti."),)),
    ("security", "Lampu jalan di ujung gang mati sejak bulan lalu, rawan malam hari.", True, 25, ()),
    ("infrastructure", "Jalan setapak ke sekolah berlubang dan licin saat hujan.", True, 20, ()),
    ("other", "Usul pelatihan usaha untuk ibu-ibu di RT kami.", True, 5, ()),
)  # fmt: skip
WARGA_STORIES = (
    ("waste", "Bak sampah di Gg. Berdikari sudah rusak, mohon diganti.", True, 12,
     ((4, "in_progress", "KSM menyiapkan bak pengganti dari hasil kebun sayur."),)),
    ("infrastructure", "Pipa air bersih di RT 17 bocor di depan rumah nomor 3.", True, 3, ()),
)  # fmt: skip


def _drain_photo() -> ContentFile:
    """A drawn stand-in for a resident's phone photo: a blocked drain (brown water in a grey channel)."""
    image = Image.new("RGB", (320, 240), (170, 170, 160))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 150, 320, 240), fill=(120, 90, 50))
    draw.rectangle((40, 130, 280, 150), fill=(90, 90, 90))
    buffer = BytesIO()
    image.save(buffer, format="JPEG", quality=80)
    return ContentFile(buffer.getvalue(), name="foto.jpg")


def _raise_story(story, *, person, area, acting_user, admin, today, photo=None):
    category, text, public, ago, answers = story
    received = today - datetime.timedelta(days=ago)
    aspiration = raise_aspiration(
        category=category, text=text, area=area, raised_for=person, is_public=public, acting_user=acting_user,
        today=received, photo=photo,
    )  # fmt: skip
    for after, status, reply in answers:
        answered_on = min(received + datetime.timedelta(days=after), today)
        answerer = admin
        if aspiration.responsible_organization_id:
            answerer = (
                User.objects.filter(memberships__organization_id=aspiration.responsible_organization_id, is_active=True)
                .exclude(memberships__role="member")
                .first()
                or admin
            )
        answer_aspiration(aspiration, text=reply, status=status, answered_on=answered_on, acting_user=answerer)
    return aspiration


def _route_cempako_waste(admin) -> None:
    ksm = Organization.objects.filter(area_code=CEMPAKO_RT, name="Kampung Sayur Cempako").first()
    area = Area.objects.filter(code=CEMPAKO_RT).first()
    if ksm and area:
        AspirationRoute.objects.get_or_create(
            category="waste", area=area, defaults={"organization": ksm, "follow_up_days": 7}
        )


def load_aspirations_demo(acting_user) -> None:
    admin = acting_user
    today = timezone.localdate()
    _route_cempako_waste(admin)
    warga = User.objects.filter(username="warga", person__isnull=False).select_related("person__household").first()
    # The `warga` login's own aspirations are hers (below); the others are raised for other residents.
    not_warga = [warga.person_id] if warga else []
    for city in CITY_CODES:
        if Aspiration.objects.filter(area_code__startswith=f"{city}.").exists():
            continue
        villages = [v.code for v in VILLAGES if city_code(v.code) == city]
        if not villages:
            continue
        for index, village in enumerate(villages[:2]):
            stories = STORIES if index == 0 else STORIES[:2]
            # Whoever lives there (the demo may hold only a couple of households per village), in turn.
            people = list(
                Person.objects.in_area(village)
                .exclude(pk__in=not_warga)
                .select_related("household__area")
                .order_by("pk")[:20]
            )
            for number, story in enumerate(stories):
                if not people:
                    break
                person = people[number % len(people)]
                # The first of each city carries a photo, so its scoped photo view has one to serve.
                photo = _drain_photo() if index == number == 0 else None
                _raise_story(story, person=person, area=person.household.area, acting_user=admin, admin=admin,
                             today=today, photo=photo)  # fmt: skip
    if warga and not Aspiration.objects.filter(raised_by=warga).exists():
        for story in WARGA_STORIES:
            _raise_story(story, person=None, area=None, acting_user=warga, admin=admin, today=today)
