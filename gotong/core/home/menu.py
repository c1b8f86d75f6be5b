"""The main menu of someone who works in a few modules (organisation staff, residents, partners): those modules as
direct links, everything else they may open under "Lainnya". Area workers (city officers, facilitators) work in
nearly every module and keep the grouped menus of `base.html`.

"Works in" is read from the access policy: the module's record capability reaches a named record, or its view
capability reaches the user's own records (a resident's household, savings, children, RT's gotong royong).
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from gotong.accounts.roles import Role
from gotong.core.policy.decide import reaches


@dataclass(frozen=True)
class Module:
    label: str
    url_name: str
    view: str
    work: str | None  # the capability of doing the module's daily work; None: reading is the work


MODULES = (
    Module(_("Posyandu"), "posyandu:home", "posyandu.view", "posyandu.record"),
    Module(_("Bank sampah"), "wastebank:home", "wastebank.view", "wastebank.record"),
    Module(_("Kas & simpan pinjam"), "treasury:home", "treasury.view", "treasury.record"),
    Module(_("Pendampingan kasus"), "casework:home", "casework.view", "casework.open"),
    Module(_("Gotong royong"), "activities:home", "activities.view", "activities.record"),
    Module(_("Program pemberdayaan"), "programs:home", "programs.view", "programs.manage"),
    Module(_("Rumah tangga"), "registry:household-list", "registry.view", "registry.record"),
    Module(_("Organisasi"), "organizations:list", "organizations.view", "organizations.manage"),
    Module(_("Kesepakatan & kegiatan"), "collaboration:agreement-list", "collaboration.view", "collaboration.record"),
    Module(_("Forum & pertemuan"), "collaboration:forum-list", "collaboration.view", "collaboration.record"),
    Module(_("Wilayah"), "areas:browse", "areas.view", "areas.manage"),
    Module(_("Kumuh"), "slums:list", "slums.view", "slums.record"),
    Module(_("Modal sosial"), "socialcapital:home", "socialcapital.view", "socialcapital.record"),
    Module(_("Aspirasi"), "participation:aspiration-list", "participation.view", "participation.raise"),
    Module(_("Perencanaan bersama"), "participation:planning-list", "participation.view", "participation.support"),
    Module(_("Dasbor"), "dashboards:home", "dashboards.view", None),
)
GROUPED = (Role.CITY_OFFICER, Role.FACILITATOR)


@dataclass(frozen=True)
class Menu:
    grouped: bool
    main: tuple = ()
    more: tuple = ()


def _works_in(user, module: Module) -> bool:
    if module.work is None:
        seen = reaches(user, module.view)
        return bool(seen.everything or seen.area_codes or seen.organization_area_codes or seen.aggregate)
    done = reaches(user, module.work)
    return done.named or reaches(user, module.view).own


def menu_for(user) -> Menu:
    if user.is_superuser or user.role in GROUPED:
        return Menu(grouped=True)
    main, more = [], []
    for module in MODULES:
        if not reaches(user, module.view):
            continue
        link = (module.label, reverse(module.url_name))
        (main if _works_in(user, module) else more).append(link)
    return Menu(grouped=False, main=tuple(main), more=tuple(more))
