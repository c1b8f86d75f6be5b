"""What one collaboration is, as the health page measures it: a forum, or a village's whole set.

- A **forum**'s collaboration: its own meetings (attendance, decisions) and the agreements, commitments, data
  sharing, targets, plans, projects and slum locations recorded inside the forum's area.
- A **village**'s collaboration: the same records inside the village, with the meetings of every forum there.
- With no forum and no area (`everything`), all the user may see: what the home page's warnings read.

Every record is read through `visible_to(user)`: a health page never shows what the collaboration pages would not.
"""

from dataclasses import dataclass

from django.db.models import Q

from gotong.areas.models import Area
from gotong.collaboration.models import (
    Activity,
    Agreement,
    Commitment,
    DataSharing,
    Decision,
    Forum,
    Meeting,
    Participant,
    Project,
    ProjectBudget,
    Target,
)
from gotong.core.scoping import area_code_filter


@dataclass
class Collaboration:
    user: object
    name: str
    area: Area | None = None
    forum: Forum | None = None
    # The public portal's aggregates read every record of the area (and publish counts and rates only).
    public: bool = False

    @classmethod
    def of_forum(cls, forum: Forum, user) -> "Collaboration":
        return cls(user=user, name=forum.name, area=forum.area, forum=forum)

    @classmethod
    def of_village(cls, village: Area, user) -> "Collaboration":
        return cls(user=user, name=village.name, area=village)

    @classmethod
    def everything(cls, user) -> "Collaboration":
        return cls(user=user, name="")

    @classmethod
    def public_village(cls, village: Area) -> "Collaboration":
        return cls(user=None, name=village.name, area=village, public=True)

    @classmethod
    def public_area(cls, area: Area) -> "Collaboration":
        """Every record inside a city (or a village) for the portal, which groups them by village
        (`health.public`): the records the village's `public_village` reads, with the meetings of its forums."""
        return cls(user=None, name=area.name, area=area, public=True)

    def _records(self, model):
        return model.objects.all() if self.public else model.objects.visible_to(self.user)

    @property
    def kind(self) -> str:
        return "forum" if self.forum else ("village" if self.area else "all")

    def _inside(self, model, field_name: str = "area_code"):
        queryset = self._records(model)
        if self.area is not None:
            queryset = queryset.filter(area_code_filter([self.area.code], field=field_name))
        return queryset

    def forums(self):
        if self.forum is not None:
            return self._records(Forum).filter(pk=self.forum.pk)
        return self._inside(Forum)

    def meetings(self):
        return self._records(Meeting).filter(forum__in=self.forums())

    def participants(self):
        return self._records(Participant).filter(meeting__in=self.meetings())

    def decisions(self):
        return self._records(Decision).filter(meeting__in=self.meetings())

    def members(self):
        """The actors of the collaboration: the member organisations of its forums."""
        from gotong.organizations.models import Organization

        return Organization.objects.filter(forums__in=self.forums()).distinct()

    def agreements(self):
        return self._inside(Agreement)

    def commitments(self):
        return self._inside(Commitment)

    def data_sharing(self):
        return self._inside(DataSharing)

    def targets(self):
        return self._inside(Target)

    def activities(self):
        return self._records(Activity).filter(plan__target__in=self.targets())

    def projects(self):
        return self._inside(Project)

    def budgets(self):
        return self._records(ProjectBudget).filter(project__in=self.projects())

    def slum_locations(self):
        from gotong.slums.models import SlumLocation

        return self._inside(SlumLocation)

    def reciprocities(self):
        """What the collaboration's communities recorded giving back to their partners (filed at the community)."""
        from gotong.collaboration.models import Reciprocity

        return self._inside(Reciprocity)

    def cash_entries(self):
        from gotong.treasury.models import CashEntry

        return self._inside(CashEntry)

    def plan_approval_meetings(self):
        """Meetings of this collaboration's forums at which a plan for one of its targets was approved."""
        return self.meetings().filter(Q(approved_plans__target__in=self.targets())).distinct()
