"""Property: any sequence of deposits, withdrawals, sales, reversals and retries keeps every invariant.

A plain-Python model predicts each balance and which requests must be refused; the engine must agree with it,
never let a protected account go negative, apply a retried request once, and leave `check_books()` clean.
"""

import datetime
import itertools

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gotong.ledger.models import Account, AccountKind, Entry
from gotong.ledger.services import (
    IdempotencyConflict,
    InsufficientBalance,
    balance,
    check_books,
    get_or_create_book,
    open_account,
    post,
    reverse,
)
from gotong.organizations.choices import OrganizationKind
from gotong.organizations.services import create_organization

DAY = datetime.date(2026, 5, 1)
PROTECTED = {"kas", "tab-0", "tab-1"}
_counter = itertools.count()

amounts = st.integers(min_value=1, max_value=200_000)
operations = st.lists(
    st.one_of(
        st.tuples(st.just("deposit"), st.integers(0, 1), amounts),
        st.tuples(st.just("withdraw"), st.integers(0, 1), amounts),
        st.tuples(st.just("sell"), st.just(0), amounts),
        st.tuples(st.just("reverse"), st.integers(0, 50), st.just(0)),
        st.tuples(st.just("retry"), st.integers(0, 50), st.just(0)),
        st.tuples(st.just("conflict"), st.integers(0, 50), amounts),
    ),
    max_size=25,
)


def _lines(kind, member, amount):
    if kind == "deposit":  # waste handed in: expense up, member's savings up
        return [("beban", amount), (f"tab-{member}", -amount)]
    if kind == "withdraw":
        return [(f"tab-{member}", amount), ("kas", -amount)]
    return [("kas", amount), ("pendapatan", -amount)]  # a sale brings cash in


@pytest.mark.django_db
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=operations)
def test_random_sequences_keep_invariants(areas, city_officer, ops):
    org = create_organization(
        name=f"Bank Sampah Properti {next(_counter)}", kind=OrganizationKind.WASTE_BANK,
        area=areas["21.72.03.1005"], acting_user=city_officer,
    )  # fmt: skip
    book = get_or_create_book(org, acting_user=city_officer)
    kinds = {
        "kas": AccountKind.ASSET, "tab-0": AccountKind.LIABILITY, "tab-1": AccountKind.LIABILITY,
        "pendapatan": AccountKind.INCOME, "beban": AccountKind.EXPENSE,
    }  # fmt: skip
    acc = {
        code: open_account(book, code=code, name=code, kind=kind, may_go_negative=code not in PROTECTED,
                           acting_user=city_officer)
        for code, kind in kinds.items()
    }  # fmt: skip
    sign = {code: (1 if kind in (AccountKind.ASSET, AccountKind.EXPENSE) else -1) for code, kind in kinds.items()}
    model = dict.fromkeys(kinds, 0)
    done = []  # (key, lines, transaction, is_reversal, reversed?)
    reversed_ids = set()

    def fits(lines):
        after = dict(model)
        for code, amount in lines:
            after[code] += amount * sign[code]
        return all(after[c] >= 0 for c in PROTECTED if after[c] < model[c]) and after

    for step, (op, arg, amount) in enumerate(ops):
        key = f"k{step}"
        if op in ("deposit", "withdraw", "sell"):
            lines = _lines(op, arg, amount)
            expected = fits(lines)
            request = [(acc[c], a) for c, a in lines]
            if expected:
                txn = post(book, key=key, lines=request, occurred_on=DAY, kind=op, acting_user=city_officer)
                model = expected
                done.append((key, request, txn, op))
            else:
                with pytest.raises(InsufficientBalance):
                    post(book, key=key, lines=request, occurred_on=DAY, kind=op, acting_user=city_officer)
        elif op in ("retry", "conflict") and done:
            old_key, request, txn, kind = done[arg % len(done)]
            if kind == "reversal":
                continue
            if op == "retry":
                again = post(book, key=old_key, lines=request, occurred_on=DAY, kind=kind, acting_user=city_officer)
                assert again.pk == txn.pk
            else:
                changed = [(request[0][0], request[0][1] + amount), (request[1][0], request[1][1] - amount)]
                with pytest.raises(IdempotencyConflict):
                    post(book, key=old_key, lines=changed, occurred_on=DAY, kind=kind, acting_user=city_officer)
        elif op == "reverse" and done:
            _key, request, txn, kind = done[arg % len(done)]
            mirrored = [(a.code, -v) for a, v in request]
            if kind == "reversal" or txn.pk in reversed_ids:
                with pytest.raises(ValidationError):
                    reverse(txn, key=key, acting_user=city_officer)
                continue
            expected = fits(mirrored)
            if expected:
                undo = reverse(txn, key=key, acting_user=city_officer)
                model = expected
                reversed_ids.add(txn.pk)
                done.append((key, [(acc[c], v) for c, v in mirrored], undo, "reversal"))
            else:
                with pytest.raises(InsufficientBalance):
                    reverse(txn, key=key, acting_user=city_officer)
        for code, account in acc.items():
            assert balance(account) == model[code]
            if code in PROTECTED:
                assert balance(account) >= 0
    assert Entry.objects.filter(transaction__book=book).count() == 2 * len(done)
    for code, account in acc.items():
        assert balance(account, as_of=DAY) == model[code]
    assert sum(Account.objects.get(pk=a.pk).balance * sign[c] for c, a in acc.items()) == 0
    assert check_books() == []
