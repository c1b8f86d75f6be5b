"""Cash book, members and savings pages."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from gotong.core.forms import add_service_errors
from gotong.core.money import format_rupiah
from gotong.core.policy.routes import by, route
from gotong.exports.views import export_response
from gotong.treasury import services
from gotong.treasury.access import RECORD, VIEW_RECORDS
from gotong.treasury.forms import CancelForm, CashEntryForm, MemberForm, SavingsForm
from gotong.treasury.lists import cash_book_for, member_rows, month_from
from gotong.treasury.models import CashEntry, Loan, Member
from gotong.treasury.services.cashbook import cash_book_months, in_kind_book
from gotong.treasury.views.common import org_context, organization_for, tell_replayed, treasury_by_org_id


@route(VIEW_RECORDS, target=treasury_by_org_id)
def cash_book(request, org_id):
    organization = organization_for(request.user, org_id, need="records")
    if request.GET.get("format") in ("xlsx", "csv"):  # older links: the list export with the same filters
        return export_response(request, "treasury.cash_book", request.GET["format"], org_id=organization.pk)
    month = month_from(request.GET.get("bulan"))
    context = org_context(request.user, organization, "cash")
    context.update(
        book=cash_book_for(request.user, request.GET, organization),
        in_kind=in_kind_book(organization, request.user, month=month),
        months=cash_book_months(organization),
        month=month,
        position=services.cash_position(organization),
    )
    return render(request, "treasury/cash_book.html", context)


@route(RECORD, post=RECORD, target=treasury_by_org_id)
def cash_entry_new(request, org_id):
    organization = organization_for(request.user, org_id, need="record")
    services.ensure_setup(organization, acting_user=request.user)
    form = CashEntryForm(request.POST or None, organization=organization)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            entry = services.record_cash_entry(
                organization,
                category=data["category"],
                occurred_on=data["occurred_on"],
                amount=data["amount"],
                description=data["description"],
                in_kind=data["in_kind"],
                partner=data["partner"],
                key=data["idempotency_key"],
                acting_user=request.user,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            if not tell_replayed(request, entry):
                messages.success(request, _("Dicatat: %(text)s.") % {"text": entry.description})
            # The cash book of the entry's month: where the first request's entry is.
            url = reverse("treasury:cash-book", args=[organization.pk])
            return redirect(f"{url}?bulan={entry.occurred_on:%Y-%m}")
    context = org_context(request.user, organization, "cash")
    context.update(form=form, title=_("Catat kas"), cancel_url="treasury:cash-book")
    return render(request, "treasury/form.html", context)


@route(RECORD, post=RECORD, target=by(CashEntry, "pk"))
def cash_entry_cancel(request, pk):
    entry = get_object_or_404(CashEntry.objects.visible_to(request.user).select_related("organization"), pk=pk)
    organization = entry.organization
    if entry.reversal_id:
        if request.method == "POST":  # the cancel form sent again
            tell_replayed(request, services.cancel_cash_entry(entry, reason="", acting_user=request.user))
        return redirect("treasury:cash-book", organization.pk)
    form = CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.cancel_cash_entry(entry, reason=form.cleaned_data["reason"], acting_user=request.user)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Catatan dibatalkan dengan transaksi pembalik."))
            return redirect("treasury:cash-book", organization.pk)
    context = org_context(request.user, organization, "cash")
    title = _("Batalkan: %(text)s, %(amount)s") % {"text": entry.description, "amount": format_rupiah(entry.amount)}
    context.update(form=form, title=title, cancel_url="treasury:cash-book")
    return render(request, "treasury/form.html", context)


@route(VIEW_RECORDS, target=treasury_by_org_id)
def member_list(request, org_id):
    organization = organization_for(request.user, org_id, need="records")
    rows = member_rows(request.user, request.GET, organization=organization)
    context = org_context(request.user, organization, "members")
    context["rows"] = rows
    context["total"] = sum(sum(r["savings"].values()) for r in rows)
    return render(request, "treasury/member_list.html", context)


@route(RECORD, post=RECORD, target=treasury_by_org_id)
def member_new(request, org_id):
    organization = organization_for(request.user, org_id, need="record")
    form = MemberForm(request.POST or None, user=request.user, organization=organization)
    if request.method == "POST" and form.is_valid():
        try:
            member = services.add_member(
                organization,
                person=form.cleaned_data["person"],
                joined_on=form.cleaned_data["joined_on"],
                acting_user=request.user,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            if getattr(member, "replayed", False):
                messages.info(request, _("%(name)s sudah menjadi anggota; tidak didaftarkan dua kali.")
                              % {"name": member.person.name})  # fmt: skip
            else:
                messages.success(request, _("%(name)s menjadi anggota.") % {"name": member.person.name})
            return redirect("treasury:member-detail", member.public_id)
    context = org_context(request.user, organization, "members")
    context.update(form=form, title=_("Tambah anggota"), cancel_url="treasury:members")
    return render(request, "treasury/form.html", context)


def _member_for(user, public_id):
    return get_object_or_404(
        Member.objects.visible_to(user).select_related("organization", "person"), public_id=public_id
    )


@route(VIEW_RECORDS, target=by(Member, "public_id"))
def member_detail(request, public_id):
    member = _member_for(request.user, public_id)
    organization = member.organization
    context = org_context(request.user, organization, "members")
    loans = Loan.objects.filter(member=member).prefetch_related("installments")
    context.update(
        member=member,
        savings=services.savings_balances(member),
        movements=member.movements.all()[:50],
        loans=[{"loan": loan, "state": services.loan_state(loan)} for loan in loans],
    )
    return render(request, "treasury/member_detail.html", context)


@route(RECORD, post=RECORD, target=by(Member, "public_id"))
def savings_new(request, public_id):
    member = _member_for(request.user, public_id)
    organization = member.organization
    form = SavingsForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            movement = services.record_savings(
                member,
                kind=data["kind"],
                amount=data["amount"],
                withdrawal=data["withdrawal"],
                occurred_on=data["occurred_on"],
                key=data["idempotency_key"],
                acting_user=request.user,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            if getattr(movement, "replayed", False):
                messages.info(
                    request,
                    _("Simpanan %(name)s ini sudah dicatat sebelumnya; tidak dicatat dua kali.")
                    % {"name": member.person.name},
                )
            else:
                messages.success(request, _("Simpanan %(name)s dicatat.") % {"name": member.person.name})
            return redirect("treasury:member-detail", member.public_id)
    context = org_context(request.user, organization, "members")
    context.update(form=form, title=_("Simpanan — %(name)s") % {"name": member.person.name}, member=member)
    return render(request, "treasury/form.html", context)
