"""What every collaboration view shares: the capabilities its routes ask and the save-through-service pattern.

Who may open a page is the route's rule (`gotong.core.policy.routes.route`), decided by the access policy before
the view runs: 404 for a record outside the user's `collaboration.view`, 403 without `collaboration.record` there.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect

from gotong.core.forms import add_service_errors

VIEW = "collaboration.view"
RECORD = "collaboration.record"


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
