"""The monthly close: the treasurer counts the cash box, compares it with the book and signs the month off.

Rules (issue 20): months close in order, one after another from the treasury's first recorded month; a month can
be closed only once it has ended; a difference between counted and book cash needs an explanation; once a month
is closed no entry may be dated inside it — a correction found later is recorded in the open month, so the
statement read out at the members' meeting stays the same afterwards.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from auditlog.context import set_actor
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gotong.core.dates import month_year, short_date
from gotong.core.money import format_rupiah
from gotong.core.validation import whole_rupiah
from gotong.ledger import services as ledger
from gotong.ledger.models import Account, Transaction
from gotong.organizations.models import Organization
from gotong.treasury.models import MonthClose
from gotong.treasury.services.books import BOOK_NAME, CASH
from gotong.treasury.services.common import clean_key, require_bookkeeper


def month_start(day: date) -> date:
    return day.replace(day=1)


def next_month(month: date) -> date:
    return date(month.year + (month.month == 12), month.month % 12 + 1, 1)


def month_end(month: date) -> date:
    return next_month(month) - timedelta(days=1)


def last_close(organization) -> MonthClose | None:
    return MonthClose.objects.filter(organization=organization).select_related("closed_by").order_by("-month").first()


def first_booked_month(organization) -> date | None:
    """The month of the treasury's earliest ledger transaction (None when nothing was ever recorded)."""
    first = (
        Transaction.objects.filter(book__organization=organization, book__name=BOOK_NAME)
        .order_by("occurred_on")
        .values_list("occurred_on", flat=True)
        .first()
    )
    return month_start(first) if first else None


def month_to_close(organization, *, today: date | None = None) -> date:
    """The oldest month not yet closed: the one after the last close, else the first month with entries."""
    today = today or timezone.localdate()
    closed = last_close(organization)
    if closed is not None:
        return next_month(closed.month)
    return first_booked_month(organization) or month_start(today)


def book_cash_at(organization, day: date) -> int:
    """Cash in the box by the book at the end of `day` (0 when the treasury has no cash account yet)."""
    cash = Account.objects.filter(book__organization=organization, book__name=BOOK_NAME, code=CASH).first()
    return ledger.balance(cash, as_of=day) if cash else 0


@dataclass(frozen=True)
class ClosingState:
    """What the treasurer's home page and the close form show."""

    month: date  # the oldest month still open
    closable: bool  # it has ended
    book_cash: int  # cash by the book at its end (so far, when it has not ended)
    last: MonthClose | None


def closing_state(organization, *, today: date | None = None) -> ClosingState:
    today = today or timezone.localdate()
    month = month_to_close(organization, today=today)
    end = month_end(month)
    return ClosingState(
        month=month,
        closable=end < today,
        book_cash=book_cash_at(organization, min(end, today)),
        last=last_close(organization),
    )


def check_open_month(organization, day: date | None, field: str) -> None:
    """Refuse a date inside a closed month, telling which month is open for the correction instead."""
    if day is None:
        return
    closed = MonthClose.objects.filter(organization=organization, month__gte=month_start(day)).order_by("month")
    close = closed.select_related("closed_by").first()
    if close is None:
        return
    latest = MonthClose.objects.filter(organization=organization).order_by("-month").values_list("month", flat=True)[0]
    raise ValidationError(
        {
            field: _(
                "Bulan %(month)s sudah ditutup (oleh %(who)s, %(when)s); catatan bertanggal %(day)s tidak dapat "
                "ditambahkan. Catat koreksinya dengan tanggal di bulan yang masih terbuka (mulai %(open)s)."
            )
            % {
                "month": month_year(close.month),
                "who": _closer_name(close),
                "when": short_date(close.created_at),
                "day": short_date(day),
                "open": short_date(next_month(latest)),
            }
        }
    )


def _closer_name(close: MonthClose) -> str:
    user = close.closed_by
    return user.get_full_name() or user.username


def close_month(organization, *, month: date, counted_cash, explanation="", key, acting_user) -> MonthClose:
    """Sign off `month`. The same form sent twice (same key) answers with the first close, never an error."""
    try:
        return _close_month(
            organization, month=month, counted_cash=counted_cash, explanation=explanation, key=key,
            acting_user=acting_user,
        )  # fmt: skip
    except IntegrityError:
        # A concurrent submit of the same month committed between our check and our insert.
        existing = MonthClose.objects.filter(organization=organization, idempotency_key=clean_key(key)).first()
        if existing is None:
            raise
        existing.replayed = True
        return existing


@transaction.atomic
def _close_month(organization, *, month, counted_cash, explanation, key, acting_user) -> MonthClose:
    require_bookkeeper(acting_user, organization)
    key = clean_key(key)
    # Closes of one treasury queue on its row, so "months close in order" holds under concurrent submits.
    Organization.objects.select_for_update().filter(pk=organization.pk).values_list("pk", flat=True).first()
    existing = MonthClose.objects.filter(organization=organization, idempotency_key=key).first()
    if existing is not None:
        existing.replayed = True
        return existing
    if month is None:
        raise ValidationError({"month": _("Bulan wajib dipilih.")})
    month = month_start(month)
    already = MonthClose.objects.filter(organization=organization, month=month).select_related("closed_by").first()
    if already is not None:
        raise ValidationError(
            {
                "month": _("Bulan %(month)s sudah ditutup oleh %(who)s pada %(when)s.")
                % {"month": month_year(month), "who": _closer_name(already), "when": short_date(already.created_at)}
            }
        )
    today = timezone.localdate()
    expected = month_to_close(organization, today=today)
    if month != expected:
        raise ValidationError(
            {
                "month": _("Bulan ditutup berurutan: tutup dulu %(expected)s sebelum %(month)s.")
                % {"expected": month_year(expected), "month": month_year(month)}
            }
        )
    if month_end(month) >= today:
        raise ValidationError(
            {
                "month": _("Bulan %(month)s belum selesai; tutup buku dapat dilakukan mulai %(day)s.")
                % {"month": month_year(month), "day": short_date(next_month(month))}
            }
        )
    whole_rupiah(counted_cash, "counted_cash", allow_zero=True)
    book_cash = book_cash_at(organization, month_end(month))
    explanation = (explanation or "").strip()
    if counted_cash != book_cash and not explanation:
        raise ValidationError(
            {
                "explanation": _(
                    "Kas dihitung %(counted)s berbeda %(diff)s dari kas menurut buku %(book)s: jelaskan selisihnya."
                )
                % {
                    "counted": format_rupiah(counted_cash),
                    "book": format_rupiah(book_cash),
                    "diff": format_rupiah(abs(counted_cash - book_cash)),
                }
            }
        )
    close = MonthClose(
        organization=organization,
        month=month,
        book_cash=book_cash,
        counted_cash=counted_cash,
        explanation=explanation,
        closed_by=acting_user,
        idempotency_key=key,
    )
    close.full_clean(validate_constraints=False)
    with set_actor(acting_user):
        close.save()
    close.replayed = False
    return close


def closes_of(organization) -> list[MonthClose]:
    return list(MonthClose.objects.filter(organization=organization).select_related("closed_by").order_by("-month"))
