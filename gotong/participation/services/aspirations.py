"""Aspirations and complaints: raise (numbered, routed, given a deadline), answer, review reports of abuse.

Follow-up period: UU 25/2009 tentang Pelayanan Publik, Pasal 50 ayat (2), obliges a public service provider to
respond to a written complaint within 14 days of receiving it; SP4N-LAPOR! (Permenpan RB 62/2018) runs on the same
legal basis. That is the default deadline here; the routing table (`AspirationRoute.follow_up_days`) may set
another per category and area. "Overdue" and "answered on time" both mean that first response.
"""

import datetime

from auditlog.context import set_actor
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from gotong.areas.models import Area, Level
from gotong.collaboration.services.evidence import ALLOWED_FORMATS, check_image, without_metadata
from gotong.core.area_codes import ancestor_codes, village_code
from gotong.core.policy import can, require
from gotong.core.policy.decide import Place, reaches
from gotong.core.scoping import area_code_filter
from gotong.core.validation import not_in_future
from gotong.participation.models import (
    AbuseReport,
    Aspiration,
    AspirationAnswer,
    AspirationCategory,
    AspirationCounter,
    AspirationRoute,
    AspirationStatus,
    Moderation,
)

DEFAULT_FOLLOW_UP_DAYS = 14  # UU 25/2009 Pasal 50 ayat (2)
# Reports from this many different readers hold a public text until a handler reviews it.
REPORTS_TO_HOLD = 3
MAX_TEXT = 2000

# Where a status may go next; closed aspirations (done, rejected) take no more changes.
NEXT_STATUSES = {
    AspirationStatus.RECEIVED: {AspirationStatus.RECEIVED, AspirationStatus.IN_PROGRESS, AspirationStatus.DONE,
                                AspirationStatus.REJECTED},
    AspirationStatus.IN_PROGRESS: {AspirationStatus.IN_PROGRESS, AspirationStatus.DONE, AspirationStatus.REJECTED},
    AspirationStatus.DONE: set(),
    AspirationStatus.REJECTED: set(),
}  # fmt: skip


def next_number(year: int) -> str:
    """ASP-2026-000123: the year's counter row incremented in the database (its row lock holds until the caller's
    transaction ends), so two concurrent submissions never share a number; the unique column is the backstop."""
    with transaction.atomic():
        if not AspirationCounter.objects.filter(year=year).update(last=F("last") + 1):
            try:
                with transaction.atomic():
                    AspirationCounter.objects.create(year=year, last=1)
            except IntegrityError:  # another submission created the year's row first
                AspirationCounter.objects.filter(year=year).update(last=F("last") + 1)
        last = AspirationCounter.objects.values_list("last", flat=True).get(year=year)
    return f"ASP-{year}-{last:06d}"


def route_for(category: str, area_code: str) -> AspirationRoute | None:
    """The routing table's row for this category at the most specific area containing the RT."""
    codes = [*ancestor_codes(area_code), area_code]
    rows = AspirationRoute.objects.filter(area_code__in=codes, category__in=[category, ""]).select_related(
        "organization", "officer"
    )
    return max(rows, key=lambda r: (len(r.area_code), r.category == category), default=None)


def raisable_rts(user):
    """The RTs the user may raise about: their reach's RTs (an officer's areas), or a resident's own kelurahan."""
    reached = reaches(user, "participation.raise")
    rts = Area.objects.filter(level=Level.RT)
    if reached.everything:
        return rts.order_by("code")
    codes = sorted(reached.area_codes | reached.organization_area_codes)
    if not codes and reached.own and user.person_id and user.person.household_id:
        codes = [village_code(user.person.household.area_code)]
    return rts.filter(area_code_filter(codes, "code")).order_by("code") if codes else rts.none()


def _home_rt(person) -> Area | None:
    return person.household.area if person is not None and person.household_id else None


def _clean_text(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Tuliskan isi aspirasi atau pengaduan Anda.")})
    if len(text) > MAX_TEXT:
        raise ValidationError({"text": _("Isi terlalu panjang; maksimal %(n)s huruf.") % {"n": MAX_TEXT}})
    return text


def _stored_photo(photo) -> ContentFile | None:
    if not photo:
        return None
    extension = check_image(photo, field="photo")
    kind = next(k for k, ext in ALLOWED_FORMATS.items() if ext == extension)
    # Re-encoded without EXIF (a phone photo's GPS tag pinpoints a home) and never under the uploader's file name.
    return ContentFile(without_metadata(photo, kind), name=f"aspirasi.{extension}")


@transaction.atomic
def raise_aspiration(
    *,
    category: str,
    text: str,
    acting_user,
    area: Area | None = None,
    raised_for=None,
    is_public: bool = True,
    photo=None,
    today: datetime.date | None = None,
) -> Aspiration:
    """A resident's own aspiration (raised_for: their person, the RT by default their household's), or one an
    officer, RT head or facilitator records for a resident of their area."""
    today = today or timezone.localdate()
    own_person = acting_user.person if acting_user.is_authenticated and acting_user.person_id else None
    reached = reaches(acting_user, "participation.raise")
    if not reached:
        raise PermissionDenied(_("Anda tidak dapat menyampaikan aspirasi di sini."))
    # Officers, RT heads and facilitators record for others in their areas; a resident speaks for themselves.
    speaks_for_area = bool(reached.everything or reached.area_codes or reached.organization_area_codes)
    if raised_for is None and not speaks_for_area:
        raised_for = own_person
    area = area or _home_rt(raised_for)
    errors = {}
    if category not in AspirationCategory.values:  # the field app's list; checked before routing uses it
        errors["category"] = _("Pilih jenis aspirasi dari daftar.")
    if area is None:
        errors["area"] = _("Pilih RT yang dimaksud (warga ini belum tercatat di rumah tangga mana pun).")
    elif area.level != Level.RT:
        errors["area"] = _("Aspirasi dicatat pada RT; pilih sebuah RT.")
    try:
        text = _clean_text(text)
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    if not speaks_for_area:
        # A resident speaks about their own kelurahan, not about any RT of the city.
        home = _home_rt(own_person)
        if home is None or village_code(home.code) != village_code(area.code):
            raise ValidationError({"area": _("Pilih RT di kelurahan tempat Anda tinggal.")})
    place = Place(area_code=area.code, person_id=raised_for.pk if raised_for else None)
    if not can(acting_user, "participation.raise", place):
        raise PermissionDenied(_("Anda tidak dapat mencatat aspirasi untuk warga atau RT ini."))
    route = route_for(category, area.code)
    aspiration = Aspiration(
        number=next_number(today.year),
        area=area,
        category=category,
        text=text,
        is_public=is_public,
        raised_for=raised_for,
        raised_by=acting_user,
        received_on=today,
        deadline=today + datetime.timedelta(days=route.follow_up_days if route else DEFAULT_FOLLOW_UP_DAYS),
        responsible_organization=route.organization if route else None,
        responsible_officer=route.officer if route else None,
    )
    stored = _stored_photo(photo)
    if stored is not None:
        aspiration.photo = stored
    aspiration.full_clean(exclude=["number", "photo"])
    with set_actor(acting_user):
        aspiration.save()
    return aspiration


@transaction.atomic
def answer_aspiration(
    aspiration: Aspiration, *, text: str, status: str, acting_user, answered_on: datetime.date | None = None
) -> AspirationAnswer:
    """A dated answer by a handling unit; it may move the status on. A rejection must say why."""
    require(acting_user, "participation.handle", aspiration)
    aspiration = Aspiration.objects.select_for_update().get(pk=aspiration.pk)
    answered_on = answered_on or timezone.localdate()
    text = (text or "").strip()
    errors = {}
    if not aspiration.is_open:
        errors["status"] = _("Aspirasi ini sudah %(status)s; tidak bisa dijawab lagi.") % {
            "status": aspiration.get_status_display().lower()
        }
    elif status not in NEXT_STATUSES[aspiration.status]:
        errors["status"] = _("Status tidak bisa kembali dari %(now)s ke %(next)s.") % {
            "now": aspiration.get_status_display(),
            "next": AspirationStatus(status).label if status in AspirationStatus.values else status,
        }
    if not text:
        errors["text"] = (
            _("Alasan penolakan wajib diisi.")
            if status == AspirationStatus.REJECTED
            else _("Tuliskan jawaban atau tindak lanjutnya.")
        )
    try:
        not_in_future(answered_on, "answered_on", label=_("Tanggal jawaban"))
    except ValidationError as error:
        errors.update(error.message_dict)
    if answered_on < (aspiration.received_on or aspiration.created_at.date()):
        errors["answered_on"] = _("Tanggal jawaban tidak boleh sebelum aspirasi diterima.")
    if errors:
        raise ValidationError(errors)
    answer = AspirationAnswer(
        aspiration=aspiration, answered_on=answered_on, text=text, status=status, answered_by=acting_user
    )
    answer.full_clean()
    with set_actor(acting_user):
        answer.save()
        aspiration.status = status
        if status == AspirationStatus.RECEIVED:
            # Answering is taking it up: an answered aspiration is being followed up.
            aspiration.status = AspirationStatus.IN_PROGRESS
            answer.status = aspiration.status
            answer.save(update_fields=["status"])
        if aspiration.first_answered_on is None or answered_on < aspiration.first_answered_on:
            aspiration.first_answered_on = answered_on
        aspiration.save(update_fields=["status", "first_answered_on", "updated_at"])
    return answer


def may_see_complainant(user, aspiration: Aspiration) -> bool:
    """The complainant's identity: the handling units, the complainant, and whoever recorded it for them."""
    if not user.is_authenticated:
        return False
    if aspiration.raised_by_id == user.pk or (user.person_id and aspiration.raised_for_id == user.person_id):
        return True
    return can(user, "participation.handle", aspiration)


def may_report(user, aspiration: Aspiration) -> bool:
    """Readers of a public text may report it; its handlers and its complainant have other means."""
    return (
        user.is_authenticated
        and aspiration.is_public
        and aspiration.moderation == Moderation.SHOWN
        and not may_see_complainant(user, aspiration)
        and can(user, "participation.view", aspiration)
    )


@transaction.atomic
def report_abuse(aspiration: Aspiration, *, acting_user, reason: str = "") -> AbuseReport:
    """One report per reader; REPORTS_TO_HOLD unreviewed reports hold the text until a handler reviews it."""
    require(acting_user, "participation.view", aspiration)
    aspiration = Aspiration.objects.select_for_update().get(pk=aspiration.pk)
    if not may_report(acting_user, aspiration):
        raise PermissionDenied(_("Aspirasi ini tidak bisa Anda laporkan."))
    report, created = AbuseReport.objects.get_or_create(
        aspiration=aspiration, reported_by=acting_user, defaults={"reason": (reason or "").strip()[:200]}
    )
    if not created:
        raise ValidationError({"reason": _("Anda sudah melaporkan aspirasi ini; petugas akan meninjaunya.")})
    if aspiration.abuse_reports.filter(reviewed=False).count() >= REPORTS_TO_HOLD:
        aspiration.moderation = Moderation.HELD
        with set_actor(acting_user):
            aspiration.save(update_fields=["moderation", "updated_at"])
    return report


@transaction.atomic
def review_reports(aspiration: Aspiration, *, keep_shown: bool, acting_user) -> Aspiration:
    """A handler's decision on a reported text: shown again (its reports marked reviewed) or hidden for good."""
    require(acting_user, "participation.handle", aspiration)
    aspiration.abuse_reports.filter(reviewed=False).update(reviewed=True)
    aspiration.moderation = Moderation.SHOWN if keep_shown else Moderation.REMOVED
    with set_actor(acting_user):
        aspiration.save(update_fields=["moderation", "updated_at"])
    return aspiration


def handled_by(user):
    """The aspirations this user answers for: those `participation.handle` reaches."""
    return Aspiration.objects.visible_to(user).reached_by(user, "participation.handle")
