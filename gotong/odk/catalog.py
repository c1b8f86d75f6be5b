"""The XLSForms Gotong serves to ODK Collect / KoboCollect, built once per process with pyxform.

A form's source is a Markdown XLSForm in `xlsforms/` (diffable in review). Its version is derived from the source,
so editing the file changes the version and devices fetch the new form; per-user choice lists are media files
(see `media.py`) whose hashes change on their own when the user's children or members change.
"""

import dataclasses
import functools
import hashlib
from pathlib import Path

from django.utils.translation import gettext_lazy as _
from pyxform.xls2xform import convert

from gotong.field import recordable
from gotong.odk import media, rules

SOURCES = Path(__file__).resolve().parent / "xlsforms"
VERSION_PLACEHOLDER = "__VERSION__"


@dataclasses.dataclass(frozen=True)
class OdkForm:
    form_id: str
    kind: str  # the kind `gotong.field.services.apply_submission` records
    source: str  # file name inside xlsforms/
    title: str
    description: str
    media_files: tuple[str, ...]

    @property
    def capability(self) -> str:
        """What the form records, as the access policy names it (`posyandu.record` for weighings)."""
        return recordable.CAPABILITIES[self.kind]

    def may_use(self, user) -> bool:
        """Worth offering to this user: there is something they may record with it (`gotong.field.recordable`)."""
        return recordable.may_submit(user, self.kind)


@dataclasses.dataclass(frozen=True)
class BuiltForm:
    xml: bytes
    version: str
    md5: str
    selects: tuple[rules.Select, ...]  # the fixed choice lists the server holds instances to


FORMS: dict[str, OdkForm] = {
    form.form_id: form
    for form in (
        OdkForm(
            form_id="gotong_penimbangan",
            kind="weighing",
            source="penimbangan.md",
            title=_("Penimbangan balita"),
            description=_("Berat, panjang/tinggi dan LiLA balita posyandu; z-skor dihitung di server."),
            media_files=(media.CHILDREN,),
        ),
        OdkForm(
            form_id="gotong_imunisasi",
            kind="immunisation",
            source="imunisasi.md",
            title=_("Imunisasi balita"),
            description=_("Imunisasi yang diberikan hari itu; jadwal nasional diperiksa di server."),
            media_files=(media.CHILDREN,),
        ),
        OdkForm(
            form_id="gotong_periksa_hamil",
            kind="anc_visit",
            source="periksa_hamil.md",
            title=_("Pemeriksaan ibu hamil"),
            description=_("Kontak ANC: tempat, berat, LiLA, Hb, tekanan darah dan tablet tambah darah."),
            media_files=(media.PREGNANCIES,),
        ),
        OdkForm(
            form_id="gotong_setoran_sampah",
            kind="deposit",
            source="setoran_sampah.md",
            title=_("Setoran bank sampah"),
            description=_("Sampah yang ditimbang per jenis; nilainya dihitung dengan daftar harga hari itu."),
            media_files=(media.MEMBERS, media.CATEGORIES),
        ),
        OdkForm(
            form_id="gotong_kunjungan",
            kind="visit",
            source="kunjungan.md",
            title=_("Kunjungan rumah"),
            description=_("Catatan kunjungan satu menit untuk kasus yang Anda dampingi."),
            media_files=(media.CASES,),
        ),
        OdkForm(
            form_id="gotong_kehadiran",
            kind="attendance",
            source="kehadiran.md",
            title=_("Kehadiran gotong royong"),
            description=_("Siapa yang ikut kerja bakti; daftar yang sudah tercatat di server tidak ditimpa."),
            media_files=(media.EVENTS, media.PEOPLE),
        ),
    )
}


def forms_for(user) -> list[OdkForm]:
    """The forms this user may fill in: only what they may record, so a device never lists a useless form."""
    usable = set(recordable.kinds_for(user, kinds=[form.kind for form in FORMS.values()]))
    return [form for form in FORMS.values() if form.kind in usable]


@functools.cache
def build(form_id: str) -> BuiltForm:
    """Convert the form's XLSForm to XForm XML (cached; pyxform takes ~50 ms a form)."""
    form = FORMS[form_id]
    source = (SOURCES / form.source).read_text(encoding="utf-8")
    version = hashlib.sha256(source.encode()).hexdigest()[:12]
    result = convert(source.replace(VERSION_PLACEHOLDER, version), file_type=".md", pretty_print=False)
    xml = result.xform.encode("utf-8")
    # `_pyxform` is pyxform's form structure (pinned version); the XML would carry the same lists, less directly.
    selects = rules.static_selects(result._pyxform)
    return BuiltForm(xml=xml, version=version, md5=hashlib.md5(xml).hexdigest(), selects=selects)
