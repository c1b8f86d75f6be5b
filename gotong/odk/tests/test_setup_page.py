"""`/odk/` tells a logged-in user what to paste into ODK Collect and which forms they will get."""

from gotong.odk.tests.conftest import OPENROSA


def test_the_page_lists_the_users_forms_and_the_basic_server_url(client, cadre):
    client.force_login(cadre)
    page = client.get("/odk/").content.decode()
    assert "Penimbangan balita" in page
    assert "Setoran bank sampah" not in page
    assert "http://testserver/odk<" in page.replace("</code>", "<")


def test_creating_a_server_url_gives_a_token_url_that_works_in_collect(client, cadre):
    client.force_login(cadre)
    response = client.post("/odk/")
    url = response.context["token_url"]
    assert url.startswith("http://testserver/odk/key/")
    assert url in response.content.decode()
    client.logout()
    assert client.get(f"{url}/formList", **OPENROSA).status_code == 200
    # Making a new one retires the old URL.
    client.force_login(cadre)
    client.post("/odk/")
    client.logout()
    assert client.get(f"{url}/formList", **OPENROSA).status_code == 401


def test_the_page_needs_a_login(client):
    assert client.get("/odk/").status_code == 302
