"""Per-user choice lists for the ODK forms (`select_one_from_file`): CSV files listed in each form's manifest.

Every list is built from the modules' own scoped querysets and write checks for the requesting user, so a
device only ever receives the children or members that user may record for. Rows are ordered so the same data
gives the same bytes, hence the same md5 in the manifest, and Collect only downloads a list again when it changed.
"""

import csv
import datetime
import io

from django.utils import timezone

CHILDREN = "anak.csv"
MEMBERS = "anggota.csv"
CATEGORIES = "jenis.csv"
CASES = "kasus.csv"
EVENTS = "acara.csv"
PEOPLE = "warga.csv"


def recordable_posyandus(user) -> list:
    from gotong.posyandu.access import can_record, posyandus_for

    return [p for p in posyandus_for(user) if can_record(user, p)]


def recordable_banks(user) -> list:
    from gotong.wastebank.access import can_record
    from gotong.wastebank.models import WasteBank

    return [b for b in WasteBank.objects.visible_to(user).select_related("organization") if can_record(user, b)]


def recordable_cases(user):
    """Open cases whose team the user is on: exactly those `casework.access.can_record` allows."""
    from django.db.models import Q

    from gotong.casework.models import Case

    team = Q(worker=user) | Q(supervisor=user) | Q(team=user)
    return Case.objects.visible_to(user).open().filter(team).distinct()


def may_weigh(user) -> bool:
    return bool(recordable_posyandus(user))


def may_take_deposits(user) -> bool:
    return bool(recordable_banks(user))


def _children_rows(user) -> list[list[str]]:
    from gotong.posyandu.models import Child

    children = (
        Child.objects.visible_to(user)
        .filter(posyandu__in=recordable_posyandus(user))
        .current(timezone.localdate())
        .select_related("person", "posyandu")
        .order_by("person__name", "pk")
    )
    rows = [["name", "label", "posyandu"]]
    for child in children:
        born = child.person.birth_date.strftime("%d/%m/%Y")
        rows.append(
            [str(child.public_id), f"{child.person.name} ({born}, {child.posyandu.name})", str(child.posyandu_id)]
        )
    return rows


def _members_rows(user) -> list[list[str]]:
    from gotong.wastebank.models import Member

    members = (
        Member.objects.visible_to(user)
        .filter(bank__in=recordable_banks(user), is_active=True)
        .select_related("person", "bank__organization")
        .order_by("bank_id", "number", "pk")
    )
    rows = [["name", "label", "bank"]]
    for member in members:
        rows.append([str(member.public_id), f"{member.number} {member.person.name}", str(member.bank_id)])
    return rows


def _categories_rows(user) -> list[list[str]]:
    from gotong.wastebank.models import WasteCategory

    categories = WasteCategory.objects.filter(bank__in=recordable_banks(user), is_active=True).order_by(
        "bank_id", "sort_order", "name", "pk"
    )
    rows = [["name", "label", "bank"]]
    for category in categories:
        rows.append([str(category.pk), category.name, str(category.bank_id)])
    return rows


def may_visit(user) -> bool:
    return recordable_cases(user).exists()


def _cases_rows(user) -> list[list[str]]:
    from gotong.casework import access

    cases = recordable_cases(user).select_related("person", "household").order_by("pk")
    rows = [["name", "label", "tb"]]
    for case in cases:
        if access.can_record(user, case):  # the casework rule itself decides, the query only narrows
            label = f"{case.subject_name} ({case.get_program_display()})"
            rows.append([str(case.public_id), label, "1" if case.is_tb else "0"])
    return rows


def _attendance_events(user) -> list[dict]:
    # The offline web form's own selection (events a month back to two weeks ahead, the RT's residents).
    from gotong.field.reference import attendance_data

    return attendance_data(user, timezone.localdate())["events"]


def may_take_attendance(user) -> bool:
    """Cheap form of "the attendance list would not be empty": the same window and rule, without the people."""
    from gotong.activities import access
    from gotong.activities.models import Event
    from gotong.field.reference import EVENT_WINDOW_DAYS

    today, (before, after) = timezone.localdate(), EVENT_WINDOW_DAYS
    events = Event.objects.visible_to(user).filter(
        held_on__gte=today - datetime.timedelta(days=before), held_on__lte=today + datetime.timedelta(days=after)
    )
    return any(access.can_record(user, event) for event in events.select_related("organization"))


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
