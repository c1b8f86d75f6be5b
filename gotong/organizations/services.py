"""Every write to organisations and memberships goes through these functions: views, demo and API alike.

Each takes the acting user (recorded in the audit log), validates with the model's rules plus the rules
below, and raises ValidationError with messages in the user's language; nothing is written on error.
"""

from auditlog.context import set_actor
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats
from django.utils.translation import gettext as _

from gotong.core.scoping import forget_visible_area_codes
from gotong.organizations.models import Membership, Organization

ORGANIZATION_FIELDS = ("name", "kind", "area", "parent", "description", "address", "phone")


def _check_parent(organization: Organization) -> None:
    """An organisation cannot sit under itself or under one of its own units."""
    parent, seen = organization.parent, set()
    while parent is not None and parent.pk not in seen:
        if organization.pk and parent.pk == organization.pk:
            raise ValidationError({"parent": _("Induk tidak boleh organisasi ini sendiri atau salah satu unitnya.")})
        seen.add(parent.pk)
        parent = parent.parent


def _save_organization(organization: Organization, acting_user) -> Organization:
    organization.area_code = organization.area.code if organization.area_id else ""
    _check_parent(organization)
    organization.full_clean()
    with set_actor(acting_user):
        organization.save()
    return organization


@transaction.atomic
def create_organization(
    *, name, kind, area, parent=None, description="", address="", phone="", acting_user
) -> Organization:
    organization = Organization(
        name=name.strip(),
        kind=kind,
        area=area,
        parent=parent,
        description=description,
        address=address,
        phone=phone,
    )
    return _save_organization(organization, acting_user)


@transaction.atomic
def update_organization(organization: Organization, *, acting_user, **fields) -> Organization:
    unknown = set(fields) - set(ORGANIZATION_FIELDS)
    if unknown:
        raise TypeError(f"unknown organisation fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(organization, name, value.strip() if name == "name" else value)
    return _save_organization(organization, acting_user)


def _format_date(day) -> str:
    return formats.date_format(day, "SHORT_DATE_FORMAT")


@transaction.atomic
def add_member(
    organization: Organization, *, person=None, user=None, name="", role, started_on, acting_user
) -> Membership:
    name = (name or "").strip()
    if person is None and user is None and not name:
        raise ValidationError(_("Sebutkan siapa anggotanya: NIK penduduk, akun pengguna, atau nama."))
    membership = Membership(
        organization=organization, person=person, user=user, name=name, role=role, started_on=started_on
    )
    # One open membership per person or account: a second one would double-count them.
    current = organization.memberships.active(on=started_on)
    if (person is not None and current.filter(person=person).exists()) or (
        user is not None and current.filter(user=user).exists()
    ):
        raise ValidationError(
            _("%(name)s sudah menjadi anggota aktif organisasi ini.") % {"name": membership.display_name}
        )
    membership.full_clean()
    with set_actor(acting_user):
        membership.save()
    if user is not None:
        forget_visible_area_codes(user)  # its memberships are cached on the object for the rest of the request
    return membership


@transaction.atomic
def end_membership(membership: Membership, *, ended_on, acting_user) -> Membership:
    if membership.ended_on is not None:
        raise ValidationError(
            _("Keanggotaan ini sudah berakhir pada %(day)s.") % {"day": _format_date(membership.ended_on)}
        )
    if ended_on < membership.started_on:
        raise ValidationError(
            {
                "ended_on": _("Tanggal berakhir (%(end)s) tidak boleh sebelum tanggal mulai (%(start)s).")
                % {"end": _format_date(ended_on), "start": _format_date(membership.started_on)}
            }
        )
    membership.ended_on = ended_on
    try:
        membership.full_clean()
    except ValidationError:
        membership.ended_on = None
        raise
    with set_actor(acting_user):
        membership.save()
    if Membership.user.is_cached(membership):
        forget_visible_area_codes(membership.user)
    return membership
