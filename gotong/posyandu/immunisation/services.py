"""Every write of immunisation records: one dose, or the several a child gets at one posyandu day.

Pages, the API, the field app, ODK and the demo call these. Each asks the access policy (`posyandu.record` for the
child's posyandu), checks the dose against the national schedule (`schedule.check_dose`: not too early, not past
its age limit, in order and after the minimum interval), refuses dates after today (Asia/Jakarta) or before
birth, and raises ValidationError with Indonesian messages. Nothing is saved unless every dose of a submit is valid.
"""

import datetime

from auditlog.context import set_actor
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gotong.core.dates import short_date
from gotong.posyandu.access import can_record
from gotong.posyandu.immunisation import schedule
from gotong.posyandu.models import Child, Immunisation, ImmunisationPlace, Session


def given_doses(child: Child) -> dict[tuple[str, int], datetime.date]:
    return {(i.vaccine, i.dose): i.given_on for i in child.immunisations.all()}


def _parse_dose(vaccine, dose) -> schedule.Dose:
    try:
        number = int(dose)
    except (TypeError, ValueError):
        number = None
    found = schedule.DOSES.get((vaccine, number))
    if found is None:
        raise ValidationError({"vaccine": _("Vaksin atau dosis tidak ada dalam jadwal imunisasi rutin.")})
    return found


def _check_date(given_on, child: Child) -> datetime.date:
    if not isinstance(given_on, datetime.date):
        raise ValidationError({"given_on": _("Isi tanggal imunisasi.")})
    if given_on > timezone.localdate():
        raise ValidationError({"given_on": _("Tanggal imunisasi tidak boleh setelah hari ini.")})
    if given_on < child.person.birth_date:
        raise ValidationError({"given_on": _("Tanggal imunisasi sebelum tanggal lahir.")})
    return given_on


@transaction.atomic
def record_doses(
    *,
    child: Child,
    doses: list[tuple[str, int]],
    given_on: datetime.date,
    place: str = ImmunisationPlace.POSYANDU,
    session: Session | None = None,
    batches: dict[str, str] | None = None,
    acting_user,
) -> list[Immunisation]:
    """Record the doses `[(vaccine, number), …]` a child got on `given_on`; all or none."""
    if not can_record(acting_user, child.posyandu):
        raise PermissionDenied(_("Anda tidak bertugas di posyandu ini."))
    if not doses:
        raise ValidationError({"doses": _("Pilih minimal satu imunisasi yang diberikan.")})
    if place not in ImmunisationPlace.values:
        raise ValidationError({"place": _("Pilih tempat imunisasi dari daftar.")})
    if session is not None:
        if session.posyandu_id != child.posyandu_id:
            raise ValidationError(_("Balita ini bukan anak asuh posyandu %(p)s.") % {"p": session.posyandu.name})
        if given_on.replace(day=1) != session.month:
            raise ValidationError({"given_on": _("Tanggal imunisasi harus di bulan hari buka ini.")})
    _check_date(given_on, child)
    batches = batches or {}
    given = given_doses(child)
    chosen = [_parse_dose(vaccine, number) for vaccine, number in doses]
    errors = []
    for dose in sorted(chosen, key=lambda d: d.number):
        if dose.key in given:
            errors.append(
                _("%(dose)s sudah tercatat (%(day)s).")
                % {"dose": schedule.dose_label(*dose.key), "day": short_date(given[dose.key])}
            )
            continue
        problem = schedule.check_dose(dose, child.person.birth_date, given, given_on)
        if problem:
            errors.append(problem)
            continue
        given[dose.key] = given_on
    if errors:
        raise ValidationError({"doses": errors})
    saved = []
    with set_actor(acting_user):
        for dose in chosen:
            record = Immunisation(
                child=child,
                vaccine=dose.vaccine,
                dose=dose.number,
                given_on=given_on,
                place=place,
                session=session,
                batch=(batches.get(dose.vaccine) or "").strip()[:40],
                recorded_by=acting_user if getattr(acting_user, "pk", None) else None,
            )
            record.area_code = child.area_code
            record.full_clean(exclude=["area_code"])
            record.save()
            saved.append(record)
    return saved


def record_dose(*, child: Child, vaccine: str, dose: int, given_on, acting_user, batch: str = "", **kwargs):
    """One dose (the API, ODK): the same checks as `record_doses`."""
    return record_doses(
        child=child,
        doses=[(vaccine, dose)],
        given_on=given_on,
        batches={vaccine: batch},
        acting_user=acting_user,
        **kwargs,
    )[0]


@transaction.atomic
def delete_dose(*, immunisation: Immunisation, acting_user) -> None:
    """Remove a wrongly entered dose; a later dose of the same vaccine must be removed first."""
    if not can_record(acting_user, immunisation.child.posyandu):
        raise PermissionDenied(_("Anda tidak bertugas di posyandu ini."))
    later = Immunisation.objects.filter(
        child=immunisation.child, vaccine=immunisation.vaccine, dose__gt=immunisation.dose
    ).exists()
    if later:
        raise ValidationError(_("Hapus dulu dosis berikutnya dari vaksin ini."))
    with set_actor(acting_user):
        immunisation.delete()
