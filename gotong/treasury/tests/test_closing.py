"""The monthly close: months in order, only ended months, differences explained, closed months refuse entries."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from gotong.treasury import services
from gotong.treasury.models import MonthClose
from gotong.treasury.services.closing import closing_state
from gotong.treasury.tests.conftest import cempako_category, key

pytestmark = pytest.mark.django_db

D = datetime.date


def sale(org, user, day, amount=100_000, **extra):
    return services.record_cash_entry(
        org, category=cempako_category(org, "Penjualan hasil panen"), occurred_on=day, amount=amount,
        description="Panen sawi", key=extra.pop("key", None) or key(), acting_user=user, **extra,
    )  # fmt: skip


def close(org, user, month, counted, **extra):
    return services.close_month(org, month=month, counted_cash=counted, key=extra.pop("key", None) or key(),
                                acting_user=user, **extra)  # fmt: skip


def test_months_close_in_order_from_the_first_booked_month(funded, treasurer):
    # `funded` booked Rp20.000.000 on 1 Dec 2025: December 2025 is the first month to close.
    assert services.month_to_close(funded) == D(2025, 12, 1)
    with pytest.raises(ValidationError) as exc:
        close(funded, treasurer, D(2026, 1, 1), 20_000_000)
    assert "tutup dulu Desember 2025 sebelum Januari 2026" in str(exc.value)
    december = close(funded, treasurer, D(2025, 12, 1), 20_000_000)
    assert (december.book_cash, december.counted_cash, december.difference) == (20_000_000, 20_000_000, 0)
    assert services.month_to_close(funded) == D(2026, 1, 1)
    january = close(funded, treasurer, D(2026, 1, 1), 20_000_000)
    assert january.month == D(2026, 1, 1)
    with pytest.raises(ValidationError) as exc:
        close(funded, treasurer, D(2025, 12, 1), 20_000_000)
    assert "sudah ditutup" in str(exc.value)


def test_the_running_month_cannot_be_closed(cempako, treasurer):
    services.ensure_setup(cempako, acting_user=treasurer)
    today = datetime.date.today()
    sale(cempako, treasurer, today)
    state = closing_state(cempako)
    assert state.month == today.replace(day=1) and not state.closable
    with pytest.raises(ValidationError) as exc:
        close(cempako, treasurer, today.replace(day=1), 100_000)
    assert "belum selesai" in str(exc.value)


def test_a_difference_needs_an_explanation_and_is_kept(funded, treasurer):
    with pytest.raises(ValidationError) as exc:
        close(funded, treasurer, D(2025, 12, 1), 19_950_000)
    assert "jelaskan selisihnya" in str(exc.value) and "Rp50.000" in str(exc.value)
    assert not MonthClose.objects.exists()
    signed = close(funded, treasurer, D(2025, 12, 1), 19_950_000, explanation="Uang kembalian pembeli sayur kurang")
    assert signed.difference == -50_000 and signed.closed_by == treasurer


def test_closed_month_refuses_every_kind_of_entry(funded, treasurer, member, product, loan):
    close(funded, treasurer, D(2025, 12, 1), 19_025_000)  # 20.000.000 − the Rp1.000.000 loan less its 25.000 fee
    in_december = D(2025, 12, 20)
    with pytest.raises(ValidationError) as exc:
        sale(funded, treasurer, in_december)
    message = str(exc.value)
    assert "Bulan Desember 2025 sudah ditutup" in message and "mulai 1 Jan 2026" in message
    with pytest.raises(ValidationError):
        services.record_savings(member, kind="wajib", amount=10_000, occurred_on=in_december, key=key(),
                                acting_user=treasurer)  # fmt: skip
    with pytest.raises(ValidationError):
        services.disburse_loan(member, product=product, principal=500_000, term_months=2, disbursed_on=in_december,
                               key=key(), acting_user=treasurer)  # fmt: skip
    with pytest.raises(ValidationError):
        services.record_repayment(loan, amount=10_000, paid_on=in_december, key=key(), acting_user=treasurer)
    # The correction goes into the open month.
    assert sale(funded, treasurer, D(2026, 1, 3)).occurred_on == D(2026, 1, 3)


def test_replayed_close_and_replayed_entry_answer_with_the_first(funded, treasurer):
    entry_key = key()
    first_entry = sale(funded, treasurer, D(2025, 12, 5), key=entry_key)
    close_key = key()
    first = close(funded, treasurer, D(2025, 12, 1), 20_100_000, key=close_key)
    again = close(funded, treasurer, D(2025, 12, 1), 20_100_000, key=close_key)
    assert again.pk == first.pk and again.replayed
    # The entry's own replay (sent before the close, retried after it) still gets its first result.
    assert sale(funded, treasurer, D(2025, 12, 5), key=entry_key).pk == first_entry.pk


def test_a_plain_member_cannot_close(funded, member, cempako_rt, admin_user):
    from gotong.accounts.models import User
    from gotong.organizations.choices import MemberRole
    from gotong.organizations.services import add_member as add_org_member

    user = User.objects.create_user(username="anggota1", password="x", role="resident", person=member.person)
    add_org_member(funded, user=user, person=member.person, role=MemberRole.MEMBER, started_on=D(2025, 1, 1),
                   acting_user=admin_user)  # fmt: skip
    with pytest.raises(ValidationError) as exc:
        close(funded, user, D(2025, 12, 1), 20_000_000)
    assert "tidak berwenang" in str(exc.value)
