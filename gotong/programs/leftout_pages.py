"""A page of the left-out households, read one welfare decile at a time.

The list is ordered poorest first (decile 1 … 10, unknown last), then by area code, family card and id. Asked in
one query, PostgreSQL reads every household of the city, keeps the left-out ones and sorts them to return the first
fifty (645 ms for Medan's 664,000 households). Within one decile the order is that of the index on
(welfare_decile, area_code, family_card_number, id), and a city is one range of it: each decile's households are
read in index order and only as many as the page needs. Deciles the page skips whole (later pages) are counted.
The rows are those of `leftout.left_out_households` in the same order (tested against it).
"""

from gotong.programs import leftout

UNKNOWN = None  # households without a decile come last


def deciles_listed(max_decile: int | None) -> list[int | None]:
    if max_decile is not None:
        return list(range(1, max_decile + 1))
    return [*range(1, 11), UNKNOWN]


class LeftOutRows:
    """Sliceable like the ordered queryset (`rows[start:stop]`), which is all `cheap_page` asks of it."""

    def __init__(self, user, *, area_code: str = "", max_decile: int | None = None):
        self.households = leftout.left_out_households(user, area_code=area_code, max_decile=max_decile)
        self.deciles = deciles_listed(max_decile)

    def _of_decile(self, decile):
        if decile is UNKNOWN:
            households = self.households.filter(welfare_decile__isnull=True)
        else:
            households = self.households.filter(welfare_decile=decile)
        return households.order_by("area_code", "family_card_number", "pk")

    def __getitem__(self, window: slice) -> list:
        start, stop = window.start or 0, window.stop
        rows: list = []
        skip = start
        for decile in self.deciles:
            wanted = stop - start - len(rows)
            if wanted <= 0:
                break
            households = self._of_decile(decile)
            found = list(households[skip : skip + wanted])
            if skip and not found:
                # The page starts after this decile: count it to know how far into the next one it starts.
                skip -= households.count()
                continue
            skip = 0
            rows += found
        return rows
