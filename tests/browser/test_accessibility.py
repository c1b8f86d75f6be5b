"""axe-core (WCAG 2.0/2.1 A and AA rules) over every page type, on a phone and a desktop, as the roles that see most.

"Every page type": one URL per named URL pattern answering GET with a page, filled with a demo record the persona
may open. The URLs, their sample records and the policy's verdict come from the access test's URL walk, so a new
page is audited as soon as it is routed. A serious or critical violation fails the test with the rule, the element
and the page; minor and moderate ones are left to judgement.
"""

import os
import re

from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import AnonymousUser
from django.test import Client

from gotong.accounts.models import User
from gotong.core.demo import MIN_HOUSEHOLDS, load_demo
from gotong.core.tests.test_every_url_access import ALLOWED, LOGOUTS, expected
from gotong.core.tests.urlwalk import concrete, url_for, walk

# The city officer reaches most pages, the cadre works in the posyandu and the field app; anonymous sees the public
# portal and the login page.
PERSONAS = ("kota", "kader", "anonymous")
WIDTHS = {"phone": (360, 740), "desktop": (1280, 900)}
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
FAILING_IMPACTS = {"serious", "critical"}
# Files rather than pages: PDFs, spreadsheets, JSON, the service worker and manifest, and ODK Collect's XML; and the
# pickers' search answers (`pilih/`), fragments a form's picker asks for with a signed list name (audited in the forms).
NOT_A_PAGE = re.compile(r"\.(pdf|xlsx|json|js|webmanifest)$|\.<str:fmt>$|^odk/.+|^pilih/")


def page_urls(user) -> list[tuple[str, str]]:
    """(route name, URL) for each routed page the user may GET, filled with the first sample record they may open."""
    superuser = User.objects.get(username="admin")
    urls = []
    for route in walk():
        if route.name is None or route.rule is None or route.viewset is not None or route.api_view:
            continue
        if route.name.startswith("admin:") or route.name in LOGOUTS or NOT_A_PAGE.search(route.route):
            continue
        if route.rule.capability_for("GET") is None:
            continue
        for kwargs in concrete(route, superuser, None) or []:
            url = url_for(route, kwargs)
            if url and expected(route, user, "GET", kwargs) == ALLOWED:
                urls.append((route.name, url))
                break
    return urls


def _session_cookie(live_server, user) -> list[dict]:
    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    return [{"name": "sessionid", "value": cookie.value, "url": live_server.url}]


def _block_outside(live_server):
    def handle(route):
        if route.request.url.startswith(live_server.url):
            route.continue_()
        else:
            route.abort()  # map tiles and anything else from outside: the audit is of our pages, offline

    return handle


def _violations(page, axe: Axe, where: str) -> list[str]:
    found = []
    for violation in axe.run(page, options=AXE_OPTIONS).response["violations"]:
        if violation["impact"] in FAILING_IMPACTS:
            for node in violation["nodes"]:
                target = " ".join(str(part) for part in node["target"])
                found.append(f"{violation['id']} ({violation['impact']}) {target} — {where}")
    return found


def audit(browser, live_server, persona: str, axe: Axe) -> tuple[int, list[str]]:
    """Each page loaded once at phone width and audited, then widened to a desktop and audited again."""
    user = AnonymousUser() if persona == "anonymous" else User.objects.get(username=persona)
    context = browser.new_context(locale="id-ID")
    if user.is_authenticated:
        context.add_cookies(_session_cookie(live_server, user))
    context.route("**/*", _block_outside(live_server))
    page = context.new_page()
    page.set_default_timeout(30_000)
    audited, problems = 0, []
    try:
        for name, url in page_urls(user):
            page.set_viewport_size(dict(zip(("width", "height"), WIDTHS["phone"], strict=True)))
            try:
                response = page.goto(live_server.url + url, wait_until="load")
            except Exception as error:  # noqa: BLE001 — a download (an export's file) is not a page to audit
                if "Download is starting" in str(error):
                    continue
                raise
            if response is None or "text/html" not in response.headers.get("content-type", ""):
                continue
            audited += 1
            if response.status >= 400:
                problems.append(f"{persona} {url} [{name}]: answered {response.status}")
                continue
            for width, size in WIDTHS.items():
                if width != "phone":
                    page.set_viewport_size(dict(zip(("width", "height"), size, strict=True)))
                    page.evaluate("new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
                problems += _violations(page, axe, f"{persona} {width} {url} [{name}]")
    finally:
        context.close()
    return audited, problems


def test_every_page_type_passes_axe_for_each_role_at_both_widths(browser, live_server):
    load_demo(MIN_HOUSEHOLDS)
    axe = Axe()
    problems, audited = [], {}
    for persona in PERSONAS:
        audited[persona], found = audit(browser, live_server, persona, axe)
        problems += found
    report = os.environ.get("GOTONG_A11Y_REPORT")
    if report:  # the whole list, for whoever is fixing the pages
        with open(report, "w", encoding="utf-8") as out:
            out.write("\n".join(problems))
    assert audited["kota"] > 80 and audited["kader"] > 20 and audited["anonymous"] >= 3, audited
    assert not problems, f"{len(problems)} serious or critical accessibility problems:\n" + "\n".join(problems[:150])
