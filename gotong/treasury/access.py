"""Who reads and records a community treasury, on the access policy (`gotong.core.policy.grants`).

- `treasury.view`: a treasury's summary (totals per category and month, the cash position). Every member of the
  organisation, area workers covering it, a resident who saves or borrows there (own), and partners — who read
  the totals only (aggregate), never a name.
- `treasury.view_records`: the named records (cash book, savings members and movements, loans). The bookkeepers
  (bendahara, ketua), area workers covering the organisation, and a member their own savings and loans.
- `treasury.record`: the bookkeepers only.

A treasury is its organisation (`Treasury`, a proxy of `Organization`): the URL's record for the policy.
"""

from django.db.models import Q

from gotong.core.policy import can
from gotong.core.policy.decide import Place, reaches
from gotong.core.scoping import ScopedQuerySet, ScopeHooks

VIEW, VIEW_RECORDS, RECORD = "treasury.view", "treasury.view_records", "treasury.record"


class TreasuryQuerySet(ScopedQuerySet):
    """Organisations as treasuries, seen through `treasury.view`."""

    # Partners read every treasury's totals (an aggregate, never a name): the summary page shows them nothing else
    # (`read_in_full`).
    scope_hooks = ScopeHooks(module="treasury", area="area_code", organization="pk", aggregate_sees_all=True)

    def read_in_full(self, user):
        """Treasuries whose summary the user reads as a member, bookkeeper or area worker (not a partner's totals)."""
        return self.reached_by(user, VIEW, named_only=True)

    def own_records(self, user) -> Q:
        """A resident's own treasuries: where their registry person saves or borrows, or is a member."""
        from gotong.organizations.models import Membership
        from gotong.treasury.models import Member

        saves = Member.objects.filter(person_id=user.person_id).values("organization_id")
        belongs = Membership.objects.active().filter(person_id=user.person_id).values("organization_id")
        return Q(pk__in=saves) | Q(pk__in=belongs)


class RecordQuerySet(ScopedQuerySet):
    """Named treasury records, seen through `treasury.view_records` (not the summary's wider `treasury.view`):
    the bookkeepers of the organisation, area workers covering it, and a member their own savings and loans."""


def records_manager(*, organization="organization_id", person=None):
    hooks = ScopeHooks(module="treasury", area="area_code", organization=organization, person=person, view=VIEW_RECORDS)
    return type("TreasuryRecordQuerySet", (RecordQuerySet,), {"scope_hooks": hooks}).as_manager()


def books_of(organization) -> Place:
    """The place of an organisation's books, for the record and named-record capabilities."""
    return Place(area_code=organization.area_code, organization_id=organization.pk)


def can_record(user, organization) -> bool:
    return can(user, RECORD, books_of(organization))


def reads_records(user, organization) -> bool:
    return can(user, VIEW_RECORDS, books_of(organization))


def bookkeeper_org_ids(user) -> list[int]:
    """Organisations whose books the user keeps (their membership role grants `treasury.record` there)."""
    return sorted(reaches(user, RECORD).organization_ids)


def summary_org_ids(user) -> list[int] | None:
    """Organisations whose summary the user reads in full; None means all."""
    from gotong.treasury.models import Treasury

    if reaches(user, VIEW).everything:
        return None
    return sorted(Treasury.objects.read_in_full(user).values_list("pk", flat=True))
