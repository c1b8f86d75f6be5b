"""The pregnant-women URLs (pages and API) for every demo persona, as the access policy decides, and their forms
sent back with errors linked to their fields — the site-wide walks narrowed to this feature's routes."""

import pytest
from django.db import transaction
from django.test import Client

from gotong.accounts.models import User
from gotong.core.tests.test_accessible_forms import problems_on
from gotong.core.tests.test_every_url_access import ALLOWED, PERSONAS, expected, probe
from gotong.core.tests.urlwalk import concrete, url_for, walk


def ours(route) -> bool:
    return "pregnancy" in (route.name or "") or "ibu-hamil" in route.route or "anc" in (route.name or "")


@pytest.mark.django_db
def test_pregnancy_urls_answer_as_the_policy_decides(demo_world):
    failures, checked = [], 0
    for persona in PERSONAS:
        count, wrong = probe(persona, only=ours)
        checked += count
        failures += wrong
    assert checked > 50
    assert not failures, "\n".join(failures[:40])


@pytest.mark.django_db
def test_pregnancy_forms_link_errors_to_fields(demo_world):
    superuser = User.objects.get(username="admin")
    cadre = User.objects.get(username="kader")
    client = Client(raise_request_exception=False)
    client.force_login(cadre)
    found, problems = set(), []
    for route in walk():
        if not ours(route) or route.viewset is not None or route.rule.capability_for("POST") is None:
            continue
        for kwargs in concrete(route, superuser, None) or []:
            url = url_for(route, kwargs)
            if not url or expected(route, cadre, "POST", kwargs) != ALLOWED:
                continue
            with transaction.atomic():
                response = client.post(url, {"probe": "1"})
                transaction.set_rollback(True)
            invalid, wrong = problems_on(response.content.decode(), f"POST {url}")
            problems += wrong
            if invalid:
                found.add(route.name)
            break
    assert found >= {"posyandu:pregnancy-create", "posyandu:pregnancy-visit", "posyandu:pregnancy-birth"}, found
    assert not problems, "\n".join(problems)
