"""The contract between the monthly report and the modules that fill it: a section is a titled table."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django.db.models import QuerySet


@dataclass
class ReportSection:
    key: str  # stable identifier, e.g. "immunisation"; also the XLSX sheet name's source
    title: str  # translated, e.g. _("Imunisasi")
    headers: list[str]
    rows: list[list] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # definitions and sources shown under the table


# Called with the posyandus (organizations of kind posyandu) already scoped to the viewer, and the month's first day.
SectionBuilder = Callable[[QuerySet, date], ReportSection]

_BUILDERS: list[tuple[int, SectionBuilder]] = []


def register_section(order: int) -> Callable[[SectionBuilder], SectionBuilder]:
    """Decorator: add a builder; sections appear by `order` (weighing 10, immunisation 20, vitamin A 30, …)."""

    def decorate(builder: SectionBuilder) -> SectionBuilder:
        _BUILDERS.append((order, builder))
        _BUILDERS.sort(key=lambda item: item[0])
        return builder

    return decorate


def build_sections(posyandus: QuerySet, month: date) -> list[ReportSection]:
    return [builder(posyandus, month) for _order, builder in _BUILDERS]
