"""What a user may record offline: for each form kind, the records a submission may name.

The one answer for every offline path: the field app's reference data and form list (`gotong.field.reference`,
`/lapangan/`), ODK's form list, manifests and choice lists (`gotong.odk.media`, `gotong.odk.catalog`) and the
server's check of every submission (`gotong.field.services.apply_submission`). Each is built on the access policy
(`gotong.core.policy`): the records the user sees that the kind's record capability reaches.

    weighing    posyandu.record     the posyandu whose children may be weighed
    anc_visit   posyandu.record     the posyandu whose pregnant women's antenatal visits may be recorded
    deposit     wastebank.record    the waste banks whose members' deposits may be booked
    visit       casework.record     the open cases a visit may be logged on
    attendance  activities.record   the gotong royong events whose attendance may be recorded
    aspiration  participation.raise the RTs an aspiration may be raised about (a resident: their kelurahan)

The forms offer (`offered`) what may be recorded, narrowed where a list would otherwise be endless: attendance
lists the events of the last month up to today (an event still to come has no attendance yet: the activities
service refuses it, so no form offers it); the antenatal visit form only the posyandu that follow a pregnancy now.
A submission is checked against everything recordable (`require`): an entry queued on a phone for an event that
has since left the window is still accepted.
"""

import datetime

from django.core.exceptions import EmptyResultSet, PermissionDenied
from django.db import connections
from django.db.models import QuerySet
from django.utils import timezone

from gotong.core.policy.decide import reaches

KINDS = ("weighing", "immunisation", "anc_visit", "deposit", "visit", "attendance", "aspiration")
CAPABILITIES = {
    "weighing": "posyandu.record",
    "immunisation": "posyandu.record",
    "anc_visit": "posyandu.record",
    "deposit": "wastebank.record",
    "visit": "casework.record",
    "attendance": "activities.record",
    "aspiration": "participation.raise",
}
EVENT_WINDOW_DAYS = (30, 0)  # events from a month ago to today (`activities.services.record_attendance`)


def posyandus(user) -> QuerySet:
    """Posyandu (organisations) where the user may weigh children."""
    from gotong.posyandu.access import recordable_posyandus

    return recordable_posyandus(user)


def banks(user) -> QuerySet:
    """Waste banks the user sees and may book deposits at."""
    from gotong.wastebank.access import recordable_banks
    from gotong.wastebank.models import WasteBank

    return WasteBank.objects.visible_to(user).filter(pk__in=recordable_banks(user).values("pk"))


def cases(user) -> QuerySet:
    """Open cases the user sees and may log visits on."""
    from gotong.casework.access import recordable_cases

    return recordable_cases(user)


def events(user) -> QuerySet:
    """Gotong royong events the user sees and may record attendance for (`can(user, "activities.record", e)`)."""
    from gotong.activities.models import Event

    return Event.objects.visible_to(user).reached_by(user, CAPABILITIES["attendance"])


def recent_events(user, today: datetime.date) -> QuerySet:
    before, after = EVENT_WINDOW_DAYS
    return events(user).filter(
        held_on__gte=today - datetime.timedelta(days=before), held_on__lte=today + datetime.timedelta(days=after)
    )


def rts(user) -> QuerySet:
    """RTs (areas) the user may raise an aspiration about."""
    from gotong.participation.services.aspirations import raisable_rts

    return raisable_rts(user)


_RECORDABLE = {
    "weighing": posyandus,
    "anc_visit": posyandus,
    "immunisation": posyandus,
    "deposit": banks,
    "visit": cases,
    "attendance": events,
    "aspiration": rts,
}


def recordable(user, kind: str) -> QuerySet:
    """Everything a submission of `kind` may name for this user (the server's check)."""
    return _RECORDABLE[kind](user)


def offered(user, kind: str, today: datetime.date | None = None) -> QuerySet:
    """What the forms list for this user: the recordable records (attendance: the recent events only)."""
    if kind == "attendance":
        return recent_events(user, today or timezone.localdate())
    if kind == "anc_visit":
        from gotong.posyandu.models import Pregnancy

        return posyandus(user).filter(pk__in=Pregnancy.objects.ongoing().values("posyandu_id"))
    return recordable(user, kind)


def may_submit(user, kind: str, today: datetime.date | None = None) -> bool:
    """Is a form of this kind worth offering: is there anything at all it could record?"""
    if not reaches(user, CAPABILITIES[kind]):
        return False
    return offered(user, kind, today).exists()


def kinds_for(user, today: datetime.date | None = None, kinds=KINDS) -> list[str]:
    """The form kinds to offer this user (`may_submit` for each of `kinds`), in the order of `kinds`.

    One query for all of them, not one per kind: `/lapangan/` and ODK's form list ask on every open (issue 24)."""
    wanted = [kind for kind in kinds if reaches(user, CAPABILITIES[kind])]
    answers = any_rows([offered(user, kind, today) for kind in wanted])
    return [kind for kind, yes in zip(wanted, answers, strict=True) if yes]


def any_rows(querysets: list[QuerySet]) -> list[bool]:
    """`[qs.exists() for qs in querysets]` in one `SELECT EXISTS (…), EXISTS (…)` round trip; identical
    queries (weighing and immunisation share the posyandu list) are asked once."""
    if not querysets:
        return []
    alias = querysets[0].db
    compiled = [_exists_sql(queryset, alias) for queryset in querysets]
    # A query's text and parameters, once per query: the key of its answer's column.
    keys = [None if query is None else (query[0], repr(query[1])) for query in compiled]
    column: dict[tuple[str, str], int] = {}
    sql, params = [], []
    for query, key in zip(compiled, keys, strict=True):
        if key is not None and key not in column:
            column[key] = len(sql)
            sql.append(f"EXISTS ({query[0]})")
            params.extend(query[1])
    row = ()
    if sql:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT " + ", ".join(sql), params)
            row = cursor.fetchone()
    return [key is not None and bool(row[column[key]]) for key in keys]


def _exists_sql(queryset: QuerySet, alias: str) -> tuple[str, tuple] | None:
    """The queryset's EXISTS subquery, or None for one known empty without asking (`.none()`, `pk__in=[]`)."""
    try:
        return queryset.query.exists(limit=True).get_compiler(alias).as_sql()
    except EmptyResultSet:
        return None


def require(user, kind: str, record, message: str) -> None:
    """The server's check of a submission: PermissionDenied(message) unless `record` may be recorded on."""
    if not recordable(user, kind).filter(pk=record.pk).exists():
        raise PermissionDenied(message)
