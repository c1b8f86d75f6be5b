"""The public portal's view of planning together: the chosen proposals of a city or village and what became of them.

Titles and statuses only (the facilitator words a proposal's title; the form says it is public once chosen), never
who proposed or supported it; support counts are counts of persons and go through the portal's small-count rule.
"""

from django.db.models import Count
from django.utils.translation import gettext as _

from gotong.collaboration.models import ProjectStatus
from gotong.core.area_codes import village_code
from gotong.core.scoping import area_code_filter
from gotong.participation.models import Proposal, ProposalStatus
from gotong.portal.suppression import publish_count


def chosen_proposals(area) -> dict:
    """Rows (title, village, round, year, project status, photos, supports) and counts for the area's page."""
    from gotong.areas.models import Area

    proposals = (
        Proposal.objects.filter(area_code_filter([area.code]), status=ProposalStatus.CHOSEN)
        .select_related("round", "project")
        .annotate(support_count=Count("supports", distinct=True), photo_count=Count("project__photos", distinct=True))
        .order_by("-round__closes_on", "title", "pk")
    )
    rows = list(proposals)
    villages = dict(Area.objects.filter(code__in={village_code(p.area_code) for p in rows}).values_list("code", "name"))
    statuses = dict(ProjectStatus.choices)
    result = []
    for proposal in rows:
        project = proposal.project
        result.append(
            {
                "title": proposal.title,
                "village": villages.get(village_code(proposal.area_code), ""),
                "round_kind": proposal.round.get_kind_display(),
                "year": proposal.round.closes_on.year,
                "project_status": statuses.get(project.status, project.status) if project else _("Belum dikerjakan"),
                "project_done": bool(project and project.status == ProjectStatus.DONE),
                "photos": proposal.photo_count if project else 0,
                "supports": publish_count(proposal.support_count),
            }
        )
    return {
        "rows": result,
        "chosen": len(result),
        "with_project": sum(1 for p in rows if p.project_id),
        "done": sum(1 for r in result if r["project_done"]),
    }
