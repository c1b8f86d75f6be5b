"""What each role sees first: counts inside their own scope, never outside it."""

from django.db.models import Count, Q

from gotong.accounts.roles import Role
from gotong.areas.models import Area
from gotong.core.policy import may_somewhere
from gotong.core.scoping import visible_area_codes
from gotong.organizations.models import Membership, Organization
from gotong.registry.models import Household, Person


def _registry_counts(user, households, persons) -> dict:
    """Counts for the home page: from the pre-aggregated tallies, or live for a resident's own household."""
    if user.role != Role.RESIDENT or user.is_superuser:
        from gotong.dashboards.aggregates import summed
        from gotong.dashboards.models import AreaTally

        counts = summed(AreaTally.objects.visible_to(user))
        deciles = {d: counts[f"decile_{d}"] for d in range(1, 11)}
        figures = {"total": counts["households"], "pkh": counts["pkh"], "bpnt": counts["bpnt"]}
        return {**figures, "deciles": deciles, "persons": counts["persons"], "disability": counts["with_disability"]}
    figures = households.aggregate(
        total=Count("pk"),
        pkh=Count("pk", filter=Q(pkh_recipient=True)),
        bpnt=Count("pk", filter=Q(bpnt_recipient=True)),
    )
    deciles = dict(
        households.exclude(welfare_decile=None).values_list("welfare_decile").annotate(n=Count("pk")).order_by()
    )
    disability = persons.exclude(disability="tidak").count()
    return {**figures, "deciles": deciles, "persons": persons.count(), "disability": disability}


def dashboard_for(user) -> dict:
    households = Household.objects.visible_to(user)
    persons = Person.objects.visible_to(user)
    codes = visible_area_codes(user)
    counts = _registry_counts(user, households, persons)
    deciles = counts["deciles"]
    household_figures = {
        "total": counts["total"],
        "pkh": counts["pkh"],
        "bpnt": counts["bpnt"],
        "poorest": sum(deciles.get(d, 0) for d in range(1, 5)),
    }
    decile_rows = [{"decile": d, "count": deciles.get(d, 0)} for d in range(1, 11)]
    top = max((row["count"] for row in decile_rows), default=0) or 1
    for row in decile_rows:
        row["percent"] = round(100 * row["count"] / top)
    return {
        "role": user.role,
        "household_figures": household_figures,
        "person_count": counts["persons"],
        "disability_count": counts["disability"],
        "decile_rows": decile_rows,
        "work_areas": Area.objects.filter(code__in=codes) if codes else Area.objects.none(),
        "sees_everything": codes is None,
        "organizations": Organization.objects.visible_to(user).order_by("kind", "name")[:12],
        "my_memberships": Membership.objects.active().filter(user=user).select_related("organization"),
        # The figures link to the household list only for those who may open it (a partner reads the figures only).
        "lists_households": may_somewhere(user, "registry.view"),
    }
