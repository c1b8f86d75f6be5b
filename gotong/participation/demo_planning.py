"""Demo data for planning together: one round per demo city, with proposals and residents' supports.

Kampung Bugis (Tanjungpinang, seed 004): the RPLP rembug of RW 006 before the 2018 works. The seed reports the
concrete roads of RT 002 and RT 003 RW 006 and the RTLH repairs (its Tabel 2 and 3) as the KOTAKU action plan's
outcomes; it does not report the rembug itself, so the round's dates, the proposals' wording, the unchosen proposal
and the support counts are illustrative (chosen). Its chosen proposals are linked to the demo's projects of
those works (`collaboration.demo`), so the chain proposal → project → status is visible on real demo records.
26 Ilir (Palembang, seed 002): an open round of RW 005 (Kampung Sayur Cempako), where the `warga` login lives and
can support. Medan and Pekanbaru: a musrenbang kelurahan closed this year and an open RW round; all illustrative.

`load_planning_demo()` is idempotent (a round is made once, by its title).
"""

import datetime

from django.db import transaction
from django.utils import timezone

from gotong.areas.models import Area
from gotong.areas.services import ensure_neighbourhood_unit
from gotong.collaboration.models import Project
from gotong.participation.models import Aspiration, AspirationCategory, AspirationStatus, PlanningRound, RoundKind
from gotong.participation.services import planning as services
from gotong.registry.models import Person

# The aspiration behind the first proposal, so the demo shows the whole chain aspiration → proposal → project.
# Made here, at RT 002 RW 006, with a number of its own ("DEMO-…") that no numbering of real aspirations produces.
ROAD_ASPIRATION = ("DEMO-RPLP-2017-01", "Jalan lingkungan RT 002 RW 006 rusak dan tergenang tiap air pasang.")


def _rounds(today: datetime.date):
    """(title, kind, village, RW or None, opens, closes, closed?, [(proposal, supporters, chosen, project name
    [, aspiration])])."""
    recent = today - datetime.timedelta(days=60)
    return (
        ("Rembug warga RPLP RW 006 Kampung Bugis 2017", RoundKind.RPLP, "21.72.03.1005", 6,
         datetime.date(2017, 9, 1), datetime.date(2017, 10, 31), True, (
             ("Jalan beton RT 002 RW 006", 14, True, "Jalan beton RT 002 RW 006", ROAD_ASPIRATION),
             ("Jalan beton RT 003 RW 006", 11, True, "Jalan beton RT 003 RW 006"),
             ("Rehab rumah tidak layak huni RT 003 dan RT 004 RW 006", 9, True, None),
             ("Sumur bor umum RT 001 RW 006", 3, False, None),
         )),
        ("Usulan warga RW 005 26 Ilir (Kampung Sayur Cempako)", RoundKind.REMBUG, "16.71.11.1005", 5,
         today - datetime.timedelta(days=10), today + datetime.timedelta(days=20), False, (
             ("Perluasan kebun sayur bersama RT 017", 6, False, None),
             ("Lampu jalan Lorong Cempako", 4, False, None),
             ("Tong sampah terpilah untuk setiap gang", 2, False, None),
         )),
        ("Musrenbang Kelurahan Belawan Bahari", RoundKind.MUSRENBANG, "12.71.08.1004", None,
         recent - datetime.timedelta(days=30), recent, True, (
             ("Perbaikan pelantar Lorong Bahari", 8, True, None),
             ("Pelatihan pengolahan ikan untuk ibu-ibu nelayan", 5, False, None),
         )),
        ("Usulan warga RW 001 Pesisir", RoundKind.RPLP, "14.71.04.1003", 1,
         today - datetime.timedelta(days=5), today + datetime.timedelta(days=25), False, (
             ("Drainase Gg. Tepian", 5, False, None),
             ("Hydrant dan APAR untuk gang padat", 3, False, None),
         )),
    )  # fmt: skip


def _adults(area_code: str, today: datetime.date, count: int) -> list[Person]:
    born_before = today.replace(year=today.year - 17)
    return list(
        Person.objects.filter(area_code__startswith=f"{area_code}.", birth_date__lte=born_before).order_by("pk")[:count]
    )


def _aspiration(village: Area, spec, acting_user) -> Aspiration:
    number, text = spec
    rt = ensure_neighbourhood_unit(village, 6, 2)
    existing = Aspiration.objects.filter(number=number).first()
    if existing is not None:
        return existing
    aspiration = Aspiration(number=number, area=rt, category=AspirationCategory.INFRASTRUCTURE, text=text,
                            status=AspirationStatus.DONE, raised_by=acting_user)  # fmt: skip
    aspiration.save()
    return aspiration


@transaction.atomic
def load_planning_demo(*, acting_user) -> int:
    """Make the demo rounds that do not exist yet; returns how many were made."""
    today = timezone.localdate()
    made = 0
    for title, kind, village_code, rw, opens_on, closes_on, closed, proposals in _rounds(today):
        if PlanningRound.objects.filter(title=title).exists():
            continue
        village = Area.objects.filter(code=village_code).first()
        if village is None:
            continue
        area = ensure_neighbourhood_unit(village, rw) if rw else village
        planning_round = services.open_round(title=title, kind=kind, area=area, opens_on=opens_on,
                                             closes_on=closes_on, acting_user=acting_user)  # fmt: skip
        made += 1
        voting_day = min(closes_on, today)
        rows = []
        for proposal_title, supporters, chosen, project_name, *origin in proposals:
            aspiration = _aspiration(village, origin[0], acting_user) if origin else None
            proposal = services.add_proposal(planning_round, title=proposal_title, aspiration=aspiration,
                                             acting_user=acting_user)  # fmt: skip
            for person in _adults(area.code, today, supporters):
                services.record_support(proposal, person, today=voting_day)
            rows.append((proposal, chosen, project_name))
        if not closed:
            continue
        services.close_round(planning_round, acting_user=acting_user, today=closes_on)
        chosen = [proposal for proposal, is_chosen, _name in rows if is_chosen]
        services.choose_proposals(planning_round, chosen=chosen, acting_user=acting_user)
        for proposal, is_chosen, project_name in rows:
            project = Project.objects.filter(name=project_name).first() if project_name else None
            if is_chosen and project is not None:
                proposal.refresh_from_db()
                services.link_project(proposal, project, acting_user=acting_user)
    return made
