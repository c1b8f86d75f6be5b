"""Gzip for text-like answers only (gotong.core.compression), with Django's BREACH padding."""

import gzip

from django.http import HttpResponse
from django.test import RequestFactory

from gotong.core.compression import TextGZipMiddleware

BODY = b"Kerja bakti RT 002, " * 50


def answer(content_type: str, body: bytes = BODY):
    request = RequestFactory().get("/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    return TextGZipMiddleware(lambda r: HttpResponse(body, content_type=content_type))(request)


def test_pages_json_and_scripts_are_gzipped():
    for content_type in ("text/html; charset=utf-8", "application/json", "application/javascript", "text/csv"):
        response = answer(content_type)
        assert response["Content-Encoding"] == "gzip", content_type
        assert gzip.decompress(response.content) == BODY


def test_the_same_page_is_padded_differently_each_time():
    """Heal The Breach: random bytes in each gzip stream, so sizes do not leak a secret's guessed prefix."""
    sizes = {len(answer("text/html").content) for _ in range(20)}
    assert len(sizes) > 1


def test_photos_pdfs_and_spreadsheets_are_left_alone():
    for content_type in (
        "image/jpeg",
        "application/pdf",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ):
        response = answer(content_type)
        assert not response.has_header("Content-Encoding"), content_type
        assert response.content == BODY
