"""Deposits, withdrawals, sales, cash in and cancellations: each one ledger transaction plus its receipt.

Every function takes the `key` the form was rendered with: the same key again returns the first record, so a
double-tapped button or a retried request from a phone records once.
"""

from auditlog.context import set_actor
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gotong.core.dates import short_date
from gotong.core.validation import not_in_future, whole_rupiah
from gotong.ledger import services as ledger
from gotong.wastebank import tallies
from gotong.wastebank.access import check_may_record
from gotong.wastebank.models import (
    CashIn,
    Deposit,
    DepositLine,
    Sale,
    SaleLine,
    WasteCategory,
    Withdrawal,
    WithdrawalKind,
)
from gotong.wastebank.services.catalog import MAX_PRICE_PER_KG, price_list
from gotong.wastebank.services.setup import CAPITAL, CASH, PURCHASES, SALES, bank_account, lock_bank

MAX_LINE_GRAMS = 2_000_000  # two tonnes on one line is a typo, not a delivery
MAX_AMOUNT = 1_000_000_000


def line_value(grams: int, price_per_kg: int) -> int:
    """grams × price per kg ÷ 1000, rounded to the nearest rupiah, halves up (exact integer arithmetic)."""
    return (grams * price_per_kg + 500) // 1000


def _check_common(bank, *, occurred_on, key, acting_user) -> None:
    check_may_record(acting_user, bank)
    if not key or len(key) > 80:
        raise ValidationError(_("Formulir tidak lengkap (kunci permintaan hilang); muat ulang halaman."))
    if occurred_on is None:
        raise ValidationError({"occurred_on": _("Isi tanggal.")})
    not_in_future(occurred_on, "occurred_on")


def _check_member(bank, member) -> None:
    if member is None or member.bank_id != bank.pk:
        raise ValidationError({"member": _("Anggota tidak terdaftar di bank sampah ini.")})
    if not member.is_active:
        raise ValidationError({"member": _("Anggota %(name)s tidak aktif.") % {"name": member.person.name}})


def _check_grams(grams, category) -> None:
    if isinstance(grams, bool) or not isinstance(grams, int) or grams <= 0:
        raise ValidationError(_("Berat %(cat)s harus lebih dari 0 kg.") % {"cat": category})
    if grams > MAX_LINE_GRAMS:
        raise ValidationError(_("Berat %(cat)s lebih dari 2 ton; periksa lagi timbangannya.") % {"cat": category})


def _check_amount(amount) -> None:
    whole_rupiah(amount, "amount")
    if amount > MAX_AMOUNT:
        raise ValidationError({"amount": _("Jumlah terlalu besar; periksa lagi angkanya.")})


def _categories(bank, lines) -> None:
    if not lines:
        raise ValidationError(_("Isi sedikitnya satu baris sampah yang ditimbang."))
    for line in lines:
        category = line[0]
        if not isinstance(category, WasteCategory) or category.bank_id != bank.pk:
            raise ValidationError(_("Jenis sampah tidak dikenal di bank sampah ini."))


@transaction.atomic
def record_deposit(bank, *, member, occurred_on, lines, key, acting_user, prices=None) -> Deposit:
    """Weighed waste handed in by a member: `lines` are (category, grams); valued at the day's price list.

    `prices` ({category pk: price per kg}) is that list when the caller has already read it for `occurred_on`
    (the field app compares it with the phone's before booking): the deposit is then valued at exactly the
    prices that comparison saw, and they are not read a second time."""
    _check_common(bank, occurred_on=occurred_on, key=key, acting_user=acting_user)
    lock_bank(bank)
    existing = Deposit.objects.filter(bank=bank, request_key=key).first()
    if existing:
        existing.replayed = True  # the form sent again: the first request's record, recorded once
        return existing
    _check_member(bank, member)
    _categories(bank, lines)
    if prices is None:
        prices = {c.pk: p for c, p in price_list(bank, occurred_on, active_only=False)}
    rows = []
    for category, grams in lines:
        _check_grams(grams, category)
        price = prices.get(category.pk)
        if price is None:
            raise ValidationError(
                _("%(cat)s belum punya harga pada %(day)s; isi daftar harga dulu.")
                % {"cat": category, "day": short_date(occurred_on)}
            )
        rows.append(DepositLine(category=category, grams=grams, price_per_kg=price, value=line_value(grams, price)))
    total = sum(r.value for r in rows)
    if total <= 0:
        raise ValidationError(_("Nilai setoran Rp0: timbangan terlalu kecil untuk dihitung."))
    weight = sum(r.grams for r in rows)
    txn = ledger.post(
        bank.book,
        key=f"wastebank.deposit:{key}",
        lines=[(bank_account(bank, PURCHASES), total), (member.account, -total)],
        occurred_on=occurred_on,
        memo=deposit_memo(weight),
        kind="wastebank.deposit",
        acting_user=acting_user,
    )
    deposit = Deposit(
        bank=bank, member=member, occurred_on=occurred_on, transaction=txn, request_key=key,
        recorded_by=acting_user, total_grams=weight, total_value=total,
    )  # fmt: skip
    with set_actor(acting_user):
        deposit.save()
        for row in rows:
            row.deposit = deposit
            row.save()
    tallies.refresh_banks([bank.pk], months=[occurred_on])
    return deposit


def kg_text(grams: int) -> str:
    """1250 → "1,25": kilograms the Indonesian way, as the ledger's memos write them."""
    text = f"{grams / 1000:.3f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


# The ledger memos, one wording for the services and for anything else that writes the same records (the
# synthetic city of `gotong bench generate`).
def deposit_memo(grams: int) -> str:
    return _("Setoran sampah %(kg)s kg") % {"kg": kg_text(grams)}


def withdrawal_memo(goods: str) -> str:
    """A withdrawal in goods names them; an empty `goods` is a cash withdrawal."""
    memo = _("Penarikan berupa barang: %(goods)s") % {"goods": goods} if goods else _("Penarikan tunai")
    return memo[:255]


def sale_memo(grams: int, buyer: str) -> str:
    return (_("Penjualan %(kg)s kg ke %(buyer)s") % {"kg": kg_text(grams), "buyer": buyer})[:255]


def cash_in_memo(source: str) -> str:
    return (_("Kas masuk: %(source)s") % {"source": source})[:255]


@transaction.atomic
def record_withdrawal(bank, *, member, occurred_on, amount, kind=WithdrawalKind.CASH, goods="", key, acting_user):
    """A member takes savings out, in cash or in goods (sembako) the bank pays for."""
    _check_common(bank, occurred_on=occurred_on, key=key, acting_user=acting_user)
    lock_bank(bank)
    existing = Withdrawal.objects.filter(bank=bank, request_key=key).first()
    if existing:
        existing.replayed = True  # the form sent again: the first request's record, recorded once
        return existing
    _check_member(bank, member)
    _check_amount(amount)
    goods = (goods or "").strip()
    if kind not in WithdrawalKind.values:
        raise ValidationError({"kind": _("Bentuk penarikan tidak dikenal.")})
    if kind == WithdrawalKind.GOODS and not goods:
        raise ValidationError({"goods": _("Tuliskan barang yang diberikan, mis. beras 5 kg dan minyak 2 liter.")})
    memo = withdrawal_memo(goods if kind == WithdrawalKind.GOODS else "")
    try:
        txn = ledger.post(
            bank.book,
            key=f"wastebank.withdrawal:{key}",
            lines=[(member.account, amount), (bank_account(bank, CASH), -amount)],
            occurred_on=occurred_on,
            memo=memo[:255],
            kind="wastebank.withdrawal",
            acting_user=acting_user,
        )
    except ledger.InsufficientBalance as exc:
        raise ledger.InsufficientBalance({"amount": exc.messages}) from exc
    withdrawal = Withdrawal(
        bank=bank, member=member, occurred_on=occurred_on, transaction=txn, request_key=key,
        recorded_by=acting_user, kind=kind, amount=amount, goods=goods,
    )  # fmt: skip
    withdrawal.full_clean(exclude=["transaction", "bank", "member", "recorded_by"], validate_constraints=False)
    with set_actor(acting_user):
        withdrawal.save()
    return withdrawal


@transaction.atomic
def record_sale(bank, *, buyer, occurred_on, lines, key, acting_user) -> Sale:
    """Waste sold to a collector: `lines` are (category, grams, price per kg agreed with the buyer)."""
    _check_common(bank, occurred_on=occurred_on, key=key, acting_user=acting_user)
    lock_bank(bank)
    existing = Sale.objects.filter(bank=bank, request_key=key).first()
    if existing:
        existing.replayed = True  # the form sent again: the first request's record, recorded once
        return existing
    buyer = (buyer or "").strip()
    if not buyer:
        raise ValidationError({"buyer": _("Isi nama pembeli (pengepul).")})
    _categories(bank, lines)
    rows = []
    for category, grams, price in lines:
        _check_grams(grams, category)
        if isinstance(price, bool) or not isinstance(price, int) or not 0 < price <= MAX_PRICE_PER_KG:
            raise ValidationError(_("Harga jual %(cat)s harus rupiah lebih dari nol.") % {"cat": category})
        rows.append(SaleLine(category=category, grams=grams, price_per_kg=price, value=line_value(grams, price)))
    total = sum(r.value for r in rows)
    if total <= 0:
        raise ValidationError(_("Nilai penjualan Rp0: periksa berat dan harga."))
    weight = sum(r.grams for r in rows)
    txn = ledger.post(
        bank.book,
        key=f"wastebank.sale:{key}",
        lines=[(bank_account(bank, CASH), total), (bank_account(bank, SALES), -total)],
        occurred_on=occurred_on,
        memo=sale_memo(weight, buyer),
        kind="wastebank.sale",
        acting_user=acting_user,
    )
    sale = Sale(
        bank=bank, buyer=buyer, occurred_on=occurred_on, transaction=txn, request_key=key, recorded_by=acting_user,
        total_grams=weight, total_value=total,
    )  # fmt: skip
    with set_actor(acting_user):
        sale.save()
        for row in rows:
            row.sale = sale
            row.save()
    return sale


@transaction.atomic
def record_cash_in(bank, *, source, amount, occurred_on, key, acting_user) -> CashIn:
    """Capital, a grant or a donation put into the till."""
    _check_common(bank, occurred_on=occurred_on, key=key, acting_user=acting_user)
    lock_bank(bank)
    existing = CashIn.objects.filter(bank=bank, request_key=key).first()
    if existing:
        existing.replayed = True  # the form sent again: the first request's record, recorded once
        return existing
    source = (source or "").strip()
    if not source:
        raise ValidationError({"source": _("Isi sumber dana, mis. hibah kelurahan.")})
    _check_amount(amount)
    txn = ledger.post(
        bank.book,
        key=f"wastebank.cash_in:{key}",
        lines=[(bank_account(bank, CASH), amount), (bank_account(bank, CAPITAL), -amount)],
        occurred_on=occurred_on,
        memo=cash_in_memo(source),
        kind="wastebank.cash_in",
        acting_user=acting_user,
    )
    cash_in = CashIn(
        bank=bank, source=source, amount=amount, occurred_on=occurred_on, transaction=txn, request_key=key,
        recorded_by=acting_user,
    )  # fmt: skip
    with set_actor(acting_user):
        cash_in.save()
    return cash_in


@transaction.atomic
def cancel_record(record, *, reason, key, acting_user):
    """Cancel a deposit, withdrawal, sale or cash-in by reversing its ledger transaction (dated today).

    Refused when the reversal would overdraw an account, e.g. a deposit whose value the member already took out.
    """
    check_may_record(acting_user, record.bank)
    lock_bank(record.bank)
    record = type(record).objects.select_for_update().get(pk=record.pk)
    reason = (reason or "").strip()
    if record.cancellation_id:
        if record.cancellation.idempotency_key == f"wastebank.cancel:{key}":
            record.replayed = True
            return record
        raise ValidationError(_("Catatan ini sudah dibatalkan."))
    if not reason:
        raise ValidationError({"reason": _("Tuliskan alasan pembatalan.")})
    try:
        undo = ledger.reverse(
            record.transaction,
            key=f"wastebank.cancel:{key}",
            memo=(_("Pembatalan: %(memo)s — %(reason)s") % {"memo": record.transaction.memo, "reason": reason})[:255],
            occurred_on=timezone.localdate(),
            acting_user=acting_user,
        )
    except ledger.InsufficientBalance as exc:
        raise ValidationError(_("Tidak bisa dibatalkan: %(why)s") % {"why": " ".join(exc.messages)}) from exc
    record.cancellation = undo
    record.cancel_reason = reason[:200]
    with set_actor(acting_user):
        record.save(update_fields=["cancellation", "cancel_reason", "updated_at"])
    if isinstance(record, Deposit):  # only deposits are tallied
        tallies.refresh_banks([record.bank_id], months=[record.occurred_on])
    return record
