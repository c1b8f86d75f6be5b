"""Every write to organisations and memberships goes through these functions: views, demo and API alike.

Each takes the acting user (recorded in the audit log), validates with the model's rules plus the rules
below, and raises ValidationError with messages in the user's language; nothing is written on error.
"""

from auditlog.context import set_actor
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import formats
from django.utils.translation import gettext as _

from gotong.core.policy import can
from gotong.core.province_code import move_descendants, province_of_area_code
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


def _check_name_free(organization: Organization) -> None:
    """One organisation of a name per area, whatever the letter case: a friendly message before the database's."""
    if not organization.name or not organization.area_id:
        return
    twin = (
        Organization.objects.filter(name__iexact=organization.name, area_id=organization.area_id)
        .exclude(pk=organization.pk)
        .first()
    )
    if twin is not None:
        raise ValidationError(
            {
                "name": _("Sudah ada organisasi bernama “%(name)s” di %(area)s.")
                % {"name": twin.name, "area": organization.area.name}
            }
        )


def _save_organization(organization: Organization, acting_user) -> Organization:
    organization.area_code = organization.area.code if organization.area_id else ""
    _check_parent(organization)
    _check_name_free(organization)
    organization.full_clean()
    stored = Organization.objects.filter(pk=organization.pk).values_list("area_code", flat=True).first()
    with set_actor(acting_user):
        organization.save()
    province = province_of_area_code(organization.area_code)
    if stored is not None and province_of_area_code(stored) != province:
        # Moved to another province: the rows deriving their province from it (its books, bank, posyandu
        # children …) follow now, not at their own next save (`gotong.core.province_code`).
        move_descendants(Organization, organization.pk, province)
    return organization


@transaction.atomic
def create_organization(
    *, name, kind, area, parent=None, description="", address="", phone="", acting_user
) -> Organization:
    if not can(acting_user, "organizations.create", area):
        raise PermissionDenied(_("Anda tidak dapat mendaftarkan organisasi di wilayah ini."))
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
    _require_manage(acting_user, organization)
    area = fields.get("area")
    if area is not None and area.pk != organization.area_id and not can(acting_user, "organizations.create", area):
        # Moving an organisation is registering it elsewhere: only where the user may register organisations.
        raise ValidationError({"area": _("%(name)s di luar wilayah kerja Anda.") % {"name": area.name}})
    for name, value in fields.items():
        setattr(organization, name, value.strip() if name == "name" else value)
    return _save_organization(organization, acting_user)


def _require_manage(acting_user, organization: Organization) -> None:
    if not can(acting_user, "organizations.manage", organization):
        raise PermissionDenied(_("Anda tidak mengelola organisasi ini."))


def _format_date(day) -> str:
    return formats.date_format(day, "SHORT_DATE_FORMAT")


@transaction.atomic
def add_member(
    organization: Organization, *, person=None, user=None, name="", role, started_on, acting_user
) -> Membership:
    _require_manage(acting_user, organization)
    name = (name or "").strip()
    if person is None and user is None and not name:
        raise ValidationError(_("Sebutkan siapa anggotanya: NIK penduduk, akun pengguna, atau nama."))
    membership = Membership(
        organization=organization, person=person, user=user, name=name, role=role, started_on=started_on
    )
    _refuse_overlap(membership)
    membership.full_clean()
    try:
        with transaction.atomic(), set_actor(acting_user):
            membership.save()
    except IntegrityError:
        # Someone added the same person a moment ago: the database's one-open-membership rule caught it.
        raise ValidationError(_duplicate_message(membership)) from None
    if user is not None:
        forget_visible_area_codes(user)  # its memberships are cached on the object for the rest of the request
    return membership


def _duplicate_message(membership: Membership, current: Membership | None = None) -> str:
    if current is None:
        return _("%(name)s sudah menjadi anggota aktif organisasi ini.") % {"name": membership.display_name}
    return _(
        "%(name)s sudah menjadi anggota aktif organisasi ini sebagai %(role)s sejak %(day)s. "
        "Akhiri keanggotaan itu dulu bila perannya berubah."
    ) % {"name": membership.display_name, "role": current.get_role_display(), "day": _format_date(current.started_on)}


def _refuse_overlap(membership: Membership) -> None:
    """One membership at a time per person or account: none still running on (or after) the new one's first day."""
    who = models.Q(pk__in=[])
    if membership.person_id:
        who |= models.Q(person_id=membership.person_id)
    if membership.user_id:
        who |= models.Q(user_id=membership.user_id)
    running = models.Q(ended_on__isnull=True) | models.Q(ended_on__gte=membership.started_on)
    current = (
        Membership.objects.filter(who, running, organization_id=membership.organization_id)
        .order_by("-started_on")
        .first()
    )
    if current is not None:
        raise ValidationError(_duplicate_message(membership, current))


@transaction.atomic
def end_membership(membership: Membership, *, ended_on, acting_user) -> Membership:
    _require_manage(acting_user, membership.organization)
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
