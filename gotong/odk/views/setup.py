"""`/odk/`: how to connect ODK Collect or KoboCollect to Gotong, and which forms this account can fill in."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from gotong.odk import catalog, tokens


def server_url(request, token: str | None = None) -> str:
    """What to paste into Collect's "Server URL": Collect appends /formList and /submission itself."""
    if token is None:
        return request.build_absolute_uri(reverse("odk:form-list")).removesuffix("/formList")
    return request.build_absolute_uri(reverse("odk:key-form-list", kwargs={"token": token})).removesuffix("/formList")


@login_required
@require_http_methods(["GET", "POST"])
def setup_page(request):
    new_token = tokens.issue_token(request.user) if request.method == "POST" else None
    context = {
        "forms": catalog.forms_for(request.user),
        "has_token": new_token is not None or tokens.has_token(request.user),
        "token_url": server_url(request, new_token) if new_token else None,
        "basic_url": server_url(request),
    }
    return render(request, "odk/setup.html", context)
