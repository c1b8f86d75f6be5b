"""The page that registers someone at a posyandu (a child, a pregnancy), from the registry or as a new resident:
one flow, so both show the service's warnings, its errors on the form, and land on the new record's page."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from gotong.core.forms import add_service_errors


def registration_page(
    request,
    form,
    register: Callable[[dict], tuple[object, list[str]]],
    *,
    success: Callable[[object], str],
    detail: str,
    template: str,
    context: dict,
):
    """`register(cleaned_data)` returns the record and the warnings to show (e.g. "NIK belum ada")."""
    if request.method == "POST" and form.is_valid():
        try:
            record, warnings = register(form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            for warning in warnings:
                messages.warning(request, warning)
            messages.success(request, success(record))
            return redirect(detail, public_id=record.public_id)
    return render(request, template, {"form": form, **context})
