"""Form list, form download, manifest and media as ODK Collect requests them, scoped to the phone's user."""

import csv
import hashlib
import io
from xml.etree import ElementTree

from gotong.odk import catalog
from gotong.odk.tests.conftest import OPENROSA, basic, key_url

LIST = "{http://openrosa.org/xforms/xformsList}"
MANIFEST = "{http://openrosa.org/xforms/xformsManifest}"


def _forms(response) -> dict[str, ElementTree.Element]:
    root = ElementTree.fromstring(response.content)
    return {x.findtext(f"{LIST}formID"): x for x in root.findall(f"{LIST}xform")}


def _assert_openrosa(response):
    assert response["X-OpenRosa-Version"] == "1.0"
    assert int(response["X-OpenRosa-Accept-Content-Length"]) > 0
    assert response["Date"]


def test_a_cadre_lists_only_the_posyandu_forms_with_version_hash_and_urls(client, cadre):
    response = client.get(key_url(cadre, "formList"), **OPENROSA)
    assert response.status_code == 200
    _assert_openrosa(response)
    forms = _forms(response)
    assert list(forms) == ["gotong_penimbangan", "gotong_imunisasi"]
    entry, built = forms["gotong_penimbangan"], catalog.build("gotong_penimbangan")
    assert entry.findtext(f"{LIST}version") == built.version
    assert entry.findtext(f"{LIST}hash") == f"md5:{built.md5}"
    download = client.get(entry.findtext(f"{LIST}downloadUrl"))
    assert download.status_code == 200
    assert hashlib.md5(download.content).hexdigest() == built.md5
    assert entry.findtext(f"{LIST}manifestUrl").endswith("/forms/gotong_penimbangan/manifest")


def test_waste_bank_staff_list_only_the_deposit_form(client, staff):
    assert list(_forms(client.get(key_url(staff, "formList")))) == ["gotong_setoran_sampah"]


def test_someone_who_records_nothing_gets_an_empty_list_and_no_form(client, other_facilitator, partner, child):
    # Rina may weigh in her own area's posyandu (there are none yet): no form listed, the form itself but no child.
    assert _forms(client.get(key_url(other_facilitator, "formList"))) == {}
    assert client.get(key_url(other_facilitator, "forms/gotong_penimbangan/form.xml")).status_code == 200
    files = _manifest_files(client, other_facilitator, "gotong_penimbangan")
    assert _csv(client.get(files["anak.csv"][1]).content) == []
    # A partner records nothing anywhere: the form's URLs are refused, in OpenRosa's words.
    assert _forms(client.get(key_url(partner, "formList"))) == {}
    for path in ("form.xml", "manifest", "media/anak.csv"):
        refused = client.get(key_url(partner, f"forms/gotong_penimbangan/{path}"))
        assert refused.status_code == 403
        _assert_openrosa(refused)
    assert client.get(key_url(partner, "forms/gotong_penimbangan/media/rahasia.csv")).status_code == 404


def _manifest_files(client, user, form_id) -> dict[str, tuple[str, str]]:
    response = client.get(key_url(user, f"forms/{form_id}/manifest"))
    assert response.status_code == 200
    _assert_openrosa(response)
    root = ElementTree.fromstring(response.content)
    return {
        m.findtext(f"{MANIFEST}filename"): (m.findtext(f"{MANIFEST}hash"), m.findtext(f"{MANIFEST}downloadUrl"))
        for m in root.findall(f"{MANIFEST}mediaFile")
    }


def _csv(content: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(content.decode())))


def test_manifest_hashes_match_the_media_the_cadre_downloads(client, cadre, child, other_posyandu, family):
    files = _manifest_files(client, cadre, "gotong_penimbangan")
    assert list(files) == ["anak.csv"]
    md5, url = files["anak.csv"]
    media = client.get(url)
    assert media.status_code == 200
    assert f"md5:{hashlib.md5(media.content).hexdigest()}" == md5
    rows = _csv(media.content)
    assert [(r["name"], r["label"].split(" (")[0]) for r in rows] == [(str(child.public_id), "Rizky Hasan")]


def test_another_posyandus_cadre_gets_none_of_kenangas_children(client, other_cadre, child):
    files = _manifest_files(client, other_cadre, "gotong_penimbangan")
    assert _csv(client.get(files["anak.csv"][1]).content) == []


def test_deposit_media_list_the_banks_members_and_categories(client, staff, member, categories):
    files = _manifest_files(client, staff, "gotong_setoran_sampah")
    members = _csv(client.get(files["anggota.csv"][1]).content)
    assert [(r["name"], r["label"], r["bank"]) for r in members] == [
        (str(member.public_id), f"{member.number} Halimah", str(member.bank_id))
    ]
    kinds = _csv(client.get(files["jenis.csv"][1]).content)
    assert {r["label"] for r in kinds} == {"Botol PET", "Kardus", "Besi"}


def test_media_hash_changes_when_the_list_changes(client, staff, member, categories):
    from gotong.registry.tests.factories import PersonFactory
    from gotong.wastebank import services
    from gotong.wastebank.tests.conftest import JAN

    before = _manifest_files(client, staff, "gotong_setoran_sampah")
    services.register_member(member.bank, person=PersonFactory(name="Darmawan"), joined_on=JAN, acting_user=staff)
    after = _manifest_files(client, staff, "gotong_setoran_sampah")
    assert after["anggota.csv"][0] != before["anggota.csv"][0]
    assert after["jenis.csv"][0] == before["jenis.csv"][0]


def test_a_bad_token_is_refused_with_401(client, cadre):
    for path in ("formList", "forms/gotong_penimbangan/manifest", "submission"):
        response = client.get(f"/odk/key/not-a-token/{path}", **OPENROSA)
        assert response.status_code == 401
        _assert_openrosa(response)
        assert "Token" in response.content.decode()


def test_basic_auth_works_and_asks_for_credentials_when_missing(client, cadre):
    missing = client.get("/odk/formList", **OPENROSA)
    assert missing.status_code == 401
    assert missing["WWW-Authenticate"].startswith("Basic")
    assert client.get("/odk/formList", **basic("kader", "salah")).status_code == 401
    response = client.get("/odk/formList", **basic("kader"))
    assert list(_forms(response)) == ["gotong_penimbangan", "gotong_imunisasi"]
    # URLs in the list lead back to the Basic endpoints, not to a token.
    assert "/key/" not in response.content.decode()


def test_a_browser_session_alone_does_not_open_the_endpoints(client, cadre):
    client.force_login(cadre)
    assert client.get("/odk/formList").status_code == 401


def test_head_submission_answers_204_with_the_size_limit(client, cadre):
    response = client.head(key_url(cadre, "submission"), **OPENROSA)
    assert response.status_code == 204
    _assert_openrosa(response)


def test_guessing_basic_passwords_is_throttled_like_the_login_page(client, cadre, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.get("/odk/formList", REMOTE_ADDR="10.0.0.9", **basic("kader", "salah"))
    response = client.get("/odk/formList", REMOTE_ADDR="10.0.0.9", **basic("kader"))
    assert response.status_code == 429  # django-axes answers, even with the right password
    assert b"gotong_penimbangan" not in response.content


def test_every_odk_url_declares_its_rule_devices_use_or_the_forms_record_capability():
    from django.urls import URLResolver, get_resolver

    from gotong.core.policy.routes import rule_of

    def patterns(resolver):
        for entry in resolver.url_patterns:
            yield from patterns(entry) if isinstance(entry, URLResolver) else [entry]

    per_form = {"form-xml", "manifest", "media"}
    wanted = sorted(form.capability for form in catalog.FORMS.values())
    found: dict[str, list[str]] = {}
    for pattern in patterns(get_resolver().namespace_dict["odk"][1]):
        found.setdefault(pattern.name, []).append(rule_of(pattern.callback).get)
    for name, capabilities in found.items():
        if name.removeprefix("key-") in per_form:
            assert sorted(capabilities) == wanted, name
        else:
            assert capabilities == ["devices.use"], name


def test_a_forms_own_urls_ask_for_credentials_like_collect_expects(client, cadre):
    for path in ("forms/gotong_penimbangan/form.xml", "forms/gotong_penimbangan/manifest", "submission"):
        missing = client.get(f"/odk/{path}", **OPENROSA)
        assert missing.status_code == 401
        assert missing["WWW-Authenticate"].startswith("Basic")
        _assert_openrosa(missing)
        assert client.get(f"/odk/key/{'0' * 40}/{path}", **OPENROSA).status_code == 401
    assert client.get("/odk/forms/gotong_penimbangan/manifest", **basic("kader")).status_code == 200
    # Another form's URLs ask for that form's capability: a cadre records no deposits anywhere.
    refused = client.get("/odk/forms/gotong_setoran_sampah/manifest", **basic("kader"))
    assert refused.status_code == 403
    _assert_openrosa(refused)
