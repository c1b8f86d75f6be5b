"""Pages of a long list without counting it and without OFFSET: each page is sought from its neighbour's edge row.

`COUNT(*)` over millions of rows costs more than the page itself, on every click, and OFFSET reads every row
before the page. These pages show "Sebelumnya / Halaman n / Berikutnya" instead of "Halaman n dari N"; the links
carry a cursor (`?setelah=` / `?sebelum=`, see `gotong.core.keyset`) so page 1 000 costs what page 1 costs.
Old `?page=N` links are still served (by OFFSET) and continue by cursor. Small lists may keep Django's Paginator.
"""

import logging
from collections.abc import Sequence

from django.conf import settings
from django.db.models import Exists, OuterRef, Q

from gotong.core import keyset

logger = logging.getLogger(__name__)

# The query-string names of a page's cursor: the page starts after this row, or ends before it.
AFTER = "setelah"
BEFORE = "sebelum"


class CheapPage(Sequence):
    """Quacks like a Django Page for templates: iterate it, ask has_next/has_previous/number, link by cursor.

    `next_cursor` / `previous_cursor` go in the links (`core/_pager.html`); a previous page that is the first one
    is linked without a cursor.
    """

    counts_total = False
    by_offset = False  # True when the list's order cannot be sought: its links carry ?page=N

    def __init__(
        self,
        object_list: list,
        number: int,
        has_next: bool,
        page_size: int,
        next_cursor: str | None = None,
        previous_cursor: str | None = None,
    ):
        self.object_list = object_list
        self.number = number
        self._has_next = has_next
        self.page_size = page_size
        self.next_cursor = next_cursor
        self.previous_cursor = previous_cursor

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
    """The `number`th page of an ordered queryset by OFFSET, one extra row fetched to tell if there is a next page.

    Kept for old `?page=N` links (`seek_page` serves them through here) and for orders no cursor can follow.
    """
    size = page_size or settings.GOTONG_PAGE_SIZE
    number = page_number(number)
    offset = (number - 1) * size
    rows = list(queryset[offset : offset + size + 1])
    if not rows and number > 1:
        # Past the end (an old link): show the first page rather than an empty one.
        return cheap_page(queryset, 1, size)
    return CheapPage(rows[:size], number, len(rows) > size, size)


def seek_page(queryset, params, page_size: int | None = None) -> CheapPage:
    """The page of an ordered queryset that `params` (the request's GET) asks for, reached by cursor.

    `?setelah=<cursor>`: the rows after that cursor's row; `?sebelum=<cursor>`: the rows before it; `?page=N`
    (old links): the Nth page by OFFSET. A cursor that is not valid for this list, or leads nowhere (its rows
    were deleted), gives the first page. The queryset's scope and filters stay as they are: a cursor only
    narrows them.
    """
    size = page_size or settings.GOTONG_PAGE_SIZE
    try:
        keys = keyset.keys_of(queryset)
    except keyset.Unkeyable as error:
        # An order no cursor can follow (a relation's own ordering, random, raw SQL) still pages, by OFFSET as
        # before cursors, rather than answering 500; the warning names it so the list gets explicit keys.
        logger.warning("list %s pages by OFFSET: its order cannot be sought (%s)", queryset.model._meta.label, error)
        page = cheap_page(queryset, params.get("page"), size)
        page.by_offset = True
        return page
    ordered = queryset.order_by(*(key.order() for key in keys))
    try:
        if params.get(AFTER):
            page = _page_after(ordered, keys, params[AFTER], size)
        elif params.get(BEFORE):
            page = _page_before(ordered, keys, params[BEFORE], size)
        else:
            page = cheap_page(ordered, params.get("page"), size)
    except keyset.BadCursor:
        page = None
    if page is None:
        page = cheap_page(ordered, 1, size)
    _link(page, keys)
    return page


def _page_after(ordered, keys, cursor: str, size: int) -> CheapPage | None:
    values, number = keyset.decode_cursor(keys, cursor)
    rows = list(keyset.seek(ordered, keys, values)[: size + 1])
    if not rows:
        return None
    return CheapPage(rows[:size], max(number, 2), len(rows) > size, size)


def _page_before(ordered, keys, cursor: str, size: int) -> CheapPage | None:
    values, number = keyset.decode_cursor(keys, cursor)
    rows = list(keyset.seek(ordered, keys, values, reverse=True)[: size + 1])
    if len(rows) <= size:
        # Back at the start: the first page itself, full, rather than the few rows before the cursor.
        return None
    return CheapPage(rows[:size][::-1], max(number, 2), True, size)


def _link(page: CheapPage, keys) -> None:
    if not page.object_list:
        return
    if page.has_next():
        page.next_cursor = keyset.encode_cursor(keys, page.object_list[-1], page.number + 1)
    if page.number > 2:
        page.previous_cursor = keyset.encode_cursor(keys, page.object_list[0], page.number - 1)


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

    For a name or address, the UNION is read first, up to FEW_MATCHES + 1 ids (one query): a rare text becomes
    that list of ids; a common one is checked row by row (an EXISTS per reverse relation) while the list is read
    in its own order, so the page stops after the rows it needs instead of joining and sorting every match. Both
    give the same rows. The walk is bounded by what the user sees: a name common nation-wide but absent from a
    city makes a city officer's search walk the city, as every search did before the trigram indexes.
    """
    text = str(text or "").strip()
    if not text:
        return queryset
    # NIK and KK numbers begin with the area's code, so their matches sit together in an area-ordered list and a
    # row-by-row walk would cross every area before them: a number is always the ids, which the B-tree ranges give.
    number = _digits(text).isdigit()
    matching = matching_ids(queryset.model, text, contains=contains, number_prefix=number_prefix, stream=not number)
    if matching is None:
        return queryset.none()
    if number:
        return queryset.filter(pk__in=matching)
    found = _few_ids(matching)
    if found is not None:
        return queryset.filter(pk__in=found)
    # A common name ("Siti": 23,000 households of Medan): collecting every id, then joining and sorting them all,
    # took 0.7-1 s; row by row in the list's own order, a page fills after a few hundred rows (3.5 % match).
    condition = Q()
    for name in contains:
        condition |= _row_condition(queryset.model, name, "icontains", text)
    return queryset.filter(condition)


def matching_ids(model, text: str, *, contains, number_prefix=(), stream: bool = True):
    """The union of each field's matching ids (one branch per field, each read from its own index), or None when
    no field applies to the text."""
    branches = [_ids_where(model, name, "icontains", text) for name in contains]
    if _digits(text).isdigit():
        branches += [_ids_where(model, name, "startswith", _digits(text)) for name in number_prefix]
    if not branches:
        return None
    # UNION ALL streams its rows, so reading the first FEW_MATCHES + 1 stops there (UNION reads every match to
    # remove repeats first); as the subquery of `IN`, UNION lets PostgreSQL plan the ids as a distinct set.
    return branches[0].union(*branches[1:], all=stream) if len(branches) > 1 else branches[0]


def _digits(text: str) -> str:
    return text.replace(" ", "").replace(".", "")


# Up to this many matches a search is a list of ids (read from the indexes, then joined); past it, the text is
# common and rows are checked one by one in the page's order until the page is full.
FEW_MATCHES = 1000


def _few_ids(matching) -> list | None:
    """The matching ids when there are at most FEW_MATCHES of them, else None; reads at most one more (a row
    matching through two fields counts twice here, which only moves the switch a little)."""
    rows = list(matching[: FEW_MATCHES + 1])
    if len(rows) > FEW_MATCHES:
        return None
    return sorted({next(iter(row.values())) for row in rows})


def _reverse_link(model, path: str):
    """(related rows, their foreign key's column, the field's name on them) when `path` is one reverse foreign key
    and a field of its rows (`members__name`), else None."""
    relation, _sep, rest = path.partition("__")
    field = model._meta.get_field(relation)
    if rest and "__" not in rest and field.one_to_many:
        return field.related_model._default_manager.order_by(), field.field.attname, rest
    return None


def _row_condition(model, path: str, lookup: str, value: str) -> Q:
    """`path` matches, as a condition on each row (an EXISTS for a reverse foreign key, so rows come once)."""
    if link := _reverse_link(model, path):
        related, column, name = link
        return Q(Exists(related.filter(**{column: OuterRef("pk"), f"{name}__{lookup}": value})))
    if _crosses_to_many(model, path):  # a join would repeat the row once per match
        return Q(pk__in=_ids_where(model, path, lookup, value))
    return Q(**{f"{path}__{lookup}": value})


def _crosses_to_many(model, path: str) -> bool:
    for name in path.split("__")[:-1]:
        field = model._meta.get_field(name)
        if field.one_to_many or field.many_to_many:
            return True
        model = field.related_model
    return False


def _ids_where(model, path: str, lookup: str, value: str):
    """Ids of `model` rows whose `path` matches. `members__name` (a reverse foreign key) reads the members' table
    alone for their foreign key, with no join back; the outer queryset (scope, order) does that once."""
    if link := _reverse_link(model, path):
        related, column, name = link
        return related.filter(**{f"{name}__{lookup}": value}).values(column)
    return model._default_manager.order_by().filter(**{f"{path}__{lookup}": value}).values("pk")
