"""Small helpers every collaboration view uses: the write gate and the save-through-service pattern."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect

from gotong.collaboration.access import can_update, may_update_at_all
from gotong.collaboration.forms import add_service_errors


def require_worker(user) -> None:
    """403 for roles that never write here, checked before any lookup."""
    if not may_update_at_all(user):
        raise PermissionDenied


def require_scope(user, record) -> None:
    if not can_update(user, record):
        raise PermissionDenied


def save_or_errors(request, form, call, success_message, redirect_to):
    """Run `call()` when the form is valid; on ValidationError put messages on the form and return None."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        result = call()
    except ValidationError as exc:
        add_service_errors(form, exc)
        return None
    messages.success(request, success_message(result) if callable(success_message) else success_message)
    return redirect(*redirect_to(result)) if callable(redirect_to) else redirect(*redirect_to)
