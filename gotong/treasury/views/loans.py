"""Loan products, loans with their schedule, repayments, arrears and the loan statement PDF."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from gotong.core.forms import add_service_errors
from gotong.core.money import format_rupiah
from gotong.core.policy.routes import by, route
from gotong.treasury import access, services
from gotong.treasury.access import RECORD, VIEW_RECORDS
from gotong.treasury.forms import LoanForm, ProductForm, RepaymentForm
from gotong.treasury.lists import arrears_rows, loan_rows
from gotong.treasury.models import Loan as LoanModel
from gotong.treasury.models import LoanProduct, Member
from gotong.treasury.statement import loan_statement_pdf
from gotong.treasury.views.common import org_context, organization_for, tell_replayed, treasury_by_org_id


@route(VIEW_RECORDS, post=RECORD, target=treasury_by_org_id)
def products(request, org_id):
    organization = organization_for(request.user, org_id, need="records")
    can_record = access.can_record(request.user, organization)
    form = ProductForm(request.POST or None) if can_record else None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.create_product(organization, **data, acting_user=request.user)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Produk %(name)s disimpan.") % {"name": data["name"]})
            return redirect("treasury:products", organization.pk)
    context = org_context(request.user, organization, "products")
    context.update(products=LoanProduct.objects.filter(organization=organization), form=form)
    return render(request, "treasury/products.html", context)


@route(VIEW_RECORDS, target=treasury_by_org_id)
def loan_list(request, org_id):
    organization = organization_for(request.user, org_id, need="records")
    rows = loan_rows(request.user, request.GET, organization=organization)
    context = org_context(request.user, organization, "loans")
    context.update(rows=rows, outstanding=sum(r["state"].outstanding for r in rows))
    return render(request, "treasury/loan_list.html", context)


@route(RECORD, post=RECORD, target=treasury_by_org_id)
def loan_new(request, org_id):
    organization = organization_for(request.user, org_id, need="record")
    members = Member.objects.filter(organization=organization).select_related("person")
    form = LoanForm(request.POST or None, organization=organization, members=members)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            loan = services.disburse_loan(
                data["member"],
                product=data["product"],
                principal=data["principal"],
                term_months=data["term_months"],
                disbursed_on=data["disbursed_on"],
                purpose=data["purpose"],
                key=data["idempotency_key"],
                acting_user=request.user,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            if not tell_replayed(request, loan):
                messages.success(request, _("Pinjaman dicairkan; jadwal angsuran dibuat."))
            return redirect("treasury:loan-detail", loan.public_id)
    context = org_context(request.user, organization, "loans")
    context.update(form=form, title=_("Pinjaman baru"), cancel_url="treasury:loans")
    return render(request, "treasury/form.html", context)


def _loan_for(user, public_id):
    return get_object_or_404(
        LoanModel.objects.visible_to(user).select_related("organization", "member__person", "product"),
        public_id=public_id,
    )


@route(VIEW_RECORDS, target=by(LoanModel, "public_id"))
def loan_detail(request, public_id):
    loan = _loan_for(request.user, public_id)
    installments = list(loan.installments.all())
    context = org_context(request.user, loan.organization, "loans")
    context.update(
        loan=loan,
        installments=installments,
        state=services.loan_state(loan, installments=installments),
        repayments=loan.repayments.all(),
    )
    return render(request, "treasury/loan_detail.html", context)


@route(RECORD, post=RECORD, target=by(LoanModel, "public_id"))
def repayment_new(request, public_id):
    loan = _loan_for(request.user, public_id)
    form = RepaymentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            repayment = services.record_repayment(
                loan,
                amount=form.cleaned_data["amount"],
                paid_on=form.cleaned_data["paid_on"],
                key=form.cleaned_data["idempotency_key"],
                acting_user=request.user,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            if not tell_replayed(request, repayment):
                messages.success(
                    request,
                    _("Angsuran dicatat: bunga %(interest)s, pokok %(principal)s.")
                    % {
                        "interest": format_rupiah(repayment.interest_part),
                        "principal": format_rupiah(repayment.principal_part),
                    },
                )
            return redirect("treasury:loan-detail", loan.public_id)
    context = org_context(request.user, loan.organization, "loans")
    context.update(
        form=form,
        loan=loan,
        state=services.loan_state(loan),
        title=_("Bayar angsuran — %(name)s") % {"name": loan.member.person.name},
    )
    return render(request, "treasury/form.html", context)


@route(VIEW_RECORDS, target=by(LoanModel, "public_id"))
def loan_pdf(request, public_id):
    loan = _loan_for(request.user, public_id)
    return loan_statement_pdf(loan)


@route(VIEW_RECORDS, target=treasury_by_org_id)
def arrears(request, org_id):
    organization = organization_for(request.user, org_id, need="records")
    context = org_context(request.user, organization, "arrears")
    context["rows"] = arrears_rows(request.user, request.GET, organization=organization)
    context["total"] = sum(r.installment.remaining for r in context["rows"])
    return render(request, "treasury/arrears.html", context)
