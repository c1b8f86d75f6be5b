"""A synthetic province: the persons spread over its regencies and cities, each generated as a synthetic city.

A province is many cities on one database. Its regencies and cities get shares of the persons in proportion to
their villages (rural desa are smaller than urban kelurahan, but every desa has its RTs, posyandu and cases);
one that already holds persons (a city generated before, such as Medan) is left as it is, so a city benchmark
can grow into its province. Each city is its own transaction: a failure keeps the cities already written.
"""

from dataclasses import dataclass, field

from django.db.models import Count

from gotong.areas.models import Area, Level
from gotong.bench.synthetic.store import GenerateResult, generate_city
from gotong.registry.models import Person


@dataclass
class ProvinceResult:
    cities: list[tuple[str, GenerateResult]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # already held persons

    def total(self, name: str) -> int:
        return sum(getattr(result, name) for _code, result in self.cities)

    def modules(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for _code, result in self.cities:
            for label, count in result.modules.items():
                counts[label] = counts.get(label, 0) + count
        return counts


def province_shares(province_code: str, persons: int) -> tuple[list[tuple[str, int]], list[str]]:
    """(regency code, persons) for the province's regencies and cities without persons yet, and the codes skipped.

    Shares follow the number of villages and add up to `persons` exactly (largest remainders)."""
    regencies = list(
        Area.objects.filter(level=Level.REGENCY, code__startswith=f"{province_code}.")
        .order_by("code")
        .values_list("code", flat=True)
    )
    if not regencies:
        raise ValueError(f"Provinsi {province_code} tidak dikenal atau belum dimuat (gotong areas load).")
    skipped = [code for code in regencies if Person.objects.filter(area_code__startswith=f"{code}.").exists()]
    villages = dict(
        Area.objects.filter(level=Level.VILLAGE, code__startswith=f"{province_code}.")
        .order_by()
        .values("parent__parent__code")
        .annotate(n=Count("pk"))
        .values_list("parent__parent__code", "n")
    )
    wanted = [code for code in regencies if code not in skipped and villages.get(code)]
    total = sum(villages[code] for code in wanted)
    if not total:
        return [], skipped
    exact = {code: persons * villages[code] / total for code in wanted}
    shares = {code: int(value) for code, value in exact.items()}
    for code in sorted(wanted, key=lambda c: exact[c] - shares[c], reverse=True)[: persons - sum(shares.values())]:
        shares[code] += 1
    return [(code, shares[code]) for code in wanted if shares[code]], skipped


def generate_province(persons: int, *, seed: int, province_code: str, progress=None, modules=True, until=None):
    """Generate `persons` over the province's cities not generated yet; each city gets its own seed from `seed`."""
    shares, skipped = province_shares(province_code, persons)
    result = ProvinceResult(skipped=skipped)
    for code, share in shares:
        city_seed = seed * 10_000 + int(code.split(".")[1])
        city = generate_city(share, seed=city_seed, city_code=code, modules=modules, until=until)
        result.cities.append((code, city))
        if progress:
            progress(code, city)
    return result
