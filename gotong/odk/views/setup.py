"""`/odk/`: how to connect ODK Collect or KoboCollect to Gotong, and which forms this account can fill in."""

from django.shortcuts import render
from django.urls import reverse

from gotong.api import tokens
from gotong.core.policy.routes import route
from gotong.odk import catalog


def server_url(request, token: str | None = None) -> str:
    """What to paste into Collect's "Server URL": Collect appends /formList and /submission itself."""
    if token is None:
        return request.build_absolute_uri(reverse("odk:form-list")).removesuffix("/formList")
    return request.build_absolute_uri(reverse("odk:key-form-list", kwargs={"token": token})).removesuffix("/formList")


@route("devices.use", post="devices.use")
def setup_page(request):
    # "Buat alamat server": a new ODK token replaces the old ODK one (one locked transaction: `tokens.rotate_token`);
    # the user's other devices keep theirs.
    new_token = tokens.rotate_token(request.user, tokens.ODK_TOKEN) if request.method == "POST" else None
    context = {
        "forms": catalog.forms_for(request.user),
        "has_token": new_token is not None or tokens.has_token(request.user, tokens.ODK_TOKEN),
        "token_url": server_url(request, new_token) if new_token else None,
        "basic_url": server_url(request),
    }
    return render(request, "odk/setup.html", context)
