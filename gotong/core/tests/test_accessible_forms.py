"""Every form sent back with errors tells a screen reader what is wrong: every id an aria-describedby names is on the
page, and every field marked aria-invalid is described by its error text.

Each routed form is posted empty by the roles that fill most forms (URLs, sample records and the policy's verdict
from the access test's URL walk), so a new form is checked as soon as it is routed.
"""

from html.parser import HTMLParser

import pytest
from django.db import transaction
from django.test import Client

from gotong.accounts.models import User
from gotong.core.tests.test_every_url_access import ALLOWED, LOGOUTS, expected
from gotong.core.tests.urlwalk import concrete, url_for, walk

PERSONAS = ("kota", "kader", "banksampah", "bendahara", "faskel")


class Described(HTMLParser):
    """The ids on a page, the texts of elements with an id, and who is described by which ids."""

    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.text: dict[str, str] = {}
        self.open: list[str | None] = []
        self.references: list[tuple[str, list[str], bool]] = []  # (element, ids, marked invalid)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
            self.text.setdefault(attrs["id"], "")
        ids = (attrs.get("aria-describedby") or "").split()
        invalid = attrs.get("aria-invalid") == "true"
        if ids or invalid:
            self.references.append((f"<{tag} name={attrs.get('name')!r} id={attrs.get('id')!r}>", ids, invalid))
        if tag not in {"input", "br", "img", "meta", "link", "hr", "col", "source", "wbr"}:
            self.open.append(attrs.get("id"))

    def handle_endtag(self, tag):
        if self.open:
            self.open.pop()

    def handle_data(self, data):
        for element_id in self.open:
            if element_id:
                self.text[element_id] += data


def problems_on(html: str, where: str) -> tuple[int, list[str]]:
    page = Described()
    page.feed(html)
    invalid_fields, problems = 0, []
    for element, ids, invalid in page.references:
        missing = [i for i in ids if i not in page.ids]
        if missing:
            problems.append(f"{where}: {element} aria-describedby names {missing}, not on the page")
        if invalid:
            invalid_fields += 1
            if not any(page.text.get(i, "").strip() for i in ids if i.endswith("_error")):
                problems.append(f"{where}: {element} is marked invalid but no error text describes it")
    return invalid_fields, problems


@pytest.mark.django_db
def test_every_form_sent_back_with_errors_links_them_to_its_fields(demo_world):  # noqa: F811
    superuser = User.objects.get(username="admin")
    invalid_fields, problems, forms = 0, [], set()
    for persona in PERSONAS:
        user = User.objects.get(username=persona)
        client = Client(raise_request_exception=False)
        client.force_login(user)
        for route in walk():
            if route.name is None or route.rule is None or route.viewset is not None or route.api_view:
                continue
            if route.name.startswith(("admin:", "odk:")) or route.name in LOGOUTS:
                continue
            if route.rule.capability_for("POST") is None:
                continue
            for kwargs in concrete(route, superuser, None) or []:
                url = url_for(route, kwargs)
                if not url or expected(route, user, "POST", kwargs) != ALLOWED:
                    continue
                with transaction.atomic():
                    # Not empty: a view reading `request.POST or None` would take an empty POST for a first visit.
                    response = client.post(url, {"probe": "1"})
                    transaction.set_rollback(True)
                if "text/html" in response.get("Content-Type", "") and response.status_code in (200, 400):
                    found, wrong = problems_on(response.content.decode(), f"{persona} POST {url} [{route.name}]")
                    invalid_fields += found
                    problems += wrong
                    if found:
                        forms.add(route.name)
                break
    assert len(forms) >= 20, sorted(forms)  # the walk did reach the forms
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:80])
