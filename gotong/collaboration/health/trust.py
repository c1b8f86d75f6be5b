"""Stage 2, trust building (Ansell & Gash 2008, pp. 558, 561: trust grows from good-faith dialogue and kept
promises; Emerson, Nabatchi & Balogh 2012, JPART 22(1): 1–29, "principled engagement" and "mutual trust" within
shared motivation). The seed (004) says trust in Kampung Bugis was shown "dengan saling berbagi data". One function
per indicator."""

import datetime

from django.db.models import Count, F, Q, Sum

from gotong.collaboration.health.dialogue import percent
from gotong.collaboration.health.period import Period
from gotong.collaboration.health.scope import Collaboration
from gotong.collaboration.models import CommitmentStatus
from gotong.collaboration.services import kept_on_time_rate
from gotong.organizations.models import Organization


def _line(period: Period, today: datetime.date) -> datetime.date:
    """`kept_on_time_rate`'s "today": a commitment counts when its due date passed before this line."""
    return period.as_of(today) + datetime.timedelta(days=1)


def due_in(commitments, period: Period):
    """Of `commitments`, those whose due date falls within the period."""
    return commitments.filter(due_on__range=(period.start, period.end))


def commitments_due(collab: Collaboration, period: Period):
    """The commitments whose due date falls within the period: what the trust indicators judge."""
    return due_in(collab.commitments(), period)


def kept_on_time_by_actor(collab: Collaboration, period: Period, today: datetime.date) -> list[dict]:
    """Per actor, of its commitments due in the period and already due (or done): the share done by the due date
    (`services.kept_on_time_rate`, the rate the agreement pages show). Actors with nothing due yet are left out."""
    due = commitments_due(collab, period)
    line = _line(period, today)
    rows = []
    for actor in Organization.objects.filter(pk__in=due.values("actor")).order_by("name"):
        rate = kept_on_time_rate(actor, due, line)
        if rate is not None:
            rows.append({"actor": actor, "rate": rate, "count": due.filter(actor=actor).count()})
    return rows


def kept_on_time_counts(period: Period, today: datetime.date) -> dict:
    """The aggregates of `kept_on_time_overall` over commitments due in the period, by the rule of
    `kept_on_time_rate`: "counted" are those done or already past due, "kept" those done by their due date.
    For `aggregate` (one collaboration) or `annotate` (grouped by village on the public portal)."""
    return {
        "kept": Count("pk", filter=Q(status=CommitmentStatus.DONE, done_on__lte=F("due_on"))),
        "counted": Count("pk", filter=Q(status=CommitmentStatus.DONE) | Q(due_on__lt=_line(period, today))),
    }


def kept_on_time_overall(collab: Collaboration, period: Period, today: datetime.date) -> dict:
    """All actors together, by the same rule as `kept_on_time_rate`: commitments done by their due date out of
    those due in the period that are done or already past due."""
    figures = commitments_due(collab, period).aggregate(**kept_on_time_counts(period, today))
    kept, total = figures["kept"], figures["counted"]
    return {"kept": kept, "counted": total, "rate": percent(kept, total)}


def shared_in(entries, period: Period):
    """Entries of the data-sharing register dated within the period."""
    return entries.filter(shared_on__range=(period.start, period.end))


def datasets_shared(collab: Collaboration, period: Period) -> dict:
    """Entries of the data-sharing register dated within the period: how many, between how many distinct
    providers and recipients, and each entry (what, from whom, to whom)."""
    entries = shared_in(collab.data_sharing(), period)
    rows = list(entries.select_related("provider", "recipient").order_by("shared_on", "pk"))
    return {
        "count": len(rows),
        "providers": len({row.provider_id for row in rows}),
        "recipients": len({row.recipient_id for row in rows}),
        "rows": rows,
    }


def reciprocity_evidence(collab: Collaboration, period: Period) -> dict:
    """Partner aid received by the collaboration's community treasuries within the period: income entries of the
    cash book with a giving partner (`treasury.CashEntry.partner`), not cancelled; money and goods at their
    recorded value. Reciprocity — help given back and forth between partners and community — is one of the
    seed 002 dimensions and part of trust in Emerson et al. (2012).

    The other side is what the communities recorded giving back (`collaboration.Reciprocity`: accounts opened,
    loans taken, events hosted, products supplied, the partner promoted): records and partners in the period, and
    the rupiah value where one was recorded. Counts of residents (accounts, loans) stay on the partnership page,
    where the small-count rule is applied; here only records, partners and value are summed."""
    from gotong.treasury.models import Direction

    entries = collab.cash_entries().filter(
        partner__isnull=False,
        direction=Direction.INCOME,
        reversal__isnull=True,
        occurred_on__range=(period.start, period.end),
    )
    totals = entries.aggregate(
        n=Count("pk"),
        partners=Count("partner", distinct=True),
        money=Sum("amount", filter=Q(in_kind=False)),
        goods=Sum("amount", filter=Q(in_kind=True)),
    )
    given_back = (
        collab.reciprocities()
        .filter(occurred_on__range=(period.start, period.end))
        .aggregate(
            n=Count("pk"),
            partners=Count("partnership__partner", distinct=True),
            value=Sum("value_rupiah"),
        )
    )
    return {
        "entries": totals["n"],
        "partners": totals["partners"],
        "money_rupiah": totals["money"] or 0,
        "in_kind_rupiah": totals["goods"] or 0,
        "given_back_entries": given_back["n"],
        "given_back_partners": given_back["partners"],
        "given_back_rupiah": given_back["value"] or 0,
    }
