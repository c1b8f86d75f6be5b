"""What an import found and did: issues row by row, and the counts for the summary."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from gotong.registry.nik import mask_family_card_number, mask_nik


@dataclass(frozen=True)
class Issue:
    row: int
    field: str
    value: str
    reason: str
    is_warning: bool = False
    # A good row left out because another row of its KK is bad (--skip-invalid): not a mistake of its own.
    skipped: bool = False

    @property
    def message(self) -> str:
        """The reason as users read it; warnings say so, because they do not block the row."""
        return _("Peringatan: %(reason)s") % {"reason": self.reason} if self.is_warning else self.reason

    @property
    def masked_value(self) -> str:
        """The value safe for a screen or a log: NIK and KK numbers are masked."""
        if self.field == "nik":
            return mask_nik(self.value) if self.value else ""  # an empty cell, not a newborn's missing NIK
        if self.field == "no_kk":
            return mask_family_card_number(self.value)
        return self.value


@dataclass
class ImportResult:
    filename: str
    dry_run: bool = False
    skip_invalid: bool = False
    rows_read: int = 0
    rows_rejected: int = 0
    households_created: int = 0
    households_updated: int = 0
    households_unchanged: int = 0
    households_rejected: int = 0
    persons_created: int = 0
    persons_updated: int = 0
    persons_unchanged: int = 0
    unknown_columns: list[str] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    # True when the changes were committed; False for a dry run or an all-or-nothing import with errors.
    saved: bool = False
    _seen: set = field(default_factory=set, repr=False)

    def add(
        self, row: int, column: str, value: str, reason: str, *, warning: bool = False, skipped: bool = False
    ) -> None:
        issue = Issue(row, column, value, reason, warning, skipped)
        if issue not in self._seen:  # the same warning can come from the parser and from the service
            self._seen.add(issue)
            self.issues.append(issue)

    @property
    def errors(self) -> list[Issue]:
        return [issue for issue in self.issues if not issue.is_warning]

    @property
    def warnings(self) -> list[Issue]:
        return [issue for issue in self.issues if issue.is_warning]

    @property
    def ok(self) -> bool:
        """Every row accepted. Warnings do not count: they never block a row."""
        return not self.errors

    def sorted_issues(self) -> list[Issue]:
        return sorted(self.issues, key=lambda issue: (issue.row, issue.is_warning))


def summary_lines(result: ImportResult) -> list[str]:
    """A plain-language summary, the same for the console and the page."""
    lines = [_("Baris dibaca: %(count)d") % {"count": result.rows_read}]
    if result.saved:
        lines += [
            _("KK baru: %(created)d, diperbarui: %(updated)d, tidak berubah: %(unchanged)d")
            % _counts(result, "households"),
            _("Penduduk baru: %(created)d, diperbarui: %(updated)d, tidak berubah: %(unchanged)d")
            % _counts(result, "persons"),
        ]
    else:
        lines += [
            _("KK yang akan dibuat: %(created)d, diperbarui: %(updated)d, tidak berubah: %(unchanged)d")
            % _counts(result, "households"),
            _("Penduduk yang akan dibuat: %(created)d, diperbarui: %(updated)d, tidak berubah: %(unchanged)d")
            % _counts(result, "persons"),
        ]
    lines.append(
        _("Ditolak: %(households)d KK (%(rows)d baris); %(errors)d kesalahan, %(warnings)d peringatan")
        % {
            "households": result.households_rejected,
            "rows": result.rows_rejected,
            "errors": sum(not issue.skipped for issue in result.errors),
            "warnings": len(result.warnings),
        }
    )
    if result.unknown_columns:
        lines.append(_("Kolom tidak dikenal, diabaikan: %(columns)s") % {"columns": ", ".join(result.unknown_columns)})
    lines.append(_outcome(result))
    return lines


def _counts(result: ImportResult, kind: str) -> dict[str, int]:
    return {name: getattr(result, f"{kind}_{name}") for name in ("created", "updated", "unchanged")}


def _outcome(result: ImportResult) -> str:
    if result.dry_run:
        return _("Periksa saja: tidak ada yang disimpan.")
    if result.saved and result.households_rejected:
        return _("Baris yang valid disimpan; KK yang punya baris salah dilewati seluruhnya.")
    if result.saved:
        return _("Semua baris disimpan.")
    return _("Tidak ada yang disimpan karena ada baris yang salah. Perbaiki file lalu impor lagi.")
