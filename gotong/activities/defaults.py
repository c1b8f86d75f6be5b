"""Minimum wages (UMK) the demo and a fresh install start with. A figure is marked verified only when it was
checked against the governor's decree (Keputusan Gubernur, number in the source); the others must be checked
and corrected on the UMK page, where the audit trail keeps the old value.

Unverified 2025 values follow the national 6.5 % rise (Permenaker 16/2024) on the 2024 UMK; 2026 UMKs are not
filled in, so 2026 events use the 2025 rate and say so until someone enters the decree's figure. Every default
rate uses the divisor 173 (`models.LabourDivisor`); a city may choose 126 on the UMK page.
"""

DEFAULT_RATES = (
    # city code, year, UMK per month, source, verified against the decree
    ("12.71", 2024, 3_769_082, "UMK Kota Medan 2024", False),
    ("12.71", 2025, 4_014_072, "UMK Medan 2024 + 6,5% (Permenaker 16/2024)", False),
    ("16.71", 2024, 3_677_591, "UMK Kota Palembang 2024", False),
    # Reported by the city's wage council and the press (Dec 2024); the Sumsel governor's UMK decree number was
    # not found, so it stays unverified.
    ("16.71", 2025, 3_916_635, "UMK Kota Palembang 2025 (SK Gubernur Sumsel, Des 2024; nomor belum dicek)", False),
    ("14.71", 2024, 3_451_584, "UMK Kota Pekanbaru 2024", False),
    # The decree states Rp3.675.937,97; a minimum wage is rounded up to the whole rupiah.
    ("14.71", 2025, 3_675_938, "Keputusan Gubernur Riau Nomor Kpts. 3777/XII/2024 (Rp3.675.937,97)", True),
    # Tanjungpinang's UMK equals the Kepri provincial minimum in both years.
    ("21.72", 2024, 3_402_492, "UMP Kepri 2024, Keputusan Gubernur Kepulauan Riau Nomor 1282 Tahun 2023", True),
    ("21.72", 2025, 3_623_654, "UMP Kepri 2025, Keputusan Gubernur Kepulauan Riau Nomor 1414 Tahun 2024", True),
)


def install_default_rates(wage_rate_model) -> int:
    """Add the rates a city has not entered yet; never overwrites a figure someone corrected.

    Also called by migration 0002 with its historical model, so it sets only fields that model has and leaves
    the divisor to the field's default (173)."""
    added = 0
    for city_code, year, monthly_wage, source, verified in DEFAULT_RATES:
        _rate, created = wage_rate_model.objects.get_or_create(
            city_code=city_code,
            year=year,
            defaults={"monthly_wage": monthly_wage, "source": source, "verified": verified},
        )
        added += created
    return added
