"""Writing one family card through the registry services, so audit and validation apply as for a form."""

from dataclasses import dataclass

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import IntegrityError
from django.utils.translation import gettext as _

from gotong.areas.services import ensure_neighbourhood_unit
from gotong.registry.importing.columns import FIELD_COLUMNS
from gotong.registry.importing.result import ImportResult
from gotong.registry.importing.validation import HouseholdGroup, Lookups, RowData
from gotong.registry.models import Household, Person
from gotong.registry.services import save_household, save_person, validate_person_nik

# Person field → column; a column missing from the file leaves the stored value alone on update.
PERSON_COLUMNS = {
    "name": "nama",
    "sex": "jenis_kelamin",
    "birth_date": "tanggal_lahir",
    "relationship": "hubungan_keluarga",
    "education": "pendidikan",
    "occupation": "pekerjaan",
    "disability": "disabilitas",
}
HOUSEHOLD_COLUMNS = {"welfare_decile": "desil", "pkh_recipient": "penerima_pkh", "bpnt_recipient": "penerima_bpnt"}


class RowFailure(Exception):
    """A service refused a row: the caller rolls back this family card's savepoint."""

    def __init__(self, row: RowData, error: Exception):
        super().__init__(row.number)
        self.row = row
        self.error = error

    def record(self, result: ImportResult) -> None:
        self.row.failed = True
        if isinstance(self.error, IntegrityError):
            reason = _("Bentrok dengan data lain di basis data (NIK atau nomor KK ganda).")
            result.add(self.row.number, "", "", reason)
            return
        if isinstance(self.error, PermissionDenied):
            # The checks before writing refuse what the policy refuses; this is the services' own second look.
            result.add(self.row.number, "", "", str(self.error) or _("Peran Anda tidak boleh menyimpan baris ini."))
            return
        messages = getattr(self.error, "message_dict", None) or {NON_FIELD_ERRORS: self.error.messages}
        for field_name, texts in messages.items():
            column = FIELD_COLUMNS.get(field_name, "")
            for text in texts:
                result.add(self.row.number, column, self.row.text(column) if column else "", text)


@dataclass
class Outcome:
    household_created: bool = False
    household_changed: bool = False
    persons_created: int = 0
    persons_updated: int = 0
    persons_unchanged: int = 0


def apply_household(group: HouseholdGroup, lookups: Lookups, acting_user, result: ImportResult) -> Outcome:
    """Create or update the household and its members; raises RowFailure on the first refused row."""
    outcome = Outcome()
    first = group.rows[0]
    try:
        household = _save_household(group, lookups, acting_user, outcome)
    except (ValidationError, PermissionDenied, IntegrityError) as error:
        raise RowFailure(first, error) from error
    # Members before the head: when the head changes, the old head becomes a member first.
    for row in sorted(group.rows, key=lambda r: r.values["hubungan_keluarga"] == "kepala"):
        try:
            _save_person(row, household, lookups, acting_user, outcome, result)
        except (ValidationError, PermissionDenied, IntegrityError) as error:
            raise RowFailure(row, error) from error
    return outcome


def _household_values(group: HouseholdGroup) -> dict:
    first = group.rows[0]
    wanted = {"address": first.values["alamat"]}
    for field_name, column in HOUSEHOLD_COLUMNS.items():
        for row in group.rows:  # the first row where the column is filled (usually the first row itself)
            if column in row.values and row.text(column):
                wanted[field_name] = row.values[column]
                break
        else:
            if column in first.raw:
                wanted[field_name] = first.values[column]  # present but empty: None / False
    return wanted


def _save_household(group: HouseholdGroup, lookups: Lookups, acting_user, outcome: Outcome) -> Household:
    # Runs in the family card's own savepoint (`service._write`): a refused KK takes its new RW/RT away with it.
    first = group.rows[0].values
    village = lookups.area(first["kode_wilayah"])
    wanted = {**_household_values(group), "area": ensure_neighbourhood_unit(village, first["rw"], first["rt"])}
    household = lookups.households.get(group.key)
    if household is None:
        household = Household(family_card_number=group.key, **wanted)
        outcome.household_created = True
    elif not _assign(household, wanted):
        return household
    outcome.household_changed = True
    return save_household(household, acting_user=acting_user)


def _save_person(row: RowData, household: Household, lookups: Lookups, acting_user, outcome, result) -> None:
    wanted = {field: row.values[column] for field, column in PERSON_COLUMNS.items() if column in row.values}
    person = lookups.persons.get(row.values["nik"])
    if person is None:
        person = Person(nik=row.values["nik"], household=household, **wanted)
        outcome.persons_created += 1
        warnings = save_person(person, acting_user=acting_user)
    else:
        # A household that moved RT changes its members' denormalised area code too.
        moved = person.household_id != household.pk or person.area_code != household.area_code
        person.household = household
        if _assign(person, wanted) or moved:
            outcome.persons_updated += 1
            warnings = save_person(person, acting_user=acting_user)
        else:
            outcome.persons_unchanged += 1
            # Nothing to save, but a re-import must show the same warnings as the first one.
            warnings = validate_person_nik(person)
    for warning in warnings:
        result.add(row.number, "nik", row.text("nik"), warning, warning=True)


def _assign(record, wanted: dict) -> bool:
    """Set the wanted values; True when something differed."""
    changed = False
    for field_name, value in wanted.items():
        current = getattr(record, field_name)
        if current != value:
            setattr(record, field_name, value)
            changed = True
    return changed
