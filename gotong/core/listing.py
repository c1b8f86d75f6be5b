"""Pages of a long list without counting it: fetch one row more than a page to know whether a next page exists.

`COUNT(*)` over millions of rows costs more than the page itself, on every click. These pages show
"Sebelumnya / Halaman n / Berikutnya" instead of "Halaman n dari N". Small lists may keep Django's Paginator.
"""

from collections.abc import Sequence

from django.conf import settings


class CheapPage(Sequence):
    """Quacks like a Django Page for templates: iterate it, ask has_next/has_previous/number."""

    counts_total = False

    def __init__(self, object_list: list, number: int, has_next: bool, page_size: int):
        self.object_list = object_list
        self.number = number
        self._has_next = has_next
        self.page_size = page_size

    def __getitem__(self, index):
        return self.object_list[index]

    def __len__(self):
        return len(self.object_list)

    def has_next(self) -> bool:
        return self._has_next

    def has_previous(self) -> bool:
        return self.number > 1

    def has_other_pages(self) -> bool:
        return self.has_next() or self.has_previous()

    def next_page_number(self) -> int:
        return self.number + 1

    def previous_page_number(self) -> int:
        return self.number - 1

    def start_index(self) -> int:
        return (self.number - 1) * self.page_size + 1 if self.object_list else 0


def page_number(value) -> int:
    """Page numbers from the query string; anything odd means the first page, as Paginator.get_page does."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return 1
    return max(number, 1)


def cheap_page(queryset, number, page_size: int | None = None) -> CheapPage:
    """The `number`th page of an ordered queryset, with one extra row fetched to tell if there is a next page."""
    size = page_size or settings.GOTONG_PAGE_SIZE
    number = page_number(number)
    offset = (number - 1) * size
    rows = list(queryset[offset : offset + size + 1])
    if not rows and number > 1:
        # Past the end (an old link): show the first page rather than an empty one.
        return cheap_page(queryset, 1, size)
    return CheapPage(rows[:size], number, len(rows) > size, size)


def filter_wilayah(queryset, filters, field: str = "area_code"):
    """`?wilayah=<area code>`: keep records in that area or below it (prefix rule), so dashboards can link down.

    Narrows an already scoped queryset; it never widens what the user may see.
    """
    code = str(filters.get("wilayah", "")).strip()
    if not code:
        return queryset
    if field == "area_code" and hasattr(queryset, "in_area"):
        return queryset.in_area(code)
    from gotong.core.scoping import area_code_filter

    return queryset.filter(area_code_filter([code], field=field))


# The list page of every module, as (URL name, arguments): "bank" stands for a waste bank's id. Tests walk them all
# (each accepts ?wilayah=) and `gotong bench dashboards` times their first page at city scale.
LIST_PAGES = (
    ("registry:household-list", ()),
    ("organizations:list", ()),
    ("slums:list", ()),
    ("collaboration:agreement-list", ()),
    ("collaboration:project-list", ()),
    ("collaboration:forum-list", ()),
    ("collaboration:target-list", ()),
    ("collaboration:sharing-list", ()),
    ("wastebank:members", ("bank",)),
    ("treasury:home", ()),
    ("posyandu:child-list", ()),
    ("posyandu:session-list", ()),
    ("activities:home", ()),
    ("activities:norms", ()),
    ("programs:home", ()),
    ("programs:left-out", ()),
    ("casework:list", ()),
    ("socialcapital:home", ()),
)


def search_text(queryset, text: str, *, contains: tuple[str, ...], number_prefix: tuple[str, ...] = ()):
    """Rows where one of the `contains` fields holds `text`, or, when `text` is a number (spaces and dots allowed,
    as NIK and KK are written), one of the `number_prefix` fields starts with its digits.

    Fields may cross to related rows (`members__name`): a row matching through several of them comes once.

    Each field is its own branch and the row ids are their UNION, so each branch reads its own index: on
    PostgreSQL the trigram indexes of names and addresses (`registry` migration `name_trigram_indexes`) answer
    `UPPER(name) LIKE '%…%'`, and a text nobody has ("Zzyzx") is known absent from the index alone, where one
    join with an OR between tables had to walk every household of the city. SQLite reads each branch in full,
    with the same result.
    """
    text = str(text or "").strip()
    if not text:
        return queryset
    branches = [_ids_where(queryset.model, name, "icontains", text) for name in contains]
    digits = text.replace(" ", "").replace(".", "")
    if digits.isdigit():
        branches += [_ids_where(queryset.model, name, "startswith", digits) for name in number_prefix]
    if not branches:
        return queryset.none()
    matching = branches[0].union(*branches[1:]) if len(branches) > 1 else branches[0]
    return queryset.filter(pk__in=matching)


def _ids_where(model, path: str, lookup: str, value: str):
    """Ids of `model` rows whose `path` matches. `members__name` (a reverse foreign key) reads the members' table
    alone for their foreign key, with no join back; the outer queryset (scope, order) does that once."""
    relation, _sep, rest = path.partition("__")
    field = model._meta.get_field(relation)
    if rest and "__" not in rest and field.one_to_many:
        related = field.related_model._default_manager.order_by()
        return related.filter(**{f"{rest}__{lookup}": value}).values(field.field.attname)
    return model._default_manager.order_by().filter(**{f"{path}__{lookup}": value}).values("pk")
