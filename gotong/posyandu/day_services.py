"""Every write of the posyandu day besides weighing: who came (meja 1), counselling (meja 4), vitamin A,
deworming and PMT (meja 5). Pages, the demo and later the field forms call these; each asks the policy
(`posyandu.record` at the child's posyandu), refuses dates after today (Asia/Jakarta) and choices not listed, and
raises ValidationError in Indonesian. Nothing here logs a child's data.
"""

import datetime

from auditlog.context import set_actor
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gotong.core.dates import short_date
from gotong.posyandu import supplements
from gotong.posyandu.models import Capsule, Child, DayVisit, Deworming, Feeding, FeedingKind, Session, VitaminADose
from gotong.posyandu.services import _check_may_record


def _check_child_of_session(child: Child, session: Session | None) -> None:
    if session is not None and child.posyandu_id != session.posyandu_id:
        raise ValidationError(_("Balita ini bukan anak asuh posyandu %(p)s.") % {"p": session.posyandu.name})


def _check_date(child: Child, given_on: datetime.date | None, session: Session | None = None) -> datetime.date:
    """Not empty, not after today (the posyandu's own clock, Asia/Jakarta), not before birth, and in the month of
    the session it is recorded at (as a weighing is)."""
    if given_on is not None and session is not None and given_on.replace(day=1) != session.month:
        raise ValidationError({"given_on": _("Tanggal pemberian harus di bulan hari buka ini.")})
    if given_on is None:
        raise ValidationError({"given_on": _("Tanggal pemberian wajib diisi.")})
    if given_on > timezone.localdate():
        raise ValidationError({"given_on": _("Tanggal %(d)s belum lewat.") % {"d": short_date(given_on)}})
    if given_on < child.person.birth_date:
        raise ValidationError({"given_on": _("Tanggal pemberian sebelum tanggal lahir.")})
    return given_on


def _check_give(child: Child, given_on: datetime.date | None, session: Session | None, acting_user) -> None:
    """What every meja 5 write checks first: the policy, the child's posyandu, the date."""
    _check_may_record(acting_user, child.posyandu)
    _check_child_of_session(child, session)
    _check_date(child, given_on, session)


def _save_round_dose(model, *, child: Child, given_on: datetime.date, session: Session | None, acting_user, **values):
    """Vitamin A and deworming come once a round (February, August): a second entry in the round corrects the first."""
    round_ = supplements.round_of(given_on)
    dose = model.objects.filter(child=child, round=round_).first() or model(child=child, round=round_)
    dose.session, dose.given_on = session, given_on
    for name, value in values.items():
        setattr(dose, name, value)
    with set_actor(acting_user):
        dose.save()
    return dose


@transaction.atomic
def record_visit(*, session: Session, child: Child, acting_user) -> DayVisit:
    """Meja 1: the child came today (idempotent: registering twice keeps one visit)."""
    _check_may_record(acting_user, session.posyandu)
    _check_child_of_session(child, session)
    if session.held_on > timezone.localdate():
        raise ValidationError(_("Hari buka ini belum berlangsung."))
    visit = DayVisit.objects.filter(session=session, child=child).first()
    if visit is None:
        visit = DayVisit(session=session, child=child)
        with set_actor(acting_user):
            visit.save()
    return visit


@transaction.atomic
def record_counselling(*, session: Session, child: Child, note: str = "", acting_user) -> DayVisit:
    """Meja 4: counselling given (with an optional note); registers the visit if meja 1 was skipped."""
    visit = record_visit(session=session, child=child, acting_user=acting_user)
    note = (note or "").strip()
    if len(note) > 1000:
        raise ValidationError({"note": _("Catatan penyuluhan paling banyak 1.000 huruf.")})
    visit.counselled, visit.counselling_note = True, note
    with set_actor(acting_user):
        visit.save()
    return visit


@transaction.atomic
def give_vitamin_a(
    *, child: Child, given_on: datetime.date, capsule: str = "", session: Session | None = None, acting_user
) -> VitaminADose:
    """One capsule a round; the capsule follows the child's age on the day (blue 6–11 months, red 12–59)."""
    _check_give(child, given_on, session, acting_user)
    expected = supplements.capsule_for(supplements.age_months(child.person.birth_date, given_on))
    if expected is None:
        raise ValidationError(_("Vitamin A untuk balita umur 6–59 bulan."))
    capsule = capsule or expected
    if capsule not in Capsule.values:
        raise ValidationError({"capsule": _("Pilih kapsul biru atau merah.")})
    if capsule != expected:
        raise ValidationError({"capsule": _("Umur ini mendapat kapsul %(c)s.") % {"c": Capsule(expected).label}})
    return _save_round_dose(
        VitaminADose, child=child, given_on=given_on, session=session, acting_user=acting_user, capsule=capsule
    )


@transaction.atomic
def give_deworming(*, child: Child, given_on: datetime.date, session: Session | None = None, acting_user) -> Deworming:
    """Albendazole once a round, the dose from the child's age (200 mg at 12–23 months, 400 mg from 24)."""
    _check_give(child, given_on, session, acting_user)
    dose_mg = supplements.albendazole_mg(supplements.age_months(child.person.birth_date, given_on))
    if dose_mg is None:
        raise ValidationError(_("Obat cacing di posyandu untuk balita umur 12–59 bulan."))
    return _save_round_dose(
        Deworming, child=child, given_on=given_on, session=session, acting_user=acting_user, dose_mg=dose_mg
    )


@transaction.atomic
def give_feeding(
    *, child: Child, given_on: datetime.date, kind: str, days, session: Session | None = None, acting_user
) -> Feeding:
    _check_give(child, given_on, session, acting_user)
    errors = {}
    if kind not in FeedingKind.values:
        errors["kind"] = _("Pilih jenis PMT: lokal, penyuluhan atau pemulihan.")
    try:
        days = int(days)
    except (TypeError, ValueError):
        days = None
    if days is None or not 1 <= days <= 120:
        errors["days"] = _("Jumlah hari/porsi 1–120.")
    if errors:
        raise ValidationError(errors)
    feeding = Feeding(child=child, session=session, given_on=given_on, kind=kind, days=days)
    with set_actor(acting_user):
        feeding.save()
    return feeding
