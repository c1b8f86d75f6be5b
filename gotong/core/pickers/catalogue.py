"""Every picker's list, by name: what the form of each module accepts, scoped by the policy for the user asking.

A source's arguments come from the form (signed into the search URL), never from the browser alone; records they
name are looked up through the user's own scope.
"""

from django.utils import timezone

from gotong.core.pickers.sources import HOUSEHOLD, ORGANIZATION, PERSON, USER, source


def _persons():
    from gotong.registry.models import Person

    return Person.objects


@source("casework.person", kind=PERSON)
def _case_person(user):
    """The person a case is opened for, as `open_case` accepts them: in an area where `casework.open` reaches, or,
    for the staff of an organisation that runs cases (reach: their organisation), anyone of the registry they see
    (the case is then their organisation's)."""
    from gotong.core.policy.decide import reaches

    reached = reaches(user, "casework.open")
    if not reached:
        return _persons().none()
    if reached.organization_ids and not reached.everything:
        return _persons().visible_to(user)
    return _persons().visible_to(user).reached_by(user, "casework.open")


@source("casework.colleagues", kind=USER)
def _case_colleagues(user):
    from gotong.casework.colleagues import colleagues_of

    return colleagues_of(user).exclude(pk=user.pk)


@source("casework.team", kind=USER)
def _case_team(user, case):
    from gotong.casework.colleagues import colleagues_for_case
    from gotong.casework.models import Case

    found = Case.objects.visible_to(user).filter(public_id=case).first()
    if found is None:
        return _users_none()
    return colleagues_for_case(found.area_code, found.organization_id).exclude(pk=found.worker_id)


def _users_none():
    from gotong.accounts.models import User

    return User.objects.none()


@source("collaboration.participant", kind=PERSON)
def _participant(user, area):
    # Residents of the forum's area whom the user may record meetings about.
    from gotong.core.scoping import area_code_filter

    persons = _persons().visible_to(user).reached_by(user, "collaboration.record")
    return persons.filter(area_code_filter([area]))


@source("activities.warned", kind=PERSON)
def _warned(user, area):
    return _persons().visible_to(user).reached_by(user, "activities.record").in_area(area)


@source("posyandu.child", kind=PERSON)
def _posyandu_child(user):
    # Under-fives of the registry not yet in a posyandu, where the user records posyandu work.
    from gotong.posyandu.dates import five_years_before

    today = timezone.localdate()
    persons = _persons().visible_to(user).reached_by(user, "registry.add_member")
    return persons.filter(birth_date__gt=five_years_before(today), birth_date__lte=today, posyandu_child__isnull=True)


@source("posyandu.filter", kind=ORGANIZATION)
def _posyandu_filter(user):
    # The posyandu whose children the user sees (`posyandu.view`): the children list's filter.
    from gotong.posyandu.access import posyandus_for

    return posyandus_for(user)


@source("posyandu.household", kind=HOUSEHOLD)
def _posyandu_household(user):
    # The family a newborn joins: households the user may add a member to.
    from gotong.registry.models import Household

    return Household.objects.visible_to(user).reached_by(user, "registry.add_member")


@source("posyandu.mother", kind=PERSON)
def _posyandu_mother(user):
    from gotong.registry.choices import Sex

    return _persons().visible_to(user).reached_by(user, "registry.add_member").filter(sex=Sex.FEMALE)


@source("posyandu.pregnant", kind=PERSON)
def _posyandu_pregnant(user):
    # Women of 10–55 years the user may record for, not already followed in an ongoing pregnancy.
    import datetime

    from gotong.registry.choices import Sex

    today = timezone.localdate()
    youngest = today - datetime.timedelta(days=round(10 * 365.25))
    oldest = today - datetime.timedelta(days=round(56 * 365.25))
    persons = _persons().visible_to(user).reached_by(user, "registry.add_member")
    return persons.filter(sex=Sex.FEMALE, birth_date__lte=youngest, birth_date__gt=oldest).exclude(
        pregnancies__outcome=""
    )


@source("organizations.person", kind=PERSON)
def _member_person(user, organization):
    return _persons().visible_to(user)


@source("organizations.account", kind=USER)
def _member_account(user, organization):
    from gotong.organizations.models import Organization
    from gotong.organizations.people import addable_accounts

    found = Organization.objects.visible_to(user).filter(pk=organization).first()
    return addable_accounts(user, found) if found is not None else _users_none()


@source("programs.enrol", kind=PERSON)
def _enrol(user, cohort):
    from gotong.programs.models import Cohort

    found = Cohort.objects.visible_to(user).filter(public_id=cohort).first()
    if found is None:
        return _persons().none()
    return _persons().visible_to(user).exclude(pk__in=found.enrolments.values("person_id"))


@source("wastebank.member", kind=PERSON)
def _bank_member(user, bank):
    # People of the bank's kecamatan the user may see, not yet members.
    from gotong.core.area_codes import district_code
    from gotong.wastebank.models import WasteBank

    found = WasteBank.objects.visible_to(user).filter(pk=bank).first()
    if found is None:
        return _persons().none()
    return (
        _persons().visible_to(user).in_area(district_code(found.area_code)).exclude(waste_bank_memberships__bank=found)
    )


@source("treasury.member", kind=PERSON)
def _treasury_member(user, organization):
    from gotong.core.policy import can
    from gotong.treasury.models import Member, Treasury

    found = Treasury.objects.filter(pk=organization).first()
    if found is None or not can(user, "treasury.record", found):
        return _persons().none()
    already = Member.objects.filter(organization=found).values("person_id")
    return _persons().visible_to(user).in_area(found.area_code).exclude(pk__in=already)


@source("participation.resident", kind=PERSON)
def _aspiration_resident(user):
    """The resident an officer, RT head or facilitator records an aspiration for: a person of the areas where
    `participation.raise` reaches (`participation.services.aspirations.raise_aspiration` checks the same)."""
    return _persons().visible_to(user).reached_by(user, "participation.raise")
