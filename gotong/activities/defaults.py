"""Minimum wages (UMK) the demo and a fresh install start with. All are marked unverified: check each against
the governor's decree (SK Gubernur) and correct it on the UMK page; the audit trail keeps the old value.

2025 values follow the national 6.5 % rise (Permenaker 16/2024) on the 2024 UMK; 2026 UMKs are not filled
in, so 2026 events use the 2025 rate and say so until someone enters the decree's figure.
"""

DEFAULT_RATES = (
    # city code, year, UMK per month, source
    ("12.71", 2024, 3_769_082, "UMK Kota Medan 2024"),
    ("12.71", 2025, 4_014_072, "UMK Medan 2024 + 6,5% (Permenaker 16/2024)"),
    ("16.71", 2024, 3_677_591, "UMK Kota Palembang 2024"),
    ("16.71", 2025, 3_916_634, "UMK Palembang 2024 + 6,5% (Permenaker 16/2024)"),
    ("14.71", 2024, 3_451_584, "UMK Kota Pekanbaru 2024"),
    ("14.71", 2025, 3_675_937, "UMK Pekanbaru 2024 + 6,5% (Permenaker 16/2024)"),
    ("21.72", 2024, 3_402_273, "UMK Kota Tanjungpinang 2024"),
    ("21.72", 2025, 3_623_421, "UMK Tanjungpinang 2024 + 6,5% (Permenaker 16/2024)"),
)


def install_default_rates(wage_rate_model) -> int:
    """Add the rates a city has not entered yet; never overwrites a figure someone corrected."""
    added = 0
    for city_code, year, monthly_wage, source in DEFAULT_RATES:
        _rate, created = wage_rate_model.objects.get_or_create(
            city_code=city_code,
            year=year,
            defaults={"monthly_wage": monthly_wage, "hours_per_month": 173, "source": source, "verified": False},
        )
        added += created
    return added
