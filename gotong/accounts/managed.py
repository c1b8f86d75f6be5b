"""Which accounts an officer manages (resets passwords for), decided by the policy's `accounts.manage`.

An account sits where its holder works or takes part: its work areas, the areas of its active memberships and its
own household's area. The policy sees one place per account: the smallest area holding all of them, so an officer
manages the account only when everything it touches lies inside one of the officer's work areas (an account that
spans two of them, or none at all, is left to an administrator). City officers and superusers are never placed in
an area: only a superuser manages a city officer, and nobody manages a superuser here (that is the admin's job).
"""

import secrets

from django.db import transaction
from django.db.models import Prefetch, Q
from django.http import Http404

from gotong.accounts.models import User
from gotong.accounts.roles import Role
from gotong.core.policy import can
from gotong.core.policy.decide import Place, reaches

CAPABILITY = "accounts.manage"


def account_area_codes(user) -> set[str]:
    from gotong.organizations.models import Membership

    if hasattr(user, "_work_list"):  # prefetched by `managed_accounts`
        codes = {work.area.code for work in user._work_list}
        codes.update(membership.organization.area_code for membership in user._membership_list)
    else:
        codes = set(user.work_assignments.values_list("area__code", flat=True))
        active = Membership.objects.active().filter(user=user)
        codes.update(active.values_list("organization__area_code", flat=True))
    if user.person_id and user.person.household_id:
        codes.add(user.person.household.area_code)
    return {code for code in codes if code}


def common_area(codes) -> str | None:
    """The smallest area holding every code (None when they share not even a province)."""
    parts = [code.split(".") for code in codes]
    if not parts:
        return None
    shared = []
    for level in zip(*parts, strict=False):
        if len(set(level)) != 1:
            break
        shared.append(level[0])
    return ".".join(shared) or None


def place_of_account(user) -> Place:
    if user.is_superuser or user.role == Role.CITY_OFFICER:
        return Place()  # reached by an "everything" grant only: a superuser's
    return Place(area_code=common_area(account_area_codes(user)))


def may_manage(officer, user) -> bool:
    if user.is_superuser or user.pk == officer.pk:
        return False
    return can(officer, CAPABILITY, place_of_account(user))


def managed_accounts(officer) -> list:
    """The accounts the officer manages, by name."""
    reached = reaches(officer, CAPABILITY)
    if not reached:
        return []
    from gotong.areas.models import WorkAssignment
    from gotong.organizations.models import Membership

    candidates = (
        User.objects.filter(is_superuser=False)
        .exclude(pk=officer.pk)
        .select_related("person__household")
        .prefetch_related(
            Prefetch("work_assignments", WorkAssignment.objects.select_related("area"), to_attr="_work_list"),
            Prefetch(
                "memberships", Membership.objects.active().select_related("organization"), to_attr="_membership_list"
            ),
        )
    )
    if not reached.everything:
        near = Q()
        for code in reached.area_codes:
            for field in ("work_assignments__area__code", "memberships__organization__area_code",
                          "person__household__area_code"):  # fmt: skip
                near |= Q(**{field: code}) | Q(**{f"{field}__startswith": f"{code}."})
        candidates = candidates.filter(near).exclude(role=Role.CITY_OFFICER).distinct()
    return sorted(
        (user for user in candidates if may_manage(officer, user)), key=lambda u: u.get_full_name() or u.username
    )


class ManagedAccount:
    """`target=` of the reset route: the account's place for the policy (404 for no such account or a superuser)."""

    def __call__(self, pk):
        user = User.objects.filter(pk=pk, is_superuser=False).first()
        if user is None:
            raise Http404
        return place_of_account(user)

    def samples(self):
        # One account per city, besides the ones placed nowhere (the policy's answer covers both).
        seen = set()
        for user in User.objects.filter(is_superuser=False).order_by("pk")[:500]:
            codes = account_area_codes(user)
            city = ".".join((common_area(codes) or "").split(".")[:2])
            if city in seen:
                continue
            seen.add(city)
            yield {"pk": user.pk}


def temporary_password() -> str:
    """Easy to read out over the phone: four groups of four letters and digits, no look-alikes."""
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    return "-".join("".join(secrets.choice(alphabet) for _ in range(4)) for _ in range(4))


@transaction.atomic
def reset_password(officer, user) -> str:
    """Give `user` a temporary password (returned once) that they must replace at their next login; their open
    sessions end (Django ties a session to the password) and a lockout from failed logins is lifted."""
    if not may_manage(officer, user):
        raise PermissionError("officer does not manage this account")
    password = temporary_password()
    user.set_password(password)
    user.must_change_password = True
    user.save(update_fields=["password", "must_change_password"])
    from axes.utils import reset

    reset(username=user.get_username())
    return password
