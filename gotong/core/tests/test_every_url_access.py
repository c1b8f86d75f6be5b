"""Every URL × every demo persona × GET and POST, each expected outcome derived from the access policy.

The URL configuration is walked pattern by pattern (pages, PDFs, exports, API viewsets, field, ODK, Django's own).
A pattern's rule comes from its view (`@route`, a viewset's `access_rule`) or `FRAMEWORK_ROUTES`; a pattern without
one fails. URL keywords are filled with demo records from the rule's target (`samples()`: one record per city, so
each persona meets records inside and outside its scope). For each persona the policy decides (`decide`): allowed
→ the page answers (no 403/404/500, no login redirect); hidden → 404; forbidden → 403 (a login redirect when
anonymous); a method the rule does not accept → 405. A refused POST must leave no audit entry behind.
"""

import base64
import os

import pytest
from auditlog.models import LogEntry
from django.db import transaction
from django.test import Client

from gotong.accounts.models import User
from gotong.core.demo.users import DEMO_PASSWORD, DEMO_USERS
from gotong.core.policy.decide import Decision, decide, may_somewhere
from gotong.core.tests.urlwalk import FIXED_KWARGS, Route, concrete, url_for, walk

# Every demo login (the demo declares them once), and a caller with none.
PERSONAS = ("anonymous", *(user.username for user in DEMO_USERS))
METHODS = ("GET", "POST")
ALLOWED = {200, 201, 202, 204, 301, 302, 303, 400, 409}
LOGIN_PATH = "/akun/masuk/"


def expected(route: Route, user, method: str, kwargs: dict) -> set[int] | str:
    """The statuses the policy allows for this call ('login' for a redirect to a login page)."""
    rule = route.rule
    anonymous = not user.is_authenticated
    capability = rule.capability_for(method)
    if route.viewset is not None:
        return _expected_api(route, user, method, kwargs, capability)
    if route.name is None and route.keywords == ("rest",):
        return {404}  # the API's catch-all: every address it gets names nothing
    if route.name and route.name.startswith("admin:") and route.name != "admin:login":
        if not (user.is_authenticated and user.is_staff and user.is_superuser):
            return "admin-login"  # Django's admin sends everyone else to its own login page
        if route.name not in LOGOUTS:
            # Inside, Django's admin decides per page (a read-only log answers 403 to "add", a "done" page 405).
            return ALLOWED | {403, 405}
    if route.openrosa and capability is None:
        return {405}  # Collect's endpoints refuse a method they never take before asking who calls
    if anonymous and not rule.public:
        return {401} if (route.api_view or route.openrosa) else "login"
    if capability is None:
        return {405}
    call_kwargs = {**route.pattern.default_args, **kwargs}
    decision = decide(user, capability, rule.load_target(call_kwargs))
    if decision is Decision.ALLOW:
        return ALLOWED
    if decision is Decision.HIDE:
        return {404}
    return ({401} if route.api_view else "login") if anonymous else {403}


def _expected_api(route: Route, user, method: str, kwargs: dict, capability: str | None) -> set[int]:
    if not user.is_authenticated:
        return {401}
    if method.lower() not in route.actions or capability is None:
        return {405}
    if not may_somewhere(user, capability):
        return {403}
    lookup = set(kwargs) - set(FIXED_KWARGS)
    if not lookup:
        return {200, 201, 400}
    viewset = route.viewset()
    model = viewset.scoped_queryset(User.objects.filter(is_superuser=True).first()).model
    record = model._default_manager.get(
        **{viewset.lookup_field: kwargs[viewset.lookup_url_kwarg or viewset.lookup_field]}
    )
    decision = decide(user, capability, record)
    if decision is Decision.HIDE:
        return {404}
    return {200, 400} if decision is Decision.ALLOW else {403}


LOGOUTS = {"logout", "admin:logout"}


def _outcome_matches(response, want, route: Route) -> bool:
    location = response.get("Location", "")
    if route.name in LOGOUTS and want not in ("login", "admin-login") and want != {405}:
        return response.status_code in (200, 302, 405)  # logging out answers with a redirect to a login page
    if want == "login":
        return response.status_code == 302 and location.startswith(LOGIN_PATH)
    if want == "admin-login":
        # (its logout page sends non-staff to the admin's index, which asks them to log in)
        return response.status_code == 302 and ("/admin/login/" in location or location == "/admin/")
    if response.status_code in (302, 303) and (location.startswith(LOGIN_PATH) or "/admin/login/" in location):
        return False
    return response.status_code in want


def _token_for(user) -> str | None:
    if not user.is_authenticated:
        return None
    from gotong.api import tokens

    return tokens.issue_token(user)


def _call(client: Client, method: str, url: str, **headers):
    if method == "GET":
        return client.get(url, **headers)
    return client.post(url, {}, **headers)


def probe(persona: str, only=None) -> tuple[int, list[str]]:
    """Call every URL (those `only(route)` accepts, when given) as the persona; the calls made and the failures."""
    from django.contrib.auth.models import AnonymousUser

    superuser = User.objects.get(username="admin")
    user = AnonymousUser() if persona == "anonymous" else User.objects.get(username=persona)
    if user.is_authenticated:
        # The suite's fast hasher cannot read the demo's Argon2 hash: set the demo password again with it (before
        # logging in: a new password ends the sessions made with the old one).
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    client = Client(raise_request_exception=False)
    if user.is_authenticated:
        client.force_login(user)
    token = _token_for(user)
    # ODK Collect keeps no session: its URLs are called by a client of their own, with the persona's password.
    collect = Client(raise_request_exception=False)
    basic = {}
    if user.is_authenticated:
        credentials = base64.b64encode(f"{user.username}:{DEMO_PASSWORD}".encode()).decode()
        basic = {"HTTP_AUTHORIZATION": f"Basic {credentials}"}
    checked, failures = 0, []
    for route in walk():
        if only is not None and not only(route):
            continue
        if route.rule is None:
            failures.append(f"{route.label} ({route.route}): no access rule declared")
            continue
        if route.route.startswith("admin/") and route.keywords:
            continue  # the admin's per-object pages: Django's own staff check, same as its index (probed)
        examples = concrete(route, superuser, token)
        if examples is None:
            failures.append(f"{route.label} ({route.route}): no record to fill {route.keywords}")
            continue
        for kwargs in examples:
            url = url_for(route, kwargs)
            if url is None:
                failures.append(f"{route.label} ({route.route}): cannot build a URL from {kwargs}")
                continue
            for method in METHODS:
                try:
                    want = expected(route, user, method, kwargs)
                except Exception as error:  # noqa: BLE001 — reported as a failure of this route, the probe goes on
                    failures.append(f"{route.label}: the policy cannot decide ({error!r})")
                    continue
                with transaction.atomic():
                    audit_before = LogEntry.objects.count()
                    if route.openrosa:
                        headers = {} if "token" in kwargs else basic
                        response = _call(collect, method, url, **headers)
                    else:
                        response = _call(client, method, url)
                    refused = want in ("login", "admin-login") or (
                        isinstance(want, set) and want <= {401, 403, 404, 405}
                    )
                    wrote = refused and LogEntry.objects.count() != audit_before
                    transaction.set_rollback(True)
                checked += 1
                if route.name in LOGOUTS and user.is_authenticated:
                    client.force_login(user)  # the probe logged the persona out: log back in for the next URL
                if not _outcome_matches(response, want, route):
                    failures.append(
                        f"{persona} {method} {url} [{route.label}]: {response.status_code}, policy says {want}"
                    )
                elif wrote:
                    failures.append(f"{persona} {method} {url} [{route.label}]: refused but wrote an audit entry")
    return checked, failures


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
def test_every_url_answers_as_the_policy_decides(demo_world, persona):
    checked, failures = probe(persona)
    report = os.environ.get("GOTONG_ACCESS_REPORT")
    if report:  # the whole list, for whoever is fixing a route
        with open(f"{report}.{persona}.txt", "w", encoding="utf-8") as out:
            out.write("\n".join(failures))
    assert checked > 300
    assert not failures, f"{len(failures)} of {checked} calls disagree with the policy:\n" + "\n".join(failures[:80])


@pytest.mark.django_db
def test_email_reset_urls_answer_as_the_policy_decides_when_mail_is_configured(demo_world, settings):
    """Without EMAIL_HOST these URLs do not exist (and so escape the test above): build them as a mail server does."""
    from gotong.accounts.testing import urls_with_mail

    def reset_by_mail(route) -> bool:
        return (route.name or "").startswith("password-reset")

    with urls_with_mail(settings):
        results = [probe(persona, only=reset_by_mail) for persona in PERSONAS]
    assert all(checked == 8 for checked, _ in results)  # 4 pages × GET and POST
    failures = [failure for _, found in results for failure in found]
    assert not failures, "\n".join(failures)
