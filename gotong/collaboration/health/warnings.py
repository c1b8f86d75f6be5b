"""Warnings a facilitator acts on, each pointing at the record to open. Judged on `today`, not on the period:
a warning is about what to do now."""

import datetime
from dataclasses import dataclass

from django.db.models import F, Max, Q, Window
from django.db.models.functions import RowNumber
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from gotong.collaboration.health.period import _add_months
from gotong.collaboration.health.scope import Collaboration
from gotong.collaboration.models import Forum, ForumKind, Meeting, PhotoStage, ProjectStatus
from gotong.collaboration.services import overdue_commitments
from gotong.collaboration.services.targets import target_status, with_current_values
from gotong.core.dates import short_date
from gotong.core.numbers import decimal_text
from gotong.organizations.models import Organization

DEFAULT_QUIET_MONTHS = 3
MISSED_IN_A_ROW = 3


@dataclass(frozen=True)
class Warning:
    kind: str
    message: str
    url: str
    on: datetime.date | None = None  # what sorts the most pressing first (oldest)


def forums_without_recent_meeting(collab: Collaboration, today: datetime.date, months: int = DEFAULT_QUIET_MONTHS):
    """Routine forums whose last meeting (up to today) is more than `months` months ago, or that never met.
    Incidental forums meet when needed and are not warned about."""
    line = _add_months(today.replace(day=1), -months).replace(day=min(today.day, 28))
    forums = (
        collab.forums()
        .filter(kind=ForumKind.ROUTINE)
        .annotate(last=Max("meetings__held_on", filter=Q(meetings__held_on__lte=today)))
        .order_by("name")
    )
    found = []
    for forum in forums:
        last = forum.last
        if last is None or last < line:
            message = (
                _("%(forum)s belum pernah bertemu.") % {"forum": forum.name}
                if last is None
                else _("%(forum)s tidak bertemu sejak %(date)s (lebih dari %(months)s bulan).")
                % {"forum": forum.name, "date": short_date(last), "months": months}
            )
            found.append(Warning("quiet_forum", message, reverse("collaboration:forum-detail", args=[forum.pk]), last))
    return found


def actors_missing_meetings(collab: Collaboration):
    """Organisations absent from the last three meetings of a forum they were invited to (attendance taken).

    The database numbers each organisation's invitations per forum, newest first, and returns only the last
    three of each (a city holds tens of thousands of invitations); names are read for the warnings found."""
    pair = [F("meeting__forum_id"), F("organization_id")]
    newest_first = [F("meeting__held_on").desc(), F("meeting_id").desc()]
    recent = (
        collab.participants()
        .filter(organization__isnull=False, attended__isnull=False, person__isnull=True, name="")
        .annotate(
            forum_pk=F("meeting__forum_id"),
            rank=Window(RowNumber(), partition_by=pair, order_by=newest_first),
        )
        .filter(rank__lte=MISSED_IN_A_ROW)
        .order_by()
        .values_list("forum_pk", "organization_id", "rank", "attended", "meeting_id")
    )
    latest: dict[tuple, list] = {}
    for forum_id, organization_id, rank, attended, meeting_id in recent:
        latest.setdefault((forum_id, organization_id), []).append((rank, attended, meeting_id))
    missed = {
        key: min(rows)[2]  # the newest meeting missed
        for key, rows in sorted(latest.items())
        if len(rows) == MISSED_IN_A_ROW and not any(attended for _rank, attended, _meeting in rows)
    }
    if not missed:
        return []
    organizations = dict(Organization.objects.filter(pk__in={org for _forum, org in missed}).values_list("pk", "name"))
    forums = dict(Forum.objects.filter(pk__in={forum for forum, _org in missed}).values_list("pk", "name"))
    held = dict(Meeting.objects.filter(pk__in=missed.values()).values_list("pk", "held_on"))
    found = []
    for (forum_id, organization_id), meeting_id in missed.items():
        message = _("%(org)s tidak hadir %(n)s pertemuan berturut-turut di %(forum)s (terakhir %(date)s).") % {
            "org": organizations[organization_id],
            "n": MISSED_IN_A_ROW,
            "forum": forums[forum_id],
            "date": short_date(held[meeting_id]),
        }
        url = reverse("collaboration:meeting-detail", args=[meeting_id])
        found.append(Warning("missing_actor", message, url, held[meeting_id]))
    return found


def overdue_commitment_warnings(collab: Collaboration, today: datetime.date):
    """Commitments still open after their due date (`services.overdue_commitments`)."""
    late = overdue_commitments(collab.commitments(), today).select_related("actor").order_by("due_on", "pk")
    return [
        Warning(
            "overdue_commitment",
            _("Komitmen %(org)s lewat tenggat %(date)s: %(what)s")
            % {"org": c.actor.name, "date": short_date(c.due_on), "what": Truncator(c.what).chars(80)},
            reverse("collaboration:agreement-detail", args=[c.agreement_id]),
            c.due_on,
        )
        for c in late
    ]


def targets_behind(collab: Collaboration, today: datetime.date):
    """Shared targets whose progress lags the time passed toward their target year (`target_status` "behind")."""
    found = []
    for target in with_current_values(collab.targets()).order_by("target_year", "title"):
        status = target_status(target, today)
        if status["status"] == "behind":
            message = _("Sasaran %(title)s tertinggal: capaian %(done)s%% dari %(expected)s%% yang diharapkan.") % {
                "title": target.title,
                "done": decimal_text(status["percent"], 1),
                "expected": decimal_text(status["expected"], 1),
            }
            found.append(Warning("target_behind", message, reverse("collaboration:target-detail", args=[target.pk])))
    return found


def projects_without_after_photo(collab: Collaboration):
    """Projects marked done that have no "after" photo: the small win is not yet shown."""
    projects = (
        collab.projects()
        .filter(status=ProjectStatus.DONE)
        .exclude(photos__stage=PhotoStage.AFTER)
        .order_by("year", "name")
    )
    return [
        Warning(
            "no_after_photo",
            _("Kegiatan %(name)s (%(year)s) selesai tanpa foto sesudah.") % {"name": p.name, "year": p.year},
            reverse("collaboration:project-detail", args=[p.pk]),
        )
        for p in projects
    ]


def all_warnings(collab: Collaboration, today: datetime.date, quiet_months: int = DEFAULT_QUIET_MONTHS) -> list:
    """Every warning, grouped in the order a facilitator works through them."""
    return [
        *forums_without_recent_meeting(collab, today, quiet_months),
        *actors_missing_meetings(collab),
        *overdue_commitment_warnings(collab, today),
        *targets_behind(collab, today),
        *projects_without_after_photo(collab),
    ]


def warning_count_text(count: int) -> str:
    return ngettext("%(n)s peringatan", "%(n)s peringatan", count) % {"n": count}


def top_warnings(user, today: datetime.date, shown: int) -> tuple[list[Warning] | None, int]:
    """For the home pages: the first `shown` warnings over everything the user may see, and how many there are;
    None when the user sees no collaboration at all (the home then shows no link to the health page)."""
    from gotong.core.policy import may_somewhere

    if not may_somewhere(user, "collaboration.view"):
        return None, 0
    found = all_warnings(Collaboration.everything(user), today)
    return found[:shown], len(found)
