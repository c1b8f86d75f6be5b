"""The pickers' search URLs: a small HTML list of matches for the search box (htmx swaps it under the box).

Every logged-in account may call them (`areas.view` is everyone's); what they list is the signed source's list for
the caller, which the policy scopes (`reached_by` / `visible_to`): outside it nothing is found.
"""

from django.core import signing
from django.http import HttpResponseBadRequest
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from gotong.core.pickers import search
from gotong.core.pickers.fields import KINDS, SEARCH_SUFFIX, search_ready, searchable
from gotong.core.pickers.sources import HOUSEHOLD, ORGANIZATION, PERSON, USER, unsign
from gotong.core.policy.routes import route


def _results(request, kind: str):
    try:
        source, arguments = unsign(request.GET.get("untuk", ""))
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return HttpResponseBadRequest(_("Daftar pilihan tidak dikenal."))
    if source.kind != kind:
        return HttpResponseBadRequest(_("Daftar pilihan tidak dikenal."))
    spec = KINDS[kind]
    # htmx sends the search box under its own name (`<field>__cari`); `q` for anyone calling the URL by hand.
    name = request.GET.get("nama", "")
    text = request.GET.get("q") or request.GET.get(f"{name}{SEARCH_SUFFIX}", "")
    queryset = source.queryset(request.user, **arguments)
    rows = list(search_ready(spec["search"](queryset, text), kind)[: search.LIMIT + 1])
    context = {
        "choices": [spec["describe"](row) for row in rows[: search.LIMIT]],
        "more": len(rows) > search.LIMIT,
        "text": text.strip(),
        "searchable": searchable(kind, text),
    }
    return render(request, "core/pickers/results.html", context)


@route("areas.view")
@never_cache
def persons(request):
    return _results(request, PERSON)


@route("areas.view")
@never_cache
def households(request):
    return _results(request, HOUSEHOLD)


@route("areas.view")
@never_cache
def users(request):
    return _results(request, USER)


@route("areas.view")
@never_cache
def organizations(request):
    return _results(request, ORGANIZATION)
