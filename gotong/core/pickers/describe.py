"""How a picker shows one choice: enough to tell two people of the same name apart, no full NIK or KK number.

A person: name, age, RT/RW and kelurahan, address, the NIK's last four digits ("…0001"). A household: its head's
name, address, RT/RW, the KK number's last four digits and the number of members. An account: full name, role and
the organisations it serves. An organisation: its name and the place it works in.
"""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Choice:
    value: str
    title: str
    details: list[str]

    @property
    def label(self) -> str:
        return " · ".join([self.title, *self.details])


def number_suffix(number: str) -> str:
    return f"…{number[-4:]}" if number else ""


def unit_label(area) -> str:
    """ "RT 003/RW 005, Kampung Bugis" from the household's area (an RT, an RW or a village)."""
    if area is None:
        return ""
    parts = area.code.split(".")
    village = area
    while village is not None and village.code.count(".") > 3:
        village = village.parent if village.parent_id else None
    unit = ""
    if len(parts) >= 6:
        unit = _("RT %(rt)s/RW %(rw)s") % {"rt": parts[5], "rw": parts[4]}
    elif len(parts) == 5:
        unit = _("RW %(rw)s") % {"rw": parts[4]}
    place = village.name if village is not None else ""
    return ", ".join(part for part in (unit, place) if part)


def _age(person, today) -> str:
    years = person.age_on(today)
    if years >= 1:
        return _("%(n)s th") % {"n": years}
    months = (today.year - person.birth_date.year) * 12 + today.month - person.birth_date.month
    if today.day < person.birth_date.day:
        months -= 1
    return _("%(n)s bln") % {"n": max(months, 0)}


def person_choice(person, today=None) -> Choice:
    today = today or timezone.localdate()
    household = person.household
    details = [
        _age(person, today),
        unit_label(household.area),
        household.address,
        _("NIK %(suffix)s") % {"suffix": number_suffix(person.nik)},
    ]
    return Choice(str(person.public_id), person.name, [d for d in details if d])


def household_choice(household) -> Choice:
    head = getattr(household, "head_name", None)
    if head is None and not hasattr(household, "head_name"):
        head_person = household.head
        head = head_person.name if head_person else None
    details = [
        household.address,
        unit_label(household.area),
        _("KK %(suffix)s") % {"suffix": number_suffix(household.family_card_number)},
    ]
    size = getattr(household, "member_count", None)
    if size:
        details.append(_("%(n)s jiwa") % {"n": size})
    title = _("Keluarga %(name)s") % {"name": head} if head else household.address
    return Choice(str(household.public_id), title, [d for d in details if d])


def organization_choice(organization) -> Choice:
    """A posyandu or another organisation: its name and where it works (RT/RW and kelurahan); the value is its
    id, the value older `?posyandu=<id>` links carry."""
    return Choice(str(organization.pk), organization.name, [d for d in [unit_label(organization.area)] if d])


def user_choice(user) -> Choice:
    from gotong.organizations.models import Membership

    organisations = getattr(user, "picker_organizations", None)
    if organisations is None:
        organisations = list(
            Membership.objects.active().filter(user=user).values_list("organization__name", flat=True)[:2]
        )
    details = [user.get_role_display(), *organisations]
    return Choice(user.username, user.get_full_name() or user.username, [d for d in details if d])
