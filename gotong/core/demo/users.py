"""One demo login per role, each with the scope its role would have in real work."""

from dataclasses import dataclass
from datetime import date

from django.contrib.auth.hashers import make_password

from gotong.accounts.models import User
from gotong.accounts.roles import Role
from gotong.areas.models import Area
from gotong.areas.services import assign_work_area
from gotong.core.demo.members import Resident
from gotong.core.demo.places import ILIR_26, KAMPUNG_BUGIS
from gotong.organizations.choices import MemberRole
from gotong.organizations.models import Membership, Organization

DEMO_PASSWORD = "gotong-demo"
PEKANBARU_VILLAGES = ("14.71.04.1003", "14.71.04.1002", "14.71.13.1003")


@dataclass(frozen=True)
class DemoUser:
    username: str
    role: str
    first_name: str = ""
    last_name: str = ""
    areas: tuple[str, ...] = ()
    organization: str | None = None  # key in organizations.ORGANIZATIONS
    member_role: str = MemberRole.STAFF
    person: str | None = None  # key in members.pick_user_persons: the name comes from that registry person


DEMO_USERS = (
    DemoUser("admin", Role.CITY_OFFICER, "Agus", "Salim"),
    DemoUser("kota", Role.CITY_OFFICER, "Siti", "Rahmawati", ("21.72",), "perkim"),
    DemoUser("kotamedan", Role.CITY_OFFICER, "Rudi", "Hutapea", ("12.71",), "dinsos_medan"),
    DemoUser("faskel", Role.FACILITATOR, "Budi", "Santoso", (KAMPUNG_BUGIS,), "korkot"),
    DemoUser("pendamping", Role.FACILITATOR, "Rina", "Marlina", (ILIR_26,)),
    DemoUser("psm", Role.FACILITATOR, "Yusuf", "Effendi", PEKANBARU_VILLAGES),
    DemoUser("kader", Role.ORG_STAFF, organization="posyandu_melati", member_role=MemberRole.CADRE, person="kader"),
    DemoUser(
        "banksampah", Role.ORG_STAFF, "Maimunah", "Siregar", organization="bank_sampah", member_role=MemberRole.MANAGER
    ),
    DemoUser("bendahara", Role.ORG_STAFF, organization="cempako", member_role=MemberRole.TREASURER, person="bendahara"),
    DemoUser("mitra", Role.PARTNER, "Dewi", "Lestari", organization="bri"),
    DemoUser("warga", Role.RESIDENT, person="warga"),
    # A resident who joined Kampung Sayur Cempako as a plain member: takes part, manages nothing.
    DemoUser("anggota", Role.RESIDENT, "Lina", "Marpaung", organization="cempako", member_role=MemberRole.MEMBER),
)


def split_name(name: str) -> tuple[str, str]:
    """First and last name for the user record; a title ("Kms.", "Andi") stays with the first name."""
    words = name.split()
    cut = 2 if len(words) > 2 and (words[0].endswith(".") or words[0] == "Andi") else 1
    return " ".join(words[:cut]), " ".join(words[cut:])


def ensure_admin() -> User:
    spec = DEMO_USERS[0]
    user = User.objects.filter(username=spec.username).first()
    if user is None:
        user = User(username=spec.username, role=spec.role, first_name=spec.first_name, last_name=spec.last_name)
        user.is_superuser = user.is_staff = True
        user.password = make_password(DEMO_PASSWORD)
        user.save()
    return user


def ensure_users(
    admin: User,
    organizations: dict[str, Organization],
    residents: dict[str, Resident | None],
    person_ids: dict[str, int],
) -> None:
    """Get or create the demo logins with their work areas and memberships."""
    # One Argon2 hash for all: hashing is deliberately slow and the password is public anyway.
    password = make_password(DEMO_PASSWORD)
    for spec in DEMO_USERS[1:]:
        resident = residents.get(spec.person) if spec.person else None
        first, last = split_name(resident.person.name) if resident else (spec.first_name, spec.last_name)
        user = User.objects.filter(username=spec.username).first()
        if user is None:
            user = User(username=spec.username, role=spec.role, first_name=first, last_name=last)
            if spec.role == Role.RESIDENT and resident:
                user.person_id = person_ids[resident.person.nik]
            user.password = password
            user.save()
        for code in spec.areas:
            assign_work_area(user, Area.objects.get(code=code), acting_user=admin)
        if spec.organization:
            Membership.objects.get_or_create(
                organization=organizations[spec.organization],
                user=user,
                role=spec.member_role,
                defaults={
                    "person_id": person_ids[resident.person.nik] if resident else None,
                    "started_on": date(2023, 1, 9),
                },
            )


def login_rows() -> list[tuple[str, str, str, str]]:
    """(username, role, scope, password) for each demo login that exists, for the command's table."""
    users = {
        u.username: u
        for u in User.objects.filter(username__in=[s.username for s in DEMO_USERS]).select_related("person")
    }
    rows = []
    for spec in DEMO_USERS:
        user = users.get(spec.username)
        if user is not None:
            rows.append((user.username, Role(user.role).label, _scope(user), DEMO_PASSWORD))
    return rows


def _scope(user: User) -> str:
    if user.is_superuser:
        return "Semua wilayah (superuser)"
    if user.role in (Role.CITY_OFFICER, Role.FACILITATOR):
        areas = Area.objects.filter(pk__in=user.work_assignments.values("area_id")).order_by("code")
        return ", ".join(f"{a.name} ({a.code})" for a in areas) or "-"
    names = list(Membership.objects.active().filter(user=user).values_list("organization__name", flat=True))
    if user.role == Role.PARTNER:
        return f"{', '.join(names)}; hanya agregat" if names else "Hanya agregat"
    if user.role == Role.RESIDENT:
        return f"KK sendiri: {user.person.household.address}" if user.person_id else "-"
    return ", ".join(names) or "-"
