"""A cadre's (or a posyandu ketua's) home: this month's posyandu day, children not yet weighed, SKDN, "Timbang"."""

from django.urls import reverse

from gotong.core.home import Section
from gotong.core.policy.decide import reaches
from gotong.organizations.choices import OrganizationKind
from gotong.organizations.models import Organization
from gotong.posyandu import overview, skdn
from gotong.posyandu.dates import month_start

SHOWN_DUE = 8  # names listed under the card; the count says how many more


def _weigh_url(card) -> str:
    """The shortest way to the weighing form: the next child due at this month's session, the session itself,
    or a new session when this month has none yet."""
    if card.this_session is None:
        return reverse("posyandu:session-create")
    if card.due:
        return reverse("posyandu:weighing-record", args=[card.this_session.pk, card.due[0].public_id])
    return reverse("posyandu:session-detail", args=[card.this_session.pk])


def section(user, today) -> Section | None:
    # The posyandu where a membership lets the user weigh (kader, ketua, pengelola), not an area worker's hundreds.
    ids = reaches(user, "posyandu.record").organization_ids
    if not ids:
        return None
    posyandus = list(Organization.objects.filter(pk__in=ids, kind=OrganizationKind.POSYANDU).order_by("name"))
    if not posyandus:
        return None
    cards = overview.for_posyandus(posyandus, today)
    counts = skdn.for_posyandus(posyandus, month_start(today))
    for card in cards:
        card.skdn = counts[card.posyandu.pk]
        card.weigh_url = _weigh_url(card)
        card.due_shown = card.due[:SHOWN_DUE]
        card.due_more = max(0, len(card.due) - SHOWN_DUE)
    return Section("cadre.html", {"cards": cards, "d_s_target": skdn.D_S_TARGET_PERCENT})
