"""Financial statements (page, PDF, XLSX) for every reader of a treasury, and the treasurer's monthly close."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from gotong.core.dates import month_year
from gotong.core.forms import add_service_errors
from gotong.core.policy.routes import route
from gotong.treasury import services
from gotong.treasury.access import RECORD, VIEW
from gotong.treasury.financial_exports import close_lines, statements_pdf, statements_xlsx
from gotong.treasury.forms import MonthCloseForm
from gotong.treasury.services.closing import closes_of
from gotong.treasury.services.statements import month_period
from gotong.treasury.views.common import org_context, organization_for, treasury_by_org_id


# Statements are aggregates (no name, no single account), so every reader of the summary gets them: members,
# bookkeepers, area workers and partners (`treasury.view`).
@route(VIEW, target=treasury_by_org_id)
def statements(request, org_id, fmt="html"):
    organization = organization_for(request.user, org_id)
    period = services.parse_period(request.GET.get("periode")) or services.default_period(organization)
    result = services.financial_statements(organization, period)
    if fmt == "pdf":
        return statements_pdf(result)
    if fmt == "xlsx":
        return statements_xlsx(result)
    context = org_context(request.user, organization, "statements")
    context.update(
        statements=result,
        choices=services.period_choices(organization),
        close_lines=close_lines(result),
        closing=services.closing_state(organization) if context["can_record"] else None,
    )
    return render(request, "treasury/statements.html", context)


@route(RECORD, post=RECORD, target=treasury_by_org_id)
def month_close(request, org_id):
    organization = organization_for(request.user, org_id, need="record")
    state = services.closing_state(organization)
    form = MonthCloseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        # The month shown on the form, so a close made meanwhile by another bookkeeper is not skipped over.
        shown = services.parse_period(request.POST.get("month"))
        try:
            close = services.close_month(
                organization,
                month=shown.start if shown else None,
                counted_cash=data["counted_cash"],
                explanation=data["explanation"],
                key=data["idempotency_key"],
                acting_user=request.user,
            )
        except ValidationError as exc:
            add_service_errors(form, exc, field_for=lambda key: None if key == "month" else key)
        else:
            messages.success(request, _("Buku %(month)s ditutup.") % {"month": month_year(close.month)})
            url = reverse("treasury:statements", args=[organization.pk])
            return redirect(f"{url}?periode={month_period(close.month).code}")
    context = org_context(request.user, organization, "close")
    context.update(
        form=form,
        state=state,
        month_code=month_period(state.month).code,
        closes=closes_of(organization)[:12],
    )
    return render(request, "treasury/month_close.html", context)
