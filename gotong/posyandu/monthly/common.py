"""Small helpers shared by the monthly sections: the posyandu rows of a report and a percentage cell."""

from gotong.posyandu.skdn import percent


def posyandu_refs(posyandus) -> list[tuple[int, str]]:
    return list(posyandus.order_by("area_code", "name").values_list("pk", "name"))


def pct(part: int, whole: int):
    value = percent(part, whole)
    return None if value is None else float(value)
