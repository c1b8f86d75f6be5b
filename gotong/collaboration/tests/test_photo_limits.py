"""Decompression bombs: a huge-pixel photo is refused on the page with an Indonesian message, never stored or a 500."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from gotong.collaboration.tests.test_evidence import media, png_bytes, project  # noqa: F401 — fixtures

pytestmark = pytest.mark.django_db


def bilevel_png(width, height) -> bytes:
    """A real PNG of width × height pixels that is small on disk (one bit per pixel, all black)."""
    buffer = BytesIO()
    Image.new("1", (width, height)).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.mark.parametrize(("width", "height"), [(12_000, 12_000), (20_000, 20_000)])
def test_huge_pixel_photo_is_refused_and_the_saved_one_stays(client, project, facilitator, width, height):  # noqa: F811
    url = reverse("collaboration:photo-upload", args=[project.pk])
    client.force_login(facilitator)
    ok = client.post(
        url, {"stage": "before", "taken_on": "2018-12-20", "image": SimpleUploadedFile("a.png", png_bytes())}
    )
    assert ok.status_code == 302
    content = bilevel_png(width, height)
    assert len(content) < 8 * 1024 * 1024  # under the byte limit: only the pixel count gives it away
    response = client.post(url, {"stage": "after", "taken_on": "2018-12-20", "caption": "Sudah dicor",
                                 "image": SimpleUploadedFile("bom.png", content)})  # fmt: skip
    assert response.status_code == 200
    [message] = response.context["form"].errors["image"]
    assert "terlalu besar" in message and "40 megapiksel" in message
    assert list(project.photos.values_list("stage", flat=True)) == ["before"]
