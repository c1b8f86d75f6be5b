"""The menu and the home page offer only what opens: for every demo persona, each link there answers (no 403/404).

The menu (`templates/base.html`) shows a module only when the access policy lets the user in (`may.<module>.view`;
the offline forms for whoever records in the field); ODK, the API, exports and the public portal sit in the account
menu. The home page (`gotong.core.home`) links only to what the user may open.
"""

import re

import pytest
from django.test import Client

from gotong.accounts.models import User
from gotong.core.demo.users import DEMO_USERS

# Every demo login (the demo declares them once), each with its own home and menus.
PERSONAS = tuple(user.username for user in DEMO_USERS)
HREF = re.compile(r'href="(/[^"#]*)"')
NOT_PAGES = ("/static/", "/akun/keluar/", "/i18n/")


def _links(html: str) -> list[str]:
    return sorted({href for href in HREF.findall(html) if not href.startswith(NOT_PAGES)})


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
def test_every_link_of_the_menu_and_home_page_opens(demo_world, persona):
    client = Client()
    client.force_login(User.objects.get(username=persona))
    home = client.get("/")
    assert home.status_code == 200
    failures = []
    for url in _links(home.content.decode()):
        response = client.get(url)
        location = response.get("Location", "")
        if response.status_code >= 400 or "/akun/masuk/" in location:
            failures.append(f"{url}: {response.status_code} {location}")
    assert not failures, f"{persona}: " + "; ".join(failures)


@pytest.mark.django_db
def test_the_menu_follows_the_policy(demo_world):
    def menus(username: str) -> tuple[str, str]:
        client = Client()
        client.force_login(User.objects.get(username=username))
        html = client.get("/").content.decode()
        nav = html[html.index("<nav") : html.index("</nav>")]
        account = nav.index('id="account-menu"')
        return nav[:account], nav[account:]

    (partner, partner_account), (cadre, _), (officer, _) = menus("mitra"), menus("kader"), menus("kota")
    (resident, resident_account), (bank, _) = menus("warga"), menus("banksampah")
    # A partner reads aggregates: no household list, no posyandu, no import, no field forms (it records nothing).
    assert "/registrasi/" not in partner and "/posyandu/" not in partner and "/registrasi/impor/" not in partner
    assert "/lapangan/" not in partner and "/dasbor/" in partner
    # ODK, the API and exports are in the account menu, out of the main menu, for everyone.
    for main, account in ((partner, partner_account), (resident, resident_account)):
        assert "/odk/" not in main and "/api/" not in main and "/ekspor/" not in main
        assert "/odk/" in account and "/api/" in account and "/ekspor/" in account
    assert "/posyandu/" in cadre and "/lapangan/" in cadre and "/registrasi/impor/" not in cadre
    assert "/bank-sampah/" in bank and "/lapangan/" in bank
    assert "/lapangan/" not in resident and "/kas/" in resident
    assert "/registrasi/impor/" in officer
