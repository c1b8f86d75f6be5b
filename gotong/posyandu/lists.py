"""The under-five and session lists as functions the pages and their XLSX/CSV exports both call."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gotong.core.listing import CheapPage, filter_wilayah, search_text, seek_page
from gotong.exports.specs import DATE, DECIMAL, INT, BatchedRows, Column, ListExport, register
from gotong.posyandu import classification, growth
from gotong.posyandu.models import Child, Session
from gotong.posyandu.overview import latest_weighings

# Children read per round trip when a whole list is exported: one query for their last weighings each time.
CHUNK = 2000


def children_for_list(user, filters, today=None):
    """Children the user may see, of one posyandu (`posyandu`), by name (`q`), current ones unless `semua=1`.

    In the order of their posyandu's area code, then posyandu, then name: what a cadre expects of one posyandu,
    and for a whole city an order PostgreSQL reads from the area-code index (bytewise codes, scope as one index
    range: `AreaCodeField`, `area_code_filter`), sorting one posyandu at a time.
    """
    today = today or timezone.localdate()
    children = filter_wilayah(Child.objects.visible_to(user).select_related("person", "posyandu"), filters)
    posyandu_id = str(filters.get("posyandu", ""))
    if posyandu_id.isdigit():
        children = children.filter(posyandu_id=int(posyandu_id))
    # By name: the registry's trigram index first, row by row in the list's order when the name is common.
    children = search_text(children, filters.get("q", ""), contains=("person__name",))
    if filters.get("semua") != "1":
        children = children.current(today)
    return children.order_by("area_code", "posyandu__name", "posyandu_id", "person__name", "pk")


def with_last_weighing(children: list[Child], today) -> list[dict]:
    """A row per child: age, last weighing (one query for all of them) and whether it needs attention."""
    latest = latest_weighings(child.pk for child in children)
    rows = []
    for child in children:
        last = latest.get(child.pk)
        alerts = bool(last) and (
            bool((last.reasons or {}).get("waz"))
            or any(getattr(last, f"{n}_class") not in ("", "normal") for n in growth.INDICATORS)
        )
        age = growth.age_in_months((today - child.person.birth_date).days)
        rows.append({"child": child, "age_months": age, "last": last, "alerts": alerts})
    return rows


class ChildRows(BatchedRows):
    """The list's rows, fetched lazily: a page of them for the page, all of them a batch at a time for an export,
    each child with its last weighing (one query per page or batch)."""

    def __init__(self, queryset, today):
        super().__init__(queryset, lambda children: with_last_weighing(children, today), batch_size=CHUNK)

    def page(self, params) -> CheapPage:
        page = seek_page(self.queryset, params)
        page.object_list = self.complete(page.object_list)
        return page


def child_rows(user, filters, today=None) -> ChildRows:
    today = today or timezone.localdate()
    return ChildRows(children_for_list(user, filters, today), today)


def _last(attribute):
    return lambda row: getattr(row["last"], attribute) if row["last"] else None


def _indicator_columns(name):
    label = classification.INDICATOR_LABELS[name]
    return [
        Column(label, _last(name), DECIMAL),
        Column(
            _("Status %(indicator)s") % {"indicator": name.upper()},
            lambda r: classification.label(name, getattr(r["last"], f"{name}_class") or None) if r["last"] else "",
        ),
    ]


register(
    ListExport(
        key="posyandu.children",
        title=_("Balita"),
        filename="balita",
        rows=child_rows,
        columns=[
            Column(_("Nama"), lambda r: r["child"].person.name),
            Column(_("Jenis kelamin"), lambda r: r["child"].person.get_sex_display()),
            Column(_("Posyandu"), lambda r: r["child"].posyandu.name),
            Column(_("Umur (bulan)"), lambda r: r["age_months"], INT),
            Column(_("Bulan timbang terakhir"), _last("month"), DATE),
            Column(_("Berat (kg)"), _last("weight_kg"), DECIMAL),
            *[column for name in growth.INDICATORS for column in _indicator_columns(name)],
        ],
    )
)


# The session page shows the latest opening days only; the export holds the same ones.
SESSION_LIST_LIMIT = 120


def session_rows(user, filters) -> list:
    """Opening days of the posyandu the user may see, newest first."""
    sessions = filter_wilayah(Session.objects.visible_to(user).select_related("posyandu"), filters)
    return list(sessions.order_by("-held_on", "posyandu__name")[:SESSION_LIST_LIMIT])


register(
    ListExport(
        key="posyandu.sessions",
        title=_("Hari buka posyandu"),
        filename="hari-buka-posyandu",
        rows=session_rows,
        columns=[
            Column(_("Tanggal"), lambda s: s.held_on, DATE),
            Column(_("Posyandu"), lambda s: s.posyandu.name),
            Column(_("Tempat"), lambda s: s.place),
        ],
    )
)
