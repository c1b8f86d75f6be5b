import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError

from gotong.ledger.models import Account, AccountKind, AppendOnlyError, Entry, Transaction
from gotong.ledger.services import (
    IdempotencyConflict,
    InsufficientBalance,
    balance,
    check_books,
    get_or_create_book,
    open_account,
    post,
    reverse,
    statement,
)

D1 = datetime.date(2026, 1, 5)
D2 = datetime.date(2026, 2, 5)
D3 = datetime.date(2026, 3, 5)


def deposit(book, accounts, user, amount, key, day=D1):
    """Member brings value: the bank's expense grows, the member's savings (a liability) grows."""
    return post(
        book, key=key, lines=[(accounts["expense"], amount), (accounts["savings"], -amount)], occurred_on=day,
        memo="setor", kind="test.deposit", acting_user=user,
    )  # fmt: skip


def fund(book, accounts, user, amount, key="modal"):
    return post(
        book, key=key, lines=[(accounts["cash"], amount), (accounts["equity"], -amount)], occurred_on=D1,
        acting_user=user,
    )  # fmt: skip


def withdraw(book, accounts, user, amount, key, day=D2):
    return post(
        book, key=key, lines=[(accounts["savings"], amount), (accounts["cash"], -amount)], occurred_on=day,
        memo="tarik", kind="test.withdrawal", acting_user=user,
    )  # fmt: skip


def test_book_and_account_are_idempotent(book, accounts, city_officer):
    assert get_or_create_book(book.organization, acting_user=city_officer) == book
    assert book.area_code == "21.72.03.1005"
    again = open_account(book, code="kas", name="Kas lain", kind=AccountKind.ASSET, acting_user=city_officer)
    assert again == accounts["cash"]
    assert Account.objects.filter(book=book).count() == 5


def test_defaults_for_may_go_negative(book, city_officer, accounts):
    assert accounts["cash"].may_go_negative is False
    assert accounts["income"].may_go_negative is True
    assert accounts["equity"].may_go_negative is True


def test_post_updates_balances_in_natural_sign(book, accounts, city_officer):
    deposit(book, accounts, city_officer, 12_500, "d1")
    assert balance(accounts["savings"]) == 12_500
    assert balance(accounts["expense"]) == 12_500
    assert accounts["savings"].balance == 12_500  # caller's object kept in step
    assert check_books() == []


def test_same_key_same_content_is_applied_once(book, accounts, city_officer):
    first = deposit(book, accounts, city_officer, 5_000, "retry")
    second = deposit(book, accounts, city_officer, 5_000, "retry")
    assert first.pk == second.pk
    assert Entry.objects.count() == 2
    assert balance(accounts["savings"]) == 5_000


def test_same_key_different_content_conflicts(book, accounts, city_officer):
    deposit(book, accounts, city_officer, 5_000, "k")
    with pytest.raises(IdempotencyConflict, match="sudah dipakai"):
        deposit(book, accounts, city_officer, 6_000, "k")
    assert isinstance(IdempotencyConflict("x"), ValidationError)
    assert balance(accounts["savings"]) == 5_000


@pytest.mark.parametrize(
    ("amounts", "message"),
    [
        ((100, -99), "tidak seimbang"),
        ((100.0, -100.0), "bilangan bulat"),
        ((True, -1), "bilangan bulat"),
        ((0, 0), "nol"),
    ],
)
def test_bad_lines_are_refused(book, accounts, city_officer, amounts, message):
    lines = [(accounts["cash"], amounts[0]), (accounts["equity"], amounts[1])]
    with pytest.raises(ValidationError, match=message):
        post(book, key="bad", lines=lines, occurred_on=D1, acting_user=city_officer)
    assert not Transaction.objects.exists()


def test_one_line_and_foreign_account_are_refused(book, accounts, city_officer, areas):
    with pytest.raises(ValidationError, match="dua baris"):
        post(book, key="x", lines=[(accounts["cash"], 1)], occurred_on=D1, acting_user=city_officer)
    other_book = get_or_create_book(book.organization, name="Buku lain", acting_user=city_officer)
    stranger = open_account(other_book, code="kas", name="Kas", kind=AccountKind.ASSET, acting_user=city_officer)
    with pytest.raises(ValidationError, match="bukan milik buku"):
        post(book, key="x", lines=[(stranger, 5), (accounts["equity"], -5)], occurred_on=D1, acting_user=city_officer)


def test_insufficient_balance_names_account_and_saves_nothing(book, accounts, city_officer):
    fund(book, accounts, city_officer, 1_000_000)
    deposit(book, accounts, city_officer, 20_000, "d")
    with pytest.raises(InsufficientBalance) as info:
        withdraw(book, accounts, city_officer, 20_001, "w")
    assert "Tabungan" in info.value.messages[0] and "Rp20.000" in info.value.messages[0]
    assert balance(accounts["savings"]) == 20_000
    assert not Transaction.objects.filter(idempotency_key="w").exists()
    withdraw(book, accounts, city_officer, 20_000, "w")
    assert balance(accounts["savings"]) == 0
    assert balance(accounts["cash"]) == 980_000


def test_cash_cannot_go_negative(book, accounts, city_officer):
    deposit(book, accounts, city_officer, 20_000, "d")
    with pytest.raises(InsufficientBalance, match="Kas"):
        withdraw(book, accounts, city_officer, 10_000, "w")


def test_reverse_mirrors_once(book, accounts, city_officer):
    original = deposit(book, accounts, city_officer, 7_000, "d")
    undo = reverse(original, key="undo", acting_user=city_officer)
    assert undo.reverses == original
    assert sorted(undo.entries.values_list("amount", flat=True)) == [-7_000, 7_000]
    assert balance(accounts["savings"]) == 0
    assert reverse(original, key="undo", acting_user=city_officer) == undo  # retry
    with pytest.raises(ValidationError, match="sudah dibatalkan"):
        reverse(original, key="undo-2", acting_user=city_officer)
    with pytest.raises(ValidationError, match="tidak dapat dibalik"):
        reverse(undo, key="undo-3", acting_user=city_officer)
    assert check_books() == []


def test_reverse_respects_balances(book, accounts, city_officer):
    fund(book, accounts, city_officer, 50_000)
    original = deposit(book, accounts, city_officer, 7_000, "d")
    withdraw(book, accounts, city_officer, 5_000, "w")
    with pytest.raises(InsufficientBalance):
        reverse(original, key="undo", acting_user=city_officer)


def test_entries_and_transactions_are_append_only(book, accounts, city_officer):
    txn = deposit(book, accounts, city_officer, 1_000, "d")
    entry = txn.entries.first()
    entry.amount = 5
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        Entry.objects.filter(pk=entry.pk).update(amount=3)
    with pytest.raises(AppendOnlyError):
        Entry.objects.all().delete()
    txn.memo = "ubah"
    with pytest.raises(AppendOnlyError):
        txn.save()
    with pytest.raises(AppendOnlyError):
        txn.delete()
    assert Entry.objects.get(pk=entry.pk).amount == 1_000


def test_balance_as_of_and_statement(book, accounts, city_officer):
    fund(book, accounts, city_officer, 100_000)
    deposit(book, accounts, city_officer, 10_000, "d1", day=D1)
    deposit(book, accounts, city_officer, 4_000, "d2", day=D2)
    withdraw(book, accounts, city_officer, 3_000, "w1", day=D3)
    savings = accounts["savings"]
    assert balance(savings, as_of=D1) == 10_000
    assert balance(savings, as_of=D2) == 14_000
    assert balance(savings, as_of=datetime.date(2025, 1, 1)) == 0
    lines = statement(savings)
    assert [(line.debit, line.credit, line.balance) for line in lines] == [
        (0, 10_000, 10_000), (0, 4_000, 14_000), (3_000, 0, 11_000),
    ]  # fmt: skip
    window = statement(savings, start=D2, end=D2)
    assert window[0].memo == "Saldo awal" and window[0].balance == 10_000
    assert [line.balance for line in window[1:]] == [14_000]


def test_check_command_ok_and_tampered(book, accounts, city_officer, capsys):
    deposit(book, accounts, city_officer, 2_000, "d")
    call_command("ledger", "check")
    assert "seimbang" in capsys.readouterr().out
    Account.objects.filter(pk=accounts["savings"].pk).update(balance=2_500)  # tamper with the cache
    with pytest.raises(CommandError) as info:
        call_command("ledger", "check")
    assert info.value.returncode == 1
    assert "saldo tersimpan 2500, jumlah entri 2000" in capsys.readouterr().out


def test_check_finds_unbalanced_transaction(book, accounts, city_officer):
    txn = deposit(book, accounts, city_officer, 2_000, "d")
    Entry(transaction=txn, account=accounts["cash"], amount=5).save()  # bypassing the service
    problems = check_books()
    assert any("tidak seimbang" in p for p in problems)
    assert any("saldo tersimpan 0, jumlah entri 5" in p for p in problems)


def test_audit_log_names_the_actor(book, accounts, city_officer):
    from auditlog.models import LogEntry

    txn = deposit(book, accounts, city_officer, 2_000, "d")
    log = LogEntry.objects.get_for_object(txn).get()
    assert log.actor == city_officer
