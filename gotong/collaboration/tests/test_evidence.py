"""Project photos (validated, stored under MEDIA_ROOT, served only in scope) and the data-sharing register."""

import datetime
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from gotong.collaboration.models import DataSharing, ProjectPhoto
from gotong.collaboration.services import create_project
from gotong.collaboration.services import evidence as services


def png_bytes(size=(8, 6), colour="green") -> bytes:
    buffer = BytesIO()
    Image.new("RGB", size, colour).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def project(areas, city_officer):
    return create_project(name="Jalan beton RT 002 RW 006", kind="jalan_beton", area=areas["21.72.03.1005"],
                          volume=760, unit="m", year=2018, budgets={"apbn": 3_800_000_000},
                          acting_user=city_officer)  # fmt: skip


def test_photo_saved_renamed_and_served_only_in_scope(client, project, facilitator, other_facilitator, partner, media):
    upload = SimpleUploadedFile("Rumah Pak Hamzah.png", png_bytes(), content_type="image/png")
    photo = services.add_project_photo(project, image=upload, stage="before", taken_on=datetime.date(2018, 3, 1),
                                       caption="Jalan tanah", acting_user=facilitator)  # fmt: skip
    assert photo.image.name.startswith("collaboration/photos/") and photo.image.name.endswith(".png")
    assert "Hamzah" not in photo.image.name
    assert (media / photo.image.name).exists()
    url = reverse("collaboration:photo-file", args=[photo.pk])
    client.force_login(facilitator)
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    served = Image.open(BytesIO(b"".join(response.streaming_content)))
    assert served.size == (8, 6) and served.getpixel((0, 0)) == (0, 128, 0)
    html = client.get(reverse("collaboration:project-detail", args=[project.pk])).content.decode()
    assert url in html and "Jalan tanah" in html and "/media/" not in html
    client.force_login(other_facilitator)
    assert client.get(url).status_code == 404
    client.force_login(partner)
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302


def test_photo_loses_its_gps_and_camera_tags(project, facilitator, media):
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make
    exif[0x8825] = {1: "S", 2: (0.0, 55.0, 12.3)}  # GPS IFD: latitude of someone's house
    buffer = BytesIO()
    Image.new("RGB", (16, 12), "red").save(buffer, format="JPEG", exif=exif)
    assert Image.open(BytesIO(buffer.getvalue())).getexif()
    upload = SimpleUploadedFile("IMG_0001.jpg", buffer.getvalue(), content_type="image/jpeg")
    photo = services.add_project_photo(project, image=upload, stage="after", taken_on=datetime.date(2018, 9, 1),
                                       acting_user=facilitator)  # fmt: skip
    stored = Image.open(media / photo.image.name)
    assert stored.format == "JPEG" and stored.size == (16, 12)
    assert not stored.getexif()
    assert b"PhoneMaker" not in (media / photo.image.name).read_bytes()


def test_photo_validation(project, facilitator, settings):
    fake = SimpleUploadedFile("foto.jpg", b"%PDF-1.4 not an image", content_type="image/jpeg")
    with pytest.raises(ValidationError) as exc:
        services.add_project_photo(project, image=fake, stage="after", taken_on=datetime.date(2018, 12, 1),
                                   acting_user=facilitator)  # fmt: skip
    assert exc.value.message_dict["image"] == ["Berkas ini bukan gambar yang bisa dibaca."]
    gif = BytesIO()
    Image.new("RGB", (4, 4)).save(gif, format="GIF")
    with pytest.raises(ValidationError) as exc:
        services.add_project_photo(project, image=SimpleUploadedFile("a.gif", gif.getvalue()), stage="after",
                                   taken_on=datetime.date(2018, 12, 1), acting_user=facilitator)  # fmt: skip
    assert exc.value.message_dict["image"] == ["Format foto harus JPEG, PNG atau WebP."]
    big = SimpleUploadedFile("big.png", png_bytes() + b"\0" * (8 * 1024 * 1024), content_type="image/png")
    with pytest.raises(ValidationError) as exc:
        services.add_project_photo(project, image=big, stage="after", taken_on=datetime.date(2018, 12, 1),
                                   acting_user=facilitator)  # fmt: skip
    assert exc.value.message_dict["image"] == ["Foto terlalu besar (8,0 MB); maksimal 8 MB."]
    assert ProjectPhoto.objects.count() == 0


def test_photo_upload_page(client, project, facilitator, other_facilitator, partner):
    url = reverse("collaboration:photo-upload", args=[project.pk])
    client.force_login(facilitator)
    response = client.post(url, {"stage": "after", "taken_on": "2018-12-20", "caption": "Sudah dicor",
                                 "image": SimpleUploadedFile("x.txt", b"hello")})  # fmt: skip
    assert response.context["form"].errors["image"] == ["Berkas ini bukan gambar yang bisa dibaca."]
    assert 'value="Sudah dicor"' in response.content.decode()
    response = client.post(url, {"stage": "after", "taken_on": "2018-12-20", "caption": "Sudah dicor",
                                 "image": SimpleUploadedFile("x.png", png_bytes())})  # fmt: skip
    assert response.status_code == 302 and project.photos.get().stage == "after"
    client.force_login(other_facilitator)
    assert client.get(url).status_code == 404
    client.force_login(partner)  # no collaboration grant: the project does not exist for a partner
    assert client.get(url).status_code == 404


def test_data_sharing_register(client, areas, orgs, city_officer, facilitator, other_facilitator):
    with pytest.raises(ValidationError) as exc:
        services.record_data_sharing(area=areas["21.72.03.1005"], dataset="Data KK", provider=orgs["perkim"],
                                     recipient=orgs["perkim"], shared_on=datetime.date(2018, 1, 10), purpose="x",
                                     legal_basis="not_personal", contains_personal_data=True,
                                     acting_user=city_officer)  # fmt: skip
    errors = exc.value.message_dict
    assert errors["recipient"] == ["Penerima data harus pihak lain dari pemberi data."]
    assert "UU PDP" in errors["legal_basis"][0]
    client.force_login(facilitator)
    url = reverse("collaboration:sharing-create")
    data = {"dataset": "Baseline SIM KOTAKU", "area": areas["21.72.03.1005"].pk, "provider": orgs["perkim"].pk,
            "recipient": orgs["bkm"].pk, "shared_on": "2018-01-10", "purpose": "Perencanaan",
            "legal_basis": "public_task", "contains_personal_data": "on"}  # fmt: skip
    response = client.post(url, {**data, "shared_on": "2099-01-01"})
    assert response.context["form"].errors["shared_on"] == ["Tanggal berbagi data tidak boleh di masa depan."]
    assert client.post(url, data).status_code == 302
    entry = DataSharing.objects.get()
    assert entry.contains_personal_data and entry.recorded_by == facilitator
    html = client.get(reverse("collaboration:sharing-list")).content.decode()
    assert "Baseline SIM KOTAKU" in html and "Tugas kepentingan umum/kewenangan" in html
    client.force_login(other_facilitator)
    assert list(client.get(reverse("collaboration:sharing-list")).context["entries"]) == []
