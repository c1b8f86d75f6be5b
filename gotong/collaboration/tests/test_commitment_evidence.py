"""Evidence files of commitments: photos or PDFs uploaded by whoever may record the commitment's progress, checked
like project photos, shown on the agreement page and served only to those who may see the commitment."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from gotong.collaboration.models import CommitmentEvidence
from gotong.collaboration.services import evidence as services

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def jpeg_with_gps() -> bytes:
    exif = Image.Exif()
    exif[0x8825] = {2: (0.9, 55.0, 12.0)}  # GPSInfo: the family's home
    buffer = BytesIO()
    Image.new("RGB", (10, 8), "red").save(buffer, format="JPEG", exif=exif)
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def upload(client, commitment, name, content, caption=""):
    url = reverse("collaboration:commitment-evidence-upload", args=[commitment.pk])
    return client.post(url, {"file": SimpleUploadedFile(name, content), "caption": caption}, follow=True)


def test_a_facilitator_uploads_a_photo_and_a_pdf_shown_on_the_agreement_page(client, commitment, facilitator, media):
    client.force_login(facilitator)
    page = client.get(reverse("collaboration:agreement-detail", args=[commitment.agreement_id])).content.decode()
    assert reverse("collaboration:commitment-evidence-upload", args=[commitment.pk]) in page

    response = upload(client, commitment, "Foto Bu Aminah.jpg", jpeg_with_gps(), caption="Jalan sudah dicor")
    assert "Berkas bukti tersimpan." in response.content.decode()
    response = upload(client, commitment, "SK Lurah.pdf", PDF, caption="Berita acara")
    photo, pdf = CommitmentEvidence.objects.order_by("pk")
    assert "Aminah" not in photo.file.name and photo.file.name.endswith(".jpg") and pdf.file.name.endswith(".pdf")

    page = response.content.decode()
    photo_url = reverse("collaboration:commitment-evidence-file", args=[photo.pk])
    pdf_url = reverse("collaboration:commitment-evidence-file", args=[pdf.pk])
    assert photo_url in page and pdf_url in page and "Berita acara" in page and "/media/" not in page

    served = client.get(photo_url)
    assert served.status_code == 200 and served["Content-Type"] == "image/jpeg"
    image = Image.open(BytesIO(b"".join(served.streaming_content)))
    assert 0x8825 not in image.getexif()  # the GPS tag is gone
    served = client.get(pdf_url)
    assert served["Content-Type"] == "application/pdf" and served["Content-Disposition"].startswith("attachment")
    assert b"".join(served.streaming_content) == PDF


def test_evidence_is_served_to_those_who_see_the_commitment_only(
    client, commitment, facilitator, city_officer, other_facilitator, partner
):
    evidence = services.add_commitment_evidence(
        commitment, file=SimpleUploadedFile("x.pdf", PDF), acting_user=facilitator
    )
    url = reverse("collaboration:commitment-evidence-file", args=[evidence.pk])
    client.force_login(city_officer)
    assert client.get(url).status_code == 200
    for outsider in (other_facilitator, partner):
        client.force_login(outsider)
        assert client.get(url).status_code == 404
    upload_url = reverse("collaboration:commitment-evidence-upload", args=[commitment.pk])
    assert client.post(upload_url, {"file": SimpleUploadedFile("x.pdf", PDF)}).status_code in (403, 404)
    client.logout()
    assert client.get(url).status_code == 302


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("catatan.txt", b"bukan foto", "Berkas bukti harus foto (JPEG, PNG, WebP) atau PDF."),
        ("rusak.pdf", b"%PDF-1.4\n1 0 obj", "Berkas PDF ini rusak atau tidak lengkap."),
        ("besar.pdf", b"%PDF-1.4\n" + b"0" * (8 * 1024 * 1024) + b"\n%%EOF", "Berkas terlalu besar (8,0 MB)"),
    ],
)
def test_an_invalid_or_oversize_file_is_refused_in_indonesian(client, commitment, facilitator, name, content, message):
    client.force_login(facilitator)
    response = upload(client, commitment, name, content, caption="Keterangan tetap")
    html = response.content.decode()
    assert message in html
    assert 'value="Keterangan tetap"' in html  # what was typed stays
    assert not CommitmentEvidence.objects.exists()


def test_a_photo_over_the_pixel_limit_is_refused_like_a_project_photo(commitment, facilitator, monkeypatch):
    monkeypatch.setattr(services, "MAX_PHOTO_PIXELS", 50)
    buffer = BytesIO()
    Image.new("RGB", (10, 8), "red").save(buffer, format="PNG")
    with pytest.raises(Exception, match="megapiksel"):
        services.add_commitment_evidence(
            commitment, file=SimpleUploadedFile("a.png", buffer.getvalue()), acting_user=facilitator
        )
