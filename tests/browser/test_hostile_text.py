"""Stored XSS: free text typed by one user is shown as text on every page that shows it, never run as HTML.

Every free-text field of every Gotong model (derived from `apps.get_models()`, so a new field is covered without
touching this file) holds a payload on every demo record. Then every page of the site (the access test's URL walk,
filled with demo records) is opened as a city officer, a cadre and anonymously, plus the slum map's popups and
tooltips, the dashboards' map, htmx fragments and the offline field app after its sync. A payload is found if any
page parses it as HTML: an element carrying its handler attribute in the DOM (CSP or not), or the handler running
(the browser context bypasses the CSP, so an escape that only the CSP was hiding shows up). The failure names the
model.field and the page.
"""

import re

import pytest
from django.apps import apps
from django.core.validators import MaxLengthValidator, ProhibitNullCharactersValidator
from django.db import IntegrityError, models, transaction
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from gotong.accounts.models import User
from gotong.core.demo import MIN_HOUSEHOLDS, load_demo
from gotong.core.fields import AreaCodeField
from gotong.core.tests.urlwalk import concrete, url_for, walk
from tests.browser.conftest import log_in
from tests.browser.service_worker import wait_for_service_worker

PASSWORD = "rahasia-123"
# Fields that hold text but are no one's free text: a hash, numbers with a fixed format, machine keys and
# vocabularies the code reads back (setting them to markup would test a broken record, not a rendering sink).
NOT_FREE_TEXT = {
    "accounts.User.password",
    "registry.Person.nik",
    "registry.Household.family_card_number",
    "areas.Area.kind",
    "areas.Area.postal_code",
    "ledger.Transaction.kind",
    "slums.SlumLocation.boundary_geojson",
}
# Calls `__x(n)` if run; also found in the DOM by its handler attribute when the CSP stops it from running.
LONG = '<img src=x onerror=__x({n})>"><svg/onload=__x({n})>'
SHORT = "<svg/onload=__x({n})>"
FOUND = """() => [...new Set([...(window.__xss || []),
    ...[...document.querySelectorAll('[onerror^="__x("], [onload^="__x("]')].map((e) =>
        Number((e.getAttribute("onerror") || e.getAttribute("onload")).slice(4, -1)))])]"""
HOOK = "window.__x = (n) => { window.__xss = (window.__xss || []).concat([n]); };"


def free_text_fields():
    """(label, model, field) of every CharField/TextField a person types freely."""
    for model in apps.get_models():
        if not model._meta.app_config.name.startswith("gotong.") or model._meta.proxy:
            continue
        for field in model._meta.concrete_fields:
            label = f"{model._meta.label}.{field.name}"
            if not isinstance(field, models.CharField | models.TextField) or label in NOT_FREE_TEXT:
                continue
            if isinstance(field, models.EmailField | models.URLField | models.SlugField | AreaCodeField):
                continue
            if field.choices or field.primary_key or not field.editable:
                continue
            if field.name == "code" or field.name.endswith(("_code", "_key")):
                continue  # identifiers other records or the code look up
            if any(not isinstance(v, MaxLengthValidator | ProhibitNullCharactersValidator) for v in field.validators):
                continue  # its own format is checked (numbers, codes)
            yield label, model, field


def store_payloads() -> dict[int, str]:
    """Write a payload into every free-text field of every record; the payload number → model.field."""
    labels = {}
    for n, (label, model, field) in enumerate(free_text_fields(), start=1):
        for template in (LONG, SHORT):
            value = template.format(n=n)
            if field.max_length is None or len(value) + 8 <= field.max_length:  # room for a record's number
                break
        else:
            continue  # too short to hold markup at all
        rows = model._base_manager.all()
        try:
            with transaction.atomic():
                rows.update(**{field.name: value})
        except IntegrityError:  # unique (alone or with other fields): each record its own value
            for pk in rows.values_list("pk", flat=True):
                rows.filter(pk=pk).update(**{field.name: f"{value}{pk}"})
        labels[n] = label
    return labels


def page_urls(persona: str) -> list[str]:
    """Every HTML page the site has, filled with demo records (API, ODK, admin and logout left out)."""
    superuser = User.objects.get(username="admin")
    urls = []
    for route in walk():
        name = route.name or ""
        if route.viewset or route.api_view or route.openrosa or route.rule is None or not route.name:
            continue
        if name.startswith("admin:") or name == "logout" or route.rule.capability_for("GET") is None:
            continue
        if persona == "anonymous" and not route.rule.public:
            continue
        for kwargs in concrete(route, superuser, None) or []:
            url = url_for(route, kwargs)
            if url:
                urls.append(url)
    return urls


def sweep(page, base: str, urls, labels, persona: str, found: list[str]) -> int:
    opened = 0
    for url in urls:
        try:
            response = page.goto(base + url, wait_until="domcontentloaded")
        except PlaywrightError:
            continue  # a download (export, PDF): no page to render
        if response is None or "text/html" not in response.headers.get("content-type", ""):
            continue
        opened += 1
        if response.status >= 500:
            found.append(f"{persona} {url}: {response.status}")
        report(page, labels, f"{persona} {url}", found)
    return opened


def report(page, labels, where: str, found: list[str]) -> None:
    for n in page.evaluate(FOUND):
        found.append(f"{labels.get(n, n)} on {where}")
    page.evaluate("() => { window.__xss = undefined; }")


def hostile_context(browser, persona, base, width=1280):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="id-ID", bypass_csp=True)
    context.add_init_script(HOOK)
    # No tiles from the internet: the map's layers are what is under test (local requests are not intercepted).
    context.route(re.compile(r"^https?://(?!localhost|127\.0\.0\.1)"), lambda r: r.abort())
    page = context.new_page()
    page.set_default_timeout(60_000)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(f"{persona}: dialog {dialog.message!r}"), dialog.dismiss()))
    return context, page, dialogs


def open_map_layers(page, labels, where, found):
    """Hover and click every slum layer: tooltips and popups are the Leaflet sinks."""
    page.wait_for_selector("[data-loaded]")
    markers = page.locator("path.slum-marker, path.leaflet-interactive")
    for n in range(markers.count()):
        markers.nth(n).hover(force=True)
        markers.nth(n).click(force=True)
        report(page, labels, where, found)
    expect(page.locator(".leaflet-popup-content, .leaflet-tooltip").first).to_be_attached()


@pytest.mark.django_db(transaction=True)
def test_no_free_text_field_runs_as_html_on_any_page(browser, live_server):
    load_demo(MIN_HOUSEHOLDS)
    for username in ("kota", "kader"):
        user = User.objects.get(username=username)
        user.set_password(PASSWORD)
        user.save(update_fields=["password"])
    labels = store_payloads()
    assert {"posyandu.Session.place", "registry.Person.name", "slums.SlumLocation.name"} <= set(labels.values())

    found, opened, base = [], 0, live_server.url
    for persona in ("kota", "kader", "anonymous"):
        context, page, dialogs = hostile_context(browser, persona, base)
        if persona != "anonymous":
            log_in(page, live_server, persona, PASSWORD)
        opened += sweep(page, base, page_urls(persona), labels, persona, found)
        if persona == "kota":
            # The slum map and the city's dashboard, which draws the same layers (21.72: Tanjungpinang).
            for path in ("/kumuh/peta/", "/dasbor/21.72/"):
                page.goto(base + path)
                open_map_layers(page, labels, f"{persona} {path} (map)", found)
        found += dialogs
        context.close()

    # The field app after its sync: a posyandu child's name in the weighing form, drawn by field.js.
    context, page, dialogs = hostile_context(browser, "kader", base, width=360)
    log_in(page, live_server, "kader", PASSWORD)
    page.goto(f"{base}/lapangan/timbang/")
    wait_for_service_worker(page)
    expect(page.locator("#entry")).to_be_visible()
    expect(page.get_by_label("Balita").locator("option", has_text="<svg/onload=__x(").first).to_be_attached()
    report(page, labels, "kader /lapangan/timbang/ (field app)", found)
    found += dialogs
    context.close()

    assert opened > 100
    assert not found, f"{len(found)} payloads ran or were parsed as HTML:\n" + "\n".join(sorted(set(found)))
