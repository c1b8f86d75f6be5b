"""Demo records the collaboration health page needs for Kampung Bugis 2018, beyond the forum demo (seed 004).

What the seed states: the forum meets "secara rutin dan insidental"; trust "dapat dibuktikan dengan saling berbagi
data antara aktor-aktor yang berkolaborasi" (BKM, KSM, Korkot KOTAKU, Dinas Perkim, kelurahan); the concrete roads
of RT 002 and RT 003 RW 006 were built in 2018. Invented for the demo and marked so: the plan of four meetings a
year, the two data-sharing entries' datasets, dates and wording, and the after photos (plain generated pictures,
not field photos) — two road projects have one, the RTLH repairs have none, so the page shows both cases.
"""

import datetime
from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw

from gotong.collaboration.models import DataSharing, LegalBasis, PhotoStage, ProjectKind
from gotong.collaboration.services import evidence, forums

MEETINGS_PER_YEAR = 4  # chosen: a quarterly routine forum; the seed gives no frequency

# (dataset, provider key, recipient key, date, purpose) — invented, shaped by the seed's "saling berbagi data".
DATA_SHARED = (
    ("Data rumah tidak layak huni per RT, hasil pendataan BKM (agregat)", "bkm", "perkim",
     datetime.date(2018, 1, 22), "Menetapkan sasaran rehab RTLH APBD 2018 (invented example)"),
    ("Peta lokasi kumuh dan desain jalan lingkungan RW 006", "korkot", "kelurahan",
     datetime.date(2018, 2, 12), "Sosialisasi rencana jalan beton kepada warga (invented example)"),
)  # fmt: skip

AFTER_PHOTO_OF = ("Jalan beton RT 002 RW 006", "Jalan beton RT 003 RW 006")


def _demo_picture(label: str) -> SimpleUploadedFile:
    """A small plain picture that says it is a demo, so no one mistakes it for a field photo."""
    image = Image.new("RGB", (320, 200), (190, 190, 180))
    ImageDraw.Draw(image).text((12, 90), f"DEMO: {label}", fill=(30, 30, 30))
    buffer = BytesIO()
    image.save(buffer, format="JPEG", quality=70)
    return SimpleUploadedFile("demo.jpg", buffer.getvalue(), content_type="image/jpeg")


def load_health_demo(forum, orgs: dict, projects: list, acting_user=None) -> None:
    """Idempotent: each record is added only when missing."""
    if forum.meetings_per_year is None:
        forums.update_forum(
            forum,
            name=forum.name,
            kind=forum.kind,
            area=forum.area,
            convener=forum.convener,
            members=list(forum.members.all()),
            description=forum.description,
            meetings_per_year=MEETINGS_PER_YEAR,
            acting_user=acting_user,
        )
    for dataset, provider, recipient, shared_on, purpose in DATA_SHARED:
        if not DataSharing.objects.filter(area=forum.area, dataset=dataset).exists():
            evidence.record_data_sharing(
                area=forum.area,
                dataset=dataset,
                provider=orgs[provider],
                recipient=orgs[recipient],
                shared_on=shared_on,
                purpose=purpose,
                legal_basis=LegalBasis.NOT_PERSONAL,
                contains_personal_data=False,
                note="Contoh demo; tanggal dan rincian dikarang.",
                acting_user=acting_user,
            )
    for project in projects:
        if project.kind != ProjectKind.CONCRETE_ROAD or project.name not in AFTER_PHOTO_OF:
            continue
        if not project.photos.filter(stage=PhotoStage.AFTER).exists():
            evidence.add_project_photo(
                project,
                image=_demo_picture(project.name),
                stage=PhotoStage.AFTER,
                taken_on=datetime.date(2018, 12, 21),
                caption="Gambar contoh demo, bukan foto lapangan",
                acting_user=acting_user,
            )
