"""Demo data: the seed's six forms of social capital as an 18-question instrument, two survey rounds in 26 Ilir.

The questions follow what seed 002 describes at Kampung Sayur Cempako (weekly gotong royong, the rule against
littering with warnings, partners BRI/Pegadaian/Pusri/media, trust in the treasurer's books, exchanging harvests,
learning to grow vegetables from online videos); each states its SC-IQ dimension. The answers are synthetic:
drawn with a fixed seed, slightly higher in 2026 than in 2025. The partners' forum and its two meetings follow the
seed's stakeholder list; their dates are chosen. `load_socialcapital_demo()` is idempotent.
"""

import datetime
import random
import uuid

from django.db import transaction

from gotong.areas.models import Area
from gotong.collaboration.models import Forum, ForumKind, Meeting
from gotong.collaboration.services.forums import create_forum, create_meeting, record_attendance
from gotong.organizations.models import Organization
from gotong.registry.models import Household
from gotong.socialcapital.models import Dimension as D
from gotong.socialcapital.models import Instrument, QuestionKind, Response, SciqDimension, SurveyRound
from gotong.socialcapital.services import create_instrument, create_round, record_response

SEED = 2026
ILIR_26 = "16.71.11.1005"
CEMPAKO_RT = "16.71.11.1005.005.017"
INSTRUMENT_NAME = "Modal sosial permukiman (6 bentuk, SC-IQ)"
PER_ROUND = 40
_NAMESPACE = uuid.UUID("6f1c2a52-3f0e-4c84-9a55-5d1f0b6b2a10")

L, C = QuestionKind.LIKERT, QuestionKind.CHOICE
FREQUENCY = [("Tidak pernah", 0), ("Jarang (beberapa kali setahun)", 1), ("Sebulan sekali", 2), ("Setiap minggu", 3)]
QUESTIONS = (
    (D.GOTONG_ROYONG, L, None, "Warga di lingkungan saya bergotong royong membersihkan lingkungan setiap minggu."),
    (D.GOTONG_ROYONG, C, None, "Seberapa sering anggota keluarga Anda ikut kerja bakti atau gotong royong?", FREQUENCY),
    (D.GOTONG_ROYONG, L, None, "Bila ada pekerjaan bersama (media tanam, dekorasi barang bekas), saya ikut membantu."),
    (D.NORMS, L, None, "Di lingkungan saya ada aturan bersama untuk tidak membuang sampah sembarangan."),
    (D.NORMS, L, None, "Warga yang melanggar aturan kebersihan ditegur oleh pengurus atau tetangga."),
    (D.NORMS, L, SciqDimension.COHESION_INCLUSION, "Pendatang dan penyewa rumah ikut dilibatkan dalam kegiatan warga."),
    (D.NETWORKS, C, None, "Berapa banyak kelompok warga (arisan, pengajian, PKK, kelompok tani) yang Anda ikuti?",
     [("Tidak ada", 0), ("Satu", 1), ("Dua", 2), ("Tiga atau lebih", 3)]),
    (D.NETWORKS, L, None, "Kampung kami punya hubungan baik dengan mitra (bank, BUMN, media, pemerintah)."),
    (D.NETWORKS, C, SciqDimension.INFORMATION, "Dari mana Anda paling sering mendapat kabar kegiatan kampung?",
     [("Tidak mendapat kabar", 0), ("Dari mulut ke mulut", 1), ("Pengumuman RT/masjid", 2),
      ("Grup WhatsApp atau Instagram kampung", 3)]),
    (D.TRUST, L, None, "Sebagian besar warga di lingkungan ini dapat dipercaya."),
    (D.TRUST, L, None, "Saya percaya pembukuan bendahara atas hasil penjualan panen."),
    (D.TRUST, C, None, "Bila Anda harus pergi dua hari, apakah Anda meminta tetangga menjaga rumah?",
     [("Tidak pernah", 0), ("Kadang-kadang", 1), ("Selalu", 2)]),
    (D.RECIPROCITY, L, None, "Warga saling bertukar hasil sayuran yang ditanam."),
    (D.RECIPROCITY, C, None, "Bila keluarga Anda tertimpa musibah, berapa tetangga yang akan membantu?",
     [("Tidak ada", 0), ("Satu atau dua", 1), ("Tiga sampai lima", 2), ("Lebih dari lima", 3)]),
    (D.RECIPROCITY, L, None, "Warga membalas bantuan mitra, misalnya memasang nama mitra atau membuka rekening."),
    (D.PROACTIVE, L, None, "Saya belajar sendiri (mis. dari video daring) cara menanam dan merawat sayuran."),
    (D.PROACTIVE, C, None, "Dalam setahun terakhir, pernahkah Anda mengusulkan kegiatan kepada RT atau kelurahan?",
     [("Tidak pernah", 0), ("Sekali", 1), ("Beberapa kali", 2)]),
    (D.PROACTIVE, L, None, "Saya ikut pelatihan atau pemberdayaan yang ditawarkan kepada kampung."),
)  # fmt: skip
ROUNDS = (
    ("Survei modal sosial 2025", datetime.date(2025, 3, 1), datetime.date(2025, 4, 30), 0.0),
    ("Survei modal sosial 2026", datetime.date(2026, 3, 1), datetime.date(2026, 4, 30), 0.35),
)
# Seed 002's stakeholders around Kampung Sayur Cempako; who came to which meeting is illustrative.
FORUM_NAME = "Forum mitra Kampung Sayur Cempako"
MEETINGS = (
    (datetime.date(2025, 6, 14), "Rencana pemasaran hasil panen dan bantuan media tanam",
     ("Kampung Sayur Cempako", "Kelurahan 26 Ilir", "Bank BRI Palembang", "PT Pegadaian Palembang")),
    (datetime.date(2025, 9, 20), "Liputan media dan dukungan CSR pupuk",
     ("Kampung Sayur Cempako", "PT Pusri Palembang", "PAL TV", "Kecamatan Bukit Kecil")),
)  # fmt: skip


def _instrument(acting_user) -> Instrument:
    existing = Instrument.objects.filter(name=INSTRUMENT_NAME).first()
    if existing:
        return existing
    specs = []
    for dimension, kind, sciq, text, *choices in QUESTIONS:
        specs.append({"dimension": dimension, "kind": kind, "sciq_dimension": sciq, "text": text,
                      "choices": choices[0] if choices else ()})  # fmt: skip
    description = (
        "Enam bentuk modal sosial menurut penelitian di Kampung Sayur Cempako (gotong royong, norma, jaringan, "
        "kepercayaan, timbal balik, tindakan proaktif), tiga pertanyaan per bentuk. Pemetaan ke SC-IQ Bank Dunia: "
        "gotong royong → aksi kolektif; norma → kohesi sosial; jaringan → kelompok dan jaringan (satu pertanyaan: "
        "informasi dan komunikasi); kepercayaan dan timbal balik → kepercayaan dan solidaritas; tindakan proaktif "
        "→ pemberdayaan."
    )
    return create_instrument(name=INSTRUMENT_NAME, description=description, questions=specs, acting_user=acting_user)


def _sample(rng: random.Random) -> list[Household]:
    """Everyone in Cempako's RT first, then other 26 Ilir households, up to PER_ROUND."""
    households = list(Household.objects.in_area(ILIR_26).order_by("family_card_number"))
    in_rt = [h for h in households if h.area_code == CEMPAKO_RT]
    others = [h for h in households if h.area_code != CEMPAKO_RT]
    rng.shuffle(others)
    return (in_rt + others)[:PER_ROUND]


def _answers(rng: random.Random, questions, level: float) -> dict:
    answers = {}
    for question in questions:
        if question.kind == QuestionKind.LIKERT:
            answers[question.pk] = max(1, min(5, round(rng.gauss(3.0 + level, 0.9))))
        else:
            choices = list(question.choices.all())
            position = (level + 2) / 4 * (len(choices) - 1) + rng.gauss(0, 0.8)
            answers[question.pk] = choices[max(0, min(len(choices) - 1, round(position)))].pk
    return answers


def _rounds(instrument, acting_user) -> None:
    village = Area.objects.filter(code=ILIR_26).first()
    if village is None:
        return
    questions = list(instrument.questions.prefetch_related("choices"))
    for name, starts_on, ends_on, uplift in ROUNDS:
        survey_round = SurveyRound.objects.filter(instrument=instrument, area=village, name=name).first()
        if survey_round is None:
            survey_round = create_round(instrument=instrument, name=name, area=village, starts_on=starts_on,
                                        ends_on=ends_on, acting_user=acting_user)  # fmt: skip
        rng = random.Random(SEED)  # same households and household traits in both rounds
        for household in _sample(rng):
            trait = rng.gauss(0.0, 0.45) + (0.25 if household.area_code == CEMPAKO_RT else 0.0)
            answer_rng = random.Random(f"{SEED}-{name}-{household.family_card_number}")
            answers = _answers(answer_rng, questions, trait + uplift)
            if Response.objects.filter(survey_round=survey_round, household=household).exists():
                continue
            record_response(
                survey_round,
                household,
                answers=answers,
                submission_id=uuid.uuid5(_NAMESPACE, f"{name}-{household.family_card_number}"),
                answered_on=starts_on + datetime.timedelta(days=answer_rng.randrange(0, (ends_on - starts_on).days)),
                acting_user=acting_user,
            )


def _partners_forum(acting_user) -> None:
    village = Area.objects.filter(code=ILIR_26).first()
    names = {name for _d, _a, attendees in MEETINGS for name in attendees}
    organizations = {o.name: o for o in Organization.objects.filter(name__in=names, area_code__startswith="16.71")}
    if village is None or len(organizations) < len(names):
        return  # the core demo's Palembang organisations are not loaded
    forum = Forum.objects.filter(name=FORUM_NAME, area=village).first()
    if forum is None:
        forum = create_forum(name=FORUM_NAME, kind=ForumKind.INCIDENTAL, area=village,
                             convener=organizations["Kampung Sayur Cempako"],
                             members=list(organizations.values()), acting_user=acting_user)  # fmt: skip
    for held_on, agenda, attendees in MEETINGS:
        if Meeting.objects.filter(forum=forum, held_on=held_on).exists():
            continue
        meeting = create_meeting(forum, held_on=held_on, place="Gg. Berdikari, Kampung Sayur Cempako",
                                 agenda=agenda, acting_user=acting_user)  # fmt: skip
        attendance = {
            p.pk: p.organization.name in attendees for p in meeting.participants.select_related("organization")
        }
        record_attendance(meeting, attendance=attendance, acting_user=acting_user)


@transaction.atomic
def load_socialcapital_demo(acting_user) -> Instrument:
    instrument = _instrument(acting_user)
    _rounds(instrument, acting_user)
    _partners_forum(acting_user)
    return instrument
