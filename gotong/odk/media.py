"""Per-user choice lists for the ODK forms (`select_one_from_file`): CSV files listed in each form's manifest.

Every list is built from what the requesting user may record (`gotong.field.recordable`, the same answer the field
app's reference data use), so a device only ever receives the children or members that user may record for. Rows
are ordered so the same data gives the same bytes, hence the same md5 in the manifest, and Collect only downloads a
list again when it changed.
"""

import csv
import io

from django.utils import timezone

from gotong.core.dates import short_date
from gotong.field import recordable

CHILDREN = "anak.csv"
PREGNANCIES = "ibu_hamil.csv"
MEMBERS = "anggota.csv"
CATEGORIES = "jenis.csv"
CASES = "kasus.csv"
EVENTS = "acara.csv"
PEOPLE = "warga.csv"


def _children_rows(user) -> list[list[str]]:
    from gotong.posyandu.models import Child

    children = (
        Child.objects.visible_to(user)
        .filter(posyandu__in=recordable.posyandus(user).values("pk"))
        .current(timezone.localdate())
        .select_related("person", "posyandu")
        .order_by("person__name", "pk")
    )
    rows = [["name", "label", "posyandu"]]
    for child in children:
        born = short_date(child.person.birth_date)
        rows.append(
            [str(child.public_id), f"{child.person.name} ({born}, {child.posyandu.name})", str(child.posyandu_id)]
        )
    return rows


def _pregnancies_rows(user) -> list[list[str]]:
    from gotong.posyandu.models import Pregnancy

    pregnancies = (
        Pregnancy.objects.visible_to(user)
        .ongoing()
        .filter(posyandu__in=recordable.posyandus(user).values("pk"))
        .select_related("person", "posyandu")
        .order_by("person__name", "pk")
    )
    rows = [["name", "label", "posyandu"]]
    for pregnancy in pregnancies:
        hpht = short_date(pregnancy.lmp)
        label = f"{pregnancy.person.name} (HPHT {hpht}, {pregnancy.posyandu.name})"
        rows.append([str(pregnancy.public_id), label, str(pregnancy.posyandu_id)])
    return rows


def _members_rows(user) -> list[list[str]]:
    from gotong.wastebank.models import Member

    members = (
        Member.objects.visible_to(user)
        .filter(bank__in=recordable.banks(user).values("pk"), is_active=True)
        .select_related("person", "bank__organization")
        .order_by("bank_id", "number", "pk")
    )
    rows = [["name", "label", "bank"]]
    for member in members:
        rows.append([str(member.public_id), f"{member.number} {member.person.name}", str(member.bank_id)])
    return rows


def _categories_rows(user) -> list[list[str]]:
    from gotong.wastebank.models import WasteCategory

    categories = WasteCategory.objects.filter(bank__in=recordable.banks(user).values("pk"), is_active=True).order_by(
        "bank_id", "sort_order", "name", "pk"
    )
    rows = [["name", "label", "bank"]]
    for category in categories:
        rows.append([str(category.pk), category.name, str(category.bank_id)])
    return rows


def _cases_rows(user) -> list[list[str]]:
    cases = recordable.cases(user).select_related("person", "household").order_by("pk")
    rows = [["name", "label", "tb"]]
    for case in cases:
        label = f"{case.subject_name} ({case.get_program_display()})"
        rows.append([str(case.public_id), label, "1" if case.is_tb else "0"])
    return rows


def _attendance_events(user) -> list[dict]:
    # The offline web form's own selection (events of the last month up to today, the RT's residents).
    from gotong.field.reference import attendance_data

    return attendance_data(user, timezone.localdate())["events"]


def _events_rows(user) -> list[list[str]]:
    rows = [["name", "label"]]
    for event in _attendance_events(user):
        held_on = event["held_on"].split("-")
        rows.append([event["id"], f"{event['title']} ({held_on[2]}/{held_on[1]}/{held_on[0]})"])
    return rows


def _people_rows(user) -> list[list[str]]:
    rows = [["name", "label", "event"]]
    for event in _attendance_events(user):
        rows.extend([person["id"], person["name"], event["id"]] for person in event["people"])
    return rows


BUILDERS = {
    CHILDREN: _children_rows,
    PREGNANCIES: _pregnancies_rows,
    MEMBERS: _members_rows,
    CATEGORIES: _categories_rows,
    CASES: _cases_rows,
    EVENTS: _events_rows,
    PEOPLE: _people_rows,
}


def render(filename: str, user) -> bytes:
    """The CSV bytes of one media file for this user (UTF-8, comma-separated, as Collect expects)."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(BUILDERS[filename](user))
    return buffer.getvalue().encode("utf-8")
