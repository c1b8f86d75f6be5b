"""Who may see and record what in a community treasury.

- Bookkeepers (active membership as bendahara or ketua) record and see everything of their organisation.
- City officers and facilitators whose work area covers the organisation read everything.
- A member (a resident whose registry person is a savings member, or anyone with an active membership) reads the
  organisation's summary; of the named records they see only their own savings and loans.
- Partners see totals only (`public_summary`), never named records.
"""

from django.db import models

from gotong.accounts.roles import Role
from gotong.core.scoping import (
    active_memberships,
    area_code_filter,
    code_inside,
    is_area_worker,
    member_organization_ids,
    visible_area_codes,
)
from gotong.organizations.choices import MemberRole

BOOKKEEPER_ROLES = (MemberRole.TREASURER, MemberRole.CHAIR)


def bookkeeper_org_ids(user) -> list[int]:
    """Organisations whose books the user keeps, from the memberships read once per user object (per request)."""
    return [org_id for org_id, role, _area_code in active_memberships(user) if role in BOOKKEEPER_ROLES]


def can_record(user, organization) -> bool:
    return user.is_authenticated and user.is_active and organization.pk in bookkeeper_org_ids(user)


def reads_everything(user, organization) -> bool:
    """Bookkeepers, superusers and area workers covering the organisation see every named record."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser or can_record(user, organization):
        return True
    return is_area_worker(user) and code_inside(organization.area_code, visible_area_codes(user))


def summary_org_ids(user) -> list[int] | None:
    """Organisations whose treasury summary the user may read; None means all (superuser)."""
    from gotong.organizations.models import Membership, Organization
    from gotong.treasury.models import Member

    if not user.is_authenticated or not user.is_active:
        return []
    if user.is_superuser:
        return None
    ids = set(member_organization_ids(user))
    if user.person_id:
        ids |= set(Member.objects.filter(person_id=user.person_id).values_list("organization_id", flat=True))
        ids |= set(
            Membership.objects.active().filter(person_id=user.person_id).values_list("organization_id", flat=True)
        )
    if is_area_worker(user):
        codes = visible_area_codes(user)
        ids |= set(Organization.objects.filter(area_code_filter(codes)).values_list("pk", flat=True))
    return sorted(ids)


def can_read_summary(user, organization) -> bool:
    ids = summary_org_ids(user)
    return ids is None or organization.pk in ids


def sees_totals_only(user) -> bool:
    return user.is_authenticated and user.role == Role.PARTNER and not user.is_superuser


class TreasuryQuerySet(models.QuerySet):
    """Named treasury records: everything for bookkeepers and covering area workers, one's own for members."""

    person_field: str | None = None
    org_field = "organization_id"

    def visible_to(self, user):
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_superuser:
            return self
        query = models.Q(**{f"{self.org_field}__in": bookkeeper_org_ids(user)})
        if is_area_worker(user):
            query |= area_code_filter(visible_area_codes(user))
        if self.person_field and user.person_id:
            query |= models.Q(**{self.person_field: user.person_id})
        return self.filter(query)


def scoped_manager(*, person_field=None, org_field="organization_id"):
    queryset = type(
        "ScopedTreasuryQuerySet", (TreasuryQuerySet,), {"person_field": person_field, "org_field": org_field}
    )
    return queryset.as_manager()
