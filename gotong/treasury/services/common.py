"""Small helpers the treasury services share."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from gotong.core.validation import not_in_future


def require_bookkeeper(user, organization) -> None:
    """Every treasury write asks the policy itself (pages, API and demo all call the services)."""
    from gotong.treasury.access import can_record

    if not can_record(user, organization):
        raise ValidationError(_("Anda tidak berwenang mencatat kas %(org)s.") % {"org": organization.name})


def clean_key(key) -> str:
    key = str(key or "").strip()
    if not key:
        raise ValidationError(_("Formulir kedaluwarsa: kunci pengiriman tidak ada. Muat ulang halaman."))
    if len(key) > 80:
        raise ValidationError(_("Kunci pengiriman terlalu panjang."))
    return key


def check_not_future(day, field) -> None:
    """A date the treasury records must be given and must not lie after today."""
    if day is None:
        raise ValidationError({field: _("Tanggal wajib diisi.")})
    not_in_future(day, field)


def lock_books(organization) -> None:
    """Serialise one treasury's keyed writes: a replayed form waits for the first and then finds its record."""
    from gotong.organizations.models import Organization

    Organization.objects.select_for_update().filter(pk=organization.pk).values_list("pk", flat=True).first()


def replayed(record, flag: bool = True):
    """Mark what a keyed service returns: `replayed` is True when the key had been used and this is the first
    request's record (the page then says so, neutrally, instead of recording twice or showing an error)."""
    record.replayed = flag
    return record
