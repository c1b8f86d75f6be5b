import datetime

import pytest
from django.core.exceptions import ValidationError

from gotong.ledger.models import Transaction
from gotong.ledger.services import InsufficientBalance, balance, check_books, statement
from gotong.registry.tests.factories import PersonFactory
from gotong.wastebank import services
from gotong.wastebank.models import Deposit, Member, WithdrawalKind
from gotong.wastebank.services.records import line_value

from .conftest import JAN, key

FEB = datetime.date(2026, 2, 10)
MAR = datetime.date(2026, 3, 10)


def test_set_up_bank_is_idempotent_with_chart_of_accounts(bank, city_officer):
    again = services.set_up_bank(bank.organization, acting_user=city_officer)
    assert again == bank
    codes = set(bank.book.accounts.values_list("code", flat=True))
    assert codes == {"1101", "3101", "4101", "5101"}
    assert services.bank_account(bank, services.CASH).may_go_negative is False


def test_set_up_refuses_other_kinds(areas, city_officer):
    from gotong.organizations.services import create_organization

    org = create_organization(name="BKM Bugis", kind="bkm", area=areas["21.72.03.1005"], acting_user=city_officer)
    with pytest.raises(ValidationError, match="bukan organisasi bank sampah"):
        services.set_up_bank(org, acting_user=city_officer)


def test_member_numbers_and_accounts(bank, staff, member):
    other = services.register_member(bank, person=PersonFactory(), joined_on=JAN, acting_user=staff)
    assert (member.number, other.number) == ("0001", "0002")
    assert member.account.holder == member.person
    assert member.account.may_go_negative is False
    assert services.register_member(bank, person=member.person, acting_user=staff) == member
    assert Member.objects.count() == 2


@pytest.mark.parametrize(
    ("grams", "price", "value"),
    [(2_350, 3_500, 8_225), (1, 3_500, 4), (1, 499, 0), (1, 500, 1), (143, 3_500, 501), (1_001, 1_500, 1_502)],
)
def test_line_value_rounds_half_up(grams, price, value):
    assert line_value(grams, price) == value


def test_price_of_the_deposit_date_is_used(bank, staff, categories, member):
    services.set_price(categories["pet"], price_per_kg=4_000, valid_from=MAR, acting_user=staff)
    assert services.price_on(categories["pet"], FEB) == 3_500
    assert services.price_on(categories["pet"], MAR) == 4_000
    assert services.price_on(categories["pet"], datetime.date(2025, 12, 31)) is None
    feb = services.record_deposit(
        bank, member=member, occurred_on=FEB, lines=[(categories["pet"], 2_350)], key=key(), acting_user=staff
    )
    mar = services.record_deposit(
        bank, member=member, occurred_on=MAR, lines=[(categories["pet"], 2_350), (categories["besi"], 1_000)],
        key=key(), acting_user=staff,
    )  # fmt: skip
    assert feb.total_value == 8_225
    assert mar.total_value == 9_400 + 4_000
    assert mar.total_grams == 3_350
    assert balance(member.account) == 8_225 + 13_400
    assert balance(services.bank_account(bank, services.PURCHASES)) == 21_625
    assert [line.balance for line in statement(member.account)] == [8_225, 21_625]
    assert check_books() == []


def test_double_submit_records_once(bank, staff, categories, member):
    k = key()
    first = services.record_deposit(
        bank, member=member, occurred_on=FEB, lines=[(categories["kardus"], 5_000)], key=k, acting_user=staff
    )
    second = services.record_deposit(
        bank, member=member, occurred_on=FEB, lines=[(categories["kardus"], 5_000)], key=k, acting_user=staff
    )
    assert first == second
    assert Deposit.objects.count() == 1
    assert balance(member.account) == 10_000


def test_deposit_refusals(bank, staff, categories, member):
    with pytest.raises(ValidationError, match="belum punya harga"):
        services.record_deposit(
            bank, member=member, occurred_on=datetime.date(2025, 12, 1), lines=[(categories["pet"], 1_000)],
            key=key(), acting_user=staff,
        )  # fmt: skip
    with pytest.raises(ValidationError, match="sedikitnya satu baris"):
        services.record_deposit(bank, member=member, occurred_on=FEB, lines=[], key=key(), acting_user=staff)
    with pytest.raises(ValidationError, match="lebih dari 0 kg"):
        services.record_deposit(
            bank, member=member, occurred_on=FEB, lines=[(categories["pet"], 0)], key=key(), acting_user=staff
        )
    with pytest.raises(ValidationError, match="masa depan"):
        services.record_deposit(
            bank, member=member, occurred_on=datetime.date.today() + datetime.timedelta(days=1),
            lines=[(categories["pet"], 10)], key=key(), acting_user=staff,
        )  # fmt: skip
    assert not Deposit.objects.exists()
    assert not Transaction.objects.filter(kind="wastebank.deposit").exists()


def _fund(bank, staff, amount=500_000):
    services.record_cash_in(
        bank, source="Hibah kelurahan", amount=amount, occurred_on=JAN, key=key(), acting_user=staff
    )


def test_withdrawal_cash_and_goods(bank, staff, categories, member):
    _fund(bank, staff)
    services.record_deposit(
        bank, member=member, occurred_on=FEB, lines=[(categories["besi"], 25_000)], key=key(), acting_user=staff
    )
    services.record_withdrawal(bank, member=member, occurred_on=MAR, amount=30_000, key=key(), acting_user=staff)
    goods = services.record_withdrawal(
        bank, member=member, occurred_on=MAR, amount=50_000, kind=WithdrawalKind.GOODS,
        goods="Beras 5 kg, minyak 2 liter", key=key(), acting_user=staff,
    )  # fmt: skip
    assert "Beras 5 kg" in goods.transaction.memo
    assert balance(member.account) == 20_000
    assert balance(services.bank_account(bank, services.CASH)) == 420_000
    with pytest.raises(InsufficientBalance) as info:
        services.record_withdrawal(bank, member=member, occurred_on=MAR, amount=20_001, key=key(), acting_user=staff)
    assert "Rp20.000" in info.value.message_dict["amount"][0]
    with pytest.raises(ValidationError, match="Tuliskan barang"):
        services.record_withdrawal(
            bank, member=member, occurred_on=MAR, amount=1_000, kind=WithdrawalKind.GOODS, key=key(), acting_user=staff
        )


def test_withdrawal_limited_by_cash_in_till(bank, staff, categories, member):
    services.record_deposit(
        bank, member=member, occurred_on=FEB, lines=[(categories["besi"], 10_000)], key=key(), acting_user=staff
    )
    with pytest.raises(InsufficientBalance, match="Kas bank sampah"):
        services.record_withdrawal(bank, member=member, occurred_on=MAR, amount=10_000, key=key(), acting_user=staff)


def test_sale_brings_cash_in(bank, staff, categories):
    sale = services.record_sale(
        bank, buyer="UD Pengepul Deli", occurred_on=FEB,
        lines=[(categories["pet"], 120_500, 4_200), (categories["kardus"], 80_000, 2_300)],
        key=key(), acting_user=staff,
    )  # fmt: skip
    assert sale.total_value == 506_100 + 184_000
    assert balance(services.bank_account(bank, services.CASH)) == 690_100
    assert balance(services.bank_account(bank, services.SALES)) == 690_100
    with pytest.raises(ValidationError, match="nama pembeli"):
        services.record_sale(
            bank, buyer=" ", occurred_on=FEB, lines=[(categories["pet"], 1, 1)], key=key(), acting_user=staff
        )


def test_cancel_deposit_by_reversal(bank, staff, categories, member):
    deposit = services.record_deposit(
        bank, member=member, occurred_on=FEB, lines=[(categories["pet"], 2_000)], key=key(), acting_user=staff
    )
    k = key()
    services.cancel_record(deposit, reason="Salah timbang", key=k, acting_user=staff)
    deposit.refresh_from_db()
    assert deposit.is_cancelled and deposit.cancel_reason == "Salah timbang"
    assert balance(member.account) == 0
    assert services.cancel_record(deposit, reason="Salah timbang", key=k, acting_user=staff) == deposit  # retry
    with pytest.raises(ValidationError, match="sudah dibatalkan"):
        services.cancel_record(deposit, reason="lagi", key=key(), acting_user=staff)
    assert check_books() == []


def test_cancel_refused_when_savings_already_spent(bank, staff, categories, member):
    _fund(bank, staff)
    deposit = services.record_deposit(
        bank, member=member, occurred_on=FEB, lines=[(categories["besi"], 5_000)], key=key(), acting_user=staff
    )
    services.record_withdrawal(bank, member=member, occurred_on=MAR, amount=15_000, key=key(), acting_user=staff)
    with pytest.raises(ValidationError, match="Tidak bisa dibatalkan"):
        services.cancel_record(deposit, reason="Salah", key=key(), acting_user=staff)


def test_price_corrections_and_refusals(bank, staff, categories):
    services.set_price(categories["pet"], price_per_kg=3_600, valid_from=JAN, acting_user=staff)
    assert services.price_on(categories["pet"], JAN) == 3_600
    with pytest.raises(ValidationError, match="lebih dari nol"):
        services.set_price(categories["pet"], price_per_kg=0, valid_from=FEB, acting_user=staff)
    with pytest.raises(ValidationError, match="sudah ada"):
        services.add_category(bank, name="botol pet", price_per_kg=1, valid_from=JAN, acting_user=staff)
