"""Recording money movements: deposit, withdrawal, sale, cash in, and cancelling any of them."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _

from gotong.core.forms import add_service_errors
from gotong.core.money import format_rupiah
from gotong.core.policy.routes import route
from gotong.wastebank import services
from gotong.wastebank.access import can_record
from gotong.wastebank.forms import CancelForm, CashInForm, DepositForm, SaleForm, WithdrawalForm
from gotong.wastebank.models import Member
from gotong.wastebank.views.common import BANK, RECORD_KINDS, BankRecordLoader, visible_bank

# Recording pages answer 404 to whoever does not see the bank and 403 to whoever sees it but does not record there
# (city officers, facilitators, the bank's secretary): `wastebank.record` for the form and for the post alike.
RECORDING = {"post": "wastebank.record", "target": BANK}


def _replayed(request, kind, record):
    """A form sent again with a used key: a neutral note and the receipt of the record the first one made."""
    if not getattr(record, "replayed", False):
        return None
    messages.info(request, _("Formulir ini sudah dikirim sebelumnya; catatannya sudah ada dan tidak dicatat dua kali."))
    return redirect("wastebank:record", kind, record.public_id)


def _preselected_member(request, bank):
    public_id = request.GET.get("anggota")
    if not public_id:
        return None
    try:
        return Member.objects.filter(bank=bank, public_id=public_id).first()
    except ValidationError:
        return None


@route("wastebank.record", **RECORDING)
def deposit_create(request, bank_id):
    bank = visible_bank(request, bank_id)
    initial = {"member": _preselected_member(request, bank)}
    form = DepositForm(request.POST or None, bank=bank, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            deposit = services.record_deposit(
                bank, member=data["member"], occurred_on=data["occurred_on"], lines=form.lines,
                key=data["request_key"], acting_user=request.user,
            )  # fmt: skip
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if again := _replayed(request, "setoran", deposit):
                return again
            messages.success(
                request,
                _("Setoran %(name)s dicatat: %(value)s.")
                % {"name": deposit.member.person.name, "value": format_rupiah(deposit.total_value)},
            )
            return redirect("wastebank:member", deposit.member.public_id)
    day = parse_date(str(form["occurred_on"].value() or "")) or timezone.localdate()
    context = {"bank": bank, "form": form, "prices": services.price_list(bank, day), "day": day}
    return render(request, "wastebank/deposit_form.html", context)


@route("wastebank.record", **RECORDING)
def withdrawal_create(request, bank_id):
    bank = visible_bank(request, bank_id)
    form = WithdrawalForm(request.POST or None, bank=bank, initial={"member": _preselected_member(request, bank)})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            withdrawal = services.record_withdrawal(
                bank, member=data["member"], occurred_on=data["occurred_on"], amount=data["amount"],
                kind=data["kind"], goods=data["goods"], key=data["request_key"], acting_user=request.user,
            )  # fmt: skip
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if again := _replayed(request, "penarikan", withdrawal):
                return again
            messages.success(request, _("Penarikan %(value)s dicatat.") % {"value": format_rupiah(withdrawal.amount)})
            return redirect("wastebank:member", withdrawal.member.public_id)
    title = _("Penarikan tabungan")
    return render(request, "wastebank/simple_form.html", {"bank": bank, "form": form, "title": title})


@route("wastebank.record", **RECORDING)
def sale_create(request, bank_id):
    bank = visible_bank(request, bank_id)
    form = SaleForm(request.POST or None, bank=bank)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            sale = services.record_sale(
                bank, buyer=data["buyer"], occurred_on=data["occurred_on"], lines=form.lines,
                key=data["request_key"], acting_user=request.user,
            )  # fmt: skip
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if again := _replayed(request, "penjualan", sale):
                return again
            messages.success(request, _("Penjualan %(value)s dicatat.") % {"value": format_rupiah(sale.total_value)})
            return redirect("wastebank:record", "penjualan", sale.public_id)
    return render(request, "wastebank/sale_form.html", {"bank": bank, "form": form})


@route("wastebank.record", **RECORDING)
def cash_in_create(request, bank_id):
    bank = visible_bank(request, bank_id)
    form = CashInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            cash_in = services.record_cash_in(
                bank, source=data["source"], amount=data["amount"], occurred_on=data["occurred_on"],
                key=data["request_key"], acting_user=request.user,
            )  # fmt: skip
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if again := _replayed(request, "kas-masuk", cash_in):
                return again
            messages.success(request, _("Kas masuk %(value)s dicatat.") % {"value": format_rupiah(data["amount"])})
            return redirect("wastebank:bank", bank.pk)
    title = _("Kas masuk (modal, hibah, donasi)")
    return render(request, "wastebank/simple_form.html", {"bank": bank, "form": form, "title": title})


def _visible_record(request, kind, public_id):
    model = RECORD_KINDS[kind]  # the route's loader answered 404 for an unknown kind
    return get_object_or_404(model.objects.visible_to(request.user).select_related("bank__organization"),
                             public_id=public_id)  # fmt: skip


@route("wastebank.view", target=BankRecordLoader())
def record_detail(request, kind, public_id):
    """A receipt: what was recorded, by whom, its ledger lines, and (for staff) a cancel form."""
    record = _visible_record(request, kind, public_id)
    may_record = can_record(request.user, record.bank)
    may_cancel = may_record and not record.is_cancelled
    context = {
        "record": record,
        "kind": kind,
        "bank": record.bank,
        "lines": list(record.lines.select_related("category")) if hasattr(record, "lines") else [],
        "entries": record.transaction.entries.select_related("account"),
        "cancel_form": CancelForm() if may_cancel else None,
        "can_record": may_record,
    }
    return render(request, "wastebank/record.html", context)


@route(None, post="wastebank.record", target=BankRecordLoader())
def record_cancel(request, kind, public_id):
    record = _visible_record(request, kind, public_id)
    form = CancelForm(request.POST)
    if form.is_valid():
        try:
            record = services.cancel_record(
                record, reason=form.cleaned_data["reason"], key=form.cleaned_data["request_key"],
                acting_user=request.user,
            )  # fmt: skip
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            if not _replayed(request, kind, record):
                messages.success(request, _("Catatan dibatalkan dengan transaksi pembalik."))
    else:
        messages.error(request, _("Tuliskan alasan pembatalan."))
    return redirect("wastebank:record", kind, record.public_id)
