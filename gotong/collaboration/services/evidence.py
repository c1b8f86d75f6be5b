"""Project photos and commitments' evidence files (validated images or PDFs, stored under MEDIA_ROOT, served only
through a scoped view) and the data-sharing register."""

import warnings
from io import BytesIO

from auditlog.context import set_actor
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from gotong.collaboration.access import require_record
from gotong.collaboration.models import CommitmentEvidence, DataSharing, LegalBasis, ProjectPhoto
from gotong.collaboration.services import collect_errors
from gotong.core.numbers import decimal_text
from gotong.core.validation import not_in_future

MAX_PHOTO_BYTES = 8 * 1024 * 1024
# 40 megapixels: more than any phone camera, far less than a decompression bomb (a 12,000 × 12,000 PNG of a few
# hundred KB opens to 144 MP, over 400 MB of memory). Checked from the header, before any pixel is decoded.
MAX_PHOTO_PIXELS = 40_000_000
ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


def check_image(upload, field: str = "image") -> str:
    """Raise a clear error (on `field`) unless `upload` is a JPEG/PNG/WebP image of at most 8 MB and 40 megapixels;
    returns its extension."""
    if upload.size > MAX_PHOTO_BYTES:
        raise ValidationError(
            {field: _("Foto terlalu besar (%(mb)s MB); maksimal 8 MB.") % {"mb": decimal_text(upload.size / 2**20, 1)}}
        )
    try:
        upload.seek(0)
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as image:  # reads the header only
                kind = image.format
                width, height = image.size
                if width * height > MAX_PHOTO_PIXELS:
                    raise ValidationError({field: _too_many_pixels_message(width, height)})
                image.verify()  # reads the whole file: catches truncated or disguised files
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        # Pillow's own guard, for images far over its limit: refused like any too-large photo.
        raise ValidationError({field: _too_many_pixels_message()}) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError({field: _("Berkas ini bukan gambar yang bisa dibaca.")}) from None
    finally:
        upload.seek(0)
    if kind not in ALLOWED_FORMATS:
        raise ValidationError({field: _("Format foto harus JPEG, PNG atau WebP.")})
    return ALLOWED_FORMATS[kind]


def _too_many_pixels_message(width=None, height=None) -> str:
    limit = MAX_PHOTO_PIXELS // 1_000_000
    if width is None:
        return _("Ukuran foto terlalu besar; maksimal %(max)s megapiksel. Perkecil fotonya lalu unggah ulang.") % {
            "max": limit
        }
    return _(
        "Ukuran foto terlalu besar (%(width)s × %(height)s piksel); maksimal %(max)s megapiksel. "
        "Perkecil fotonya lalu unggah ulang."
    ) % {"width": width, "height": height, "max": limit}


def without_metadata(upload, kind: str) -> bytes:
    """The picture re-encoded without EXIF/XMP/text chunks: a phone photo's GPS tag would pinpoint a family's home."""
    upload.seek(0)
    with Image.open(upload) as original:
        image = ImageOps.exif_transpose(original)  # keep the orientation the camera meant, then drop the tags
        buffer = BytesIO()
        image.save(buffer, format=kind, **({"quality": 90} if kind in ("JPEG", "WEBP") else {}))
    return buffer.getvalue()


@transaction.atomic
def add_project_photo(project, *, image, stage, taken_on, caption="", acting_user) -> ProjectPhoto:
    require_record(acting_user, project)
    extension = check_image(image)
    not_in_future(taken_on, "taken_on", label=_("Tanggal foto"))
    kind = next(k for k, ext in ALLOWED_FORMATS.items() if ext == extension)
    # The stored name never reuses the uploader's file name (it may hold a person's name).
    image = ContentFile(without_metadata(image, kind), name=f"{stage}.{extension}")
    photo = ProjectPhoto(
        project=project,
        area_code=project.area_code,
        stage=stage,
        image=image,
        caption=(caption or "").strip(),
        taken_on=taken_on,
        uploaded_by=acting_user,
    )
    photo.full_clean()
    with set_actor(acting_user):
        photo.save()
    return photo


def check_evidence(upload) -> str:
    """A commitment's evidence: a photo as `check_image` accepts it, or a PDF of at most 8 MB; returns the
    extension. A PDF is recognised by its header and end marker, not by the name the uploader gave it."""
    upload.seek(0)
    head = upload.read(5)
    upload.seek(0)
    if head != b"%PDF-":
        try:
            return check_image(upload, field="file")
        except ValidationError as error:
            if error.message_dict["file"] == [_("Berkas ini bukan gambar yang bisa dibaca.")]:
                raise ValidationError({"file": _("Berkas bukti harus foto (JPEG, PNG, WebP) atau PDF.")}) from None
            raise
    if upload.size > MAX_PHOTO_BYTES:
        raise ValidationError(
            {
                "file": _("Berkas terlalu besar (%(mb)s MB); maksimal 8 MB.")
                % {"mb": decimal_text(upload.size / 2**20, 1)}
            }
        )
    upload.seek(max(0, upload.size - 1024))
    tail = upload.read()
    upload.seek(0)
    if b"%%EOF" not in tail:
        raise ValidationError({"file": _("Berkas PDF ini rusak atau tidak lengkap.")})
    return "pdf"


@transaction.atomic
def add_commitment_evidence(commitment, *, file, caption="", acting_user) -> CommitmentEvidence:
    """A photo or PDF for a commitment, by whoever may record its progress; photos lose their metadata (GPS)."""
    require_record(acting_user, commitment)
    extension = check_evidence(file)
    if extension == "pdf":
        content = file.read()
    else:
        kind = next(k for k, ext in ALLOWED_FORMATS.items() if ext == extension)
        content = without_metadata(file, kind)
    # The stored name never reuses the uploader's file name (it may hold a person's name).
    evidence = CommitmentEvidence(
        commitment=commitment,
        area_code=commitment.area_code,
        file=ContentFile(content, name=f"bukti.{extension}"),
        caption=(caption or "").strip(),
        uploaded_by=acting_user,
    )
    evidence.full_clean()
    with set_actor(acting_user):
        evidence.save()
    return evidence


@transaction.atomic
def record_data_sharing(
    *, area, dataset, provider, recipient, shared_on, purpose, legal_basis, contains_personal_data, note="", acting_user
) -> DataSharing:
    require_record(acting_user, area)
    errors = {}
    if provider == recipient:
        errors["recipient"] = _("Penerima data harus pihak lain dari pemberi data.")
    if contains_personal_data and legal_basis == LegalBasis.NOT_PERSONAL:
        errors["legal_basis"] = _("Data pribadi butuh dasar pemrosesan menurut UU PDP, bukan 'bukan data pribadi'.")
    collect_errors(errors, not_in_future, shared_on, "shared_on", label=_("Tanggal berbagi data"))
    if errors:
        raise ValidationError(errors)
    entry = DataSharing(
        area=area,
        area_code=area.code,
        dataset=dataset.strip(),
        provider=provider,
        recipient=recipient,
        shared_on=shared_on,
        purpose=purpose.strip(),
        legal_basis=legal_basis,
        contains_personal_data=contains_personal_data,
        note=(note or "").strip(),
        recorded_by=acting_user,
    )
    entry.full_clean()
    with set_actor(acting_user):
        entry.save()
    return entry
