"""No page shows a date as ISO text (2022-03-18): every GET page and PDF, walked as a city officer and a cadre.

The URLs and their sample records come from the every-URL access test's enumeration. Visible text means the text a
reader sees: tags' attributes, form inputs' values, scripts and styles are left out (a date input carries ISO on the
wire, which is correct). Spreadsheets and CSV keep real dates in their cells and are not scanned.
"""

import io
import re
from html.parser import HTMLParser

import pytest
from django.test import Client

from gotong.accounts.models import User
from gotong.core.tests.urlwalk import concrete, url_for, walk

ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
HIDDEN = {"script", "style", "textarea", "template", "noscript"}


class _VisibleText(HTMLParser):
    def __init__(self):
        super().__init__()
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in HIDDEN:
            self.depth += 1

    def handle_endtag(self, tag):
        if tag in HIDDEN and self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if not self.depth:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _VisibleText()
    parser.feed(html)
    return " ".join(parser.parts)


def pdf_text(content: bytes) -> str:
    from pypdf import PdfReader

    return " ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(content)).pages)


def iso_dates_shown(response) -> list[str]:
    kind = response.get("Content-Type", "")
    if "text/html" in kind:
        text = visible_text(response.content.decode())
    elif "application/pdf" in kind:
        text = pdf_text(response.content)
    else:
        return []
    found = []
    for match in ISO_DATE.finditer(text):
        found.append(" ".join(text[max(0, match.start() - 60) : match.end() + 20].split()))
    return found


def scan(username: str) -> tuple[int, list[str]]:
    superuser = User.objects.get(username="admin")
    client = Client(raise_request_exception=False)
    client.force_login(User.objects.get(username=username))
    pages, failures = 0, []
    for route in walk():
        if route.rule is None or route.viewset is not None or route.api_view or route.openrosa:
            continue  # APIs answer JSON for machines: ISO dates are their contract
        if route.route.startswith(("admin/", "api/")) or route.rule.get is None:
            continue
        for kwargs in concrete(route, superuser, None) or []:
            url = url_for(route, kwargs)
            if url is None:
                continue
            response = client.get(url)
            if response.status_code != 200:
                continue
            pages += 1
            failures.extend(f"{url}: …{shown}…" for shown in iso_dates_shown(response))
    return pages, failures


@pytest.mark.django_db
@pytest.mark.usefixtures("demo_world")
@pytest.mark.parametrize("username", ["kota", "kader"])
def test_no_page_shows_an_iso_date(username):
    pages, failures = scan(username)
    assert pages > 20
    assert not failures, f"{len(failures)} ISO dates shown as {username}:\n" + "\n".join(failures[:80])
