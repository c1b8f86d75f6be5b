"""The comparison: importing the same file with django-import-export, the way most Django projects do.

One Resource per model; households first (one row per family card, the RT resolved in `before_import_row`),
then persons with a ForeignKeyWidget to their household by family-card number. `import_data` saves each row
through the model's `save()` (so the audit log and signals run, as they would in such a project). Imported
only here, never by the platform itself.
"""

import csv
from pathlib import Path

import tablib
from import_export import fields, resources, widgets

from gotong.areas.models import Area
from gotong.areas.services import ensure_neighbourhood_unit
from gotong.registry.models import Household, Person


class HouseholdResource(resources.ModelResource):
    family_card_number = fields.Field(attribute="family_card_number", column_name="no_kk")
    address = fields.Field(attribute="address", column_name="alamat")
    area = fields.Field(attribute="area", column_name="area", widget=widgets.ForeignKeyWidget(Area, "code"))
    welfare_decile = fields.Field(attribute="welfare_decile", column_name="desil", widget=widgets.IntegerWidget())
    pkh_recipient = fields.Field(attribute="pkh_recipient", column_name="pkh", widget=widgets.BooleanWidget())
    bpnt_recipient = fields.Field(attribute="bpnt_recipient", column_name="bpnt", widget=widgets.BooleanWidget())

    class Meta:
        model = Household
        import_id_fields = ("family_card_number",)
        fields = ("family_card_number", "address", "area", "welfare_decile", "pkh_recipient", "bpnt_recipient")

    def before_import_row(self, row, **kwargs):
        village = Area.objects.get(code=row["kode_wilayah"])
        row["area"] = ensure_neighbourhood_unit(village, row["rw"], row["rt"]).code
        row["pkh"] = "1" if row["penerima_pkh"] == "ya" else "0"
        row["bpnt"] = "1" if row["penerima_bpnt"] == "ya" else "0"


class PersonResource(resources.ModelResource):
    household = fields.Field(
        attribute="household", column_name="no_kk", widget=widgets.ForeignKeyWidget(Household, "family_card_number")
    )
    nik = fields.Field(attribute="nik", column_name="nik")
    name = fields.Field(attribute="name", column_name="nama")
    sex = fields.Field(attribute="sex", column_name="jenis_kelamin")
    birth_date = fields.Field(
        attribute="birth_date", column_name="tanggal_lahir", widget=widgets.DateWidget("%d/%m/%Y")
    )
    relationship = fields.Field(attribute="relationship", column_name="hubungan_keluarga")
    education = fields.Field(attribute="education", column_name="pendidikan")
    occupation = fields.Field(attribute="occupation", column_name="pekerjaan")
    disability = fields.Field(attribute="disability", column_name="disabilitas")

    class Meta:
        model = Person
        import_id_fields = ("nik",)
        fields = ("household", "nik", "name", "sex", "birth_date", "relationship", "education", "occupation",
                  "disability")  # fmt: skip


def import_with_library(path: Path) -> int:
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    header, body = rows[0], rows[1:]
    kk = header.index("no_kk")
    seen, household_rows = set(), []
    for row in body:
        if row[kk] not in seen:
            seen.add(row[kk])
            household_rows.append(row)
    for resource, data in ((HouseholdResource(), household_rows), (PersonResource(), body)):
        dataset = tablib.Dataset(*data, headers=header)
        result = resource.import_data(dataset, dry_run=False, raise_errors=True, use_transactions=True)
        if result.has_errors() or result.has_validation_errors():
            raise RuntimeError("django-import-export refused rows")
    return len(body)
