"""Hostile JSON bodies get a 400 in the API's error shape, never a 500: too deep, too large."""

import pytest
from django.test import override_settings
from django.urls import reverse

from gotong.api.parsers import MAX_JSON_DEPTH, JSONParser, json_depth, loads_limited

DEEP = "[" * 5000 + "]" * 5000


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["api:token", "api:field:submit"])
def test_five_thousand_deep_json_is_a_400_in_the_error_shape(client, facilitator, name):
    if name != "api:token":
        client.force_login(facilitator)
    response = client.post(reverse(name), DEEP, content_type="application/json")
    assert response.status_code == 400, response.content[:300]
    error = response.json()["error"]
    assert "terlalu bertingkat" in error["message"]


def test_depth_counts_brackets_outside_strings_only():
    assert json_depth('{"a": [1, {"b": "[[[[{{{"}]}') == 3
    assert loads_limited("[" * MAX_JSON_DEPTH + "]" * MAX_JSON_DEPTH) is not None
    with pytest.raises(Exception, match="terlalu bertingkat"):
        loads_limited("[" * (MAX_JSON_DEPTH + 1) + "]" * (MAX_JSON_DEPTH + 1))


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1024)
def test_parser_refuses_a_body_over_the_upload_limit():
    import io

    with pytest.raises(Exception, match="terlalu besar"):
        JSONParser().parse(io.BytesIO(b'["' + b"x" * 2000 + b'"]'), parser_context={"encoding": "utf-8"})
    assert JSONParser().parse(io.BytesIO(b'{"a": 1}'), parser_context={"encoding": "utf-8"}) == {"a": 1}


@pytest.mark.django_db
@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1024)
def test_form_body_over_the_limit_is_not_a_500_on_the_token_endpoint(client):
    response = client.post(reverse("api:token"), {"username": "x" * 4000, "password": "y"})
    assert response.status_code in (400, 413)
    assert "terlalu besar" in response.json()["error"]["message"]


@pytest.mark.django_db
@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1024)
def test_a_page_form_over_the_limit_is_a_400_not_a_500(client):
    response = client.post("/akun/masuk/", {"username": "x" * 4000, "password": "y"})
    assert response.status_code == 400
