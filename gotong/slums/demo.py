"""Demo data: the seven slum locations of Keputusan Walikota Tanjungpinang No. 337 Tahun 2014 (seed 004).

Names and hectares are exactly those of the decree's table (total 150.41 ha). Kampung Bugis gets a 2014
baseline (18.92 ha, "kumuh sedang" as the seed describes it) and a 2018 assessment (4.66 ha left), both
entered as counts; the counts are illustrative, shaped so the percentages follow the seed's description
(35–65 % irregular buildings, >60 % roads without drains, <20 % of households with a latrine and septic
tank, <30 % on piped water).

Map points are approximate (see POINTS). `load_slum_demo()` is idempotent and needs the areas of 21.72 loaded.
"""

import datetime
from decimal import Decimal

from django.db import transaction

from gotong.areas.models import Area
from gotong.areas.services import ensure_neighbourhood_unit
from gotong.slums.models import SlumLocation
from gotong.slums.services import record_assessment, register_location, units_in_note, update_location
from gotong.slums.units import parse_units

DECREE_NUMBER = "337 Tahun 2014"
DECREE_AUTHORITY = "Walikota Tanjungpinang"
KAMPUNG_BUGIS = "21.72.03.1005"

# (name as in the decree, ha, village code). The seed's table gives kecamatan and, for most rows, kelurahan.
LOCATIONS = (
    # Kec. Tanjung Pinang Barat, Kel. Kampung Baru.
    ("Pantai Impian", "12.60", "21.72.01.1003"),
    # Kec. Bukit Bestari, Kel. "Tanjung Ayu Sakti" = Tanjung Ayun Sakti in the Kemendagri list.
    ("Lembah Purnama", "5.99", "21.72.04.1003"),
    # The seed writes Kec. Tanjung Pinang Timur, Kel. Tanjungpinang Timur; in the Kemendagri list the
    # kelurahan Tanjung Pinang Timur lies in Kec. Bukit Bestari (21.72.04.1001), so we attach it there.
    ("Sungai Nibung Angus", "14.60", "21.72.04.1001"),
    # Kec. Bukit Bestari; the row names only "Tanjung Unggat", which is a kelurahan there.
    ("Tanjung Unggat", "31.64", "21.72.04.1005"),
    # Kec. Tanjung Pinang Barat, no kelurahan given: attached to the kelurahan of the same name (verify).
    ("Pelantar Sulawesi", "51.85", "21.72.01.1001"),
    # Kec. Tanjung Pinang Kota; the seed names its two slum kelurahan: Kampung Bugis and Senggarang.
    ("Kampung Bugis", "18.92", KAMPUNG_BUGIS),
    ("Sanggarang", "14.81", "21.72.03.1003"),  # spelled "Sanggarang" in the decree table, Senggarang kelurahan
)

# Approximate map points (latitude, longitude), placed by eye on the neighbourhoods' names on OpenStreetMap;
# the decree gives no coordinates. Good enough to find the place on a city map, not for measuring.
POINTS = {
    "Pantai Impian": ("0.912500", "104.437500"),
    "Lembah Purnama": ("0.905000", "104.470000"),
    "Sungai Nibung Angus": ("0.921000", "104.481000"),
    "Tanjung Unggat": ("0.934000", "104.463000"),
    "Pelantar Sulawesi": ("0.922500", "104.441000"),
    "Kampung Bugis": ("0.940000", "104.448000"),
    "Sanggarang": ("0.958000", "104.430000"),
}

KAMPUNG_BUGIS_UNITS = "RW 001: RT 001, 002, 003; RW 006: RT 001, 002, 003, 004"

# Counted as KOTAKU's baseline form collects them (criteria.BASES): the location's wholes, then per criterion the
# buildings, hectares, metres or households affected. The 420 buildings are the seed's ("keteraturan bangunan
# 420 unit"); the other wholes are illustrative. The percentages come out as the seed describes the place.
BASES_2014 = {
    "verified_area_ha": Decimal("18.92"), "building_count": 420, "household_count": 510,
    "road_length_m": Decimal("4000"), "drain_length_m": Decimal("4000"),
}  # fmt: skip
BASELINE_2014 = {  # total 45: kumuh sedang
    "1a": 252, "1b": Decimal("5.68"), "1c": 260, "2a": 1600, "2b": 1120, "3a": 332, "3b": 357, "4a": Decimal("3.78"),
    "4b": 2480, "4c": 1800, "5a": 408, "5b": 398, "6a": 281, "6b": 306, "7a": 336, "7b": 336,
}  # fmt: skip
BASES_2018 = {
    "verified_area_ha": Decimal("18.92"), "building_count": 430, "household_count": 520,
    "road_length_m": Decimal("4000"), "drain_length_m": Decimal("4000"),
}  # fmt: skip
LATEST_2018 = {  # total 19: kumuh ringan, after concrete roads (2.002,38 m + 760 m), pelantar and RTLH repairs
    "1a": 172, "1b": Decimal("3.78"), "1c": 129, "2a": 600, "2b": 400, "3a": 182, "3b": 208, "4a": Decimal("1.89"),
    "4b": 1200, "4c": 800, "5a": 234, "5b": 234, "6a": 156, "6b": 156, "7a": 344, "7b": 344,
}  # fmt: skip


@transaction.atomic
def load_slum_demo(acting_user=None) -> list[SlumLocation]:
    locations = []
    for name, hectares, village_code in LOCATIONS:
        village = Area.objects.get(code=village_code)
        if village_code == KAMPUNG_BUGIS:  # the seed names these RW/RT: they exist, with or without households
            for rw, rt in parse_units(KAMPUNG_BUGIS_UNITS):
                ensure_neighbourhood_unit(village, rw, rt)
        location = SlumLocation.objects.filter(name=name, village=village).first()
        if location is None:
            location = register_location(
                name=name,
                decree_number=DECREE_NUMBER,
                decree_authority=DECREE_AUTHORITY,
                area_ha=Decimal(hectares),
                village=village,
                neighbourhood_units=KAMPUNG_BUGIS_UNITS if village_code == KAMPUNG_BUGIS else "",
                latitude=POINTS[name][0],
                longitude=POINTS[name][1],
                acting_user=acting_user,
            )
        elif location.latitude is None:  # loaded before points existed
            location = update_location(
                location, latitude=POINTS[name][0], longitude=POINTS[name][1], acting_user=acting_user
            )
        if location.neighbourhood_units and not location.units.exists():  # loaded before units were linked
            location = update_location(
                location, units=units_in_note(village, location.neighbourhood_units), acting_user=acting_user
            )
        locations.append(location)
    bugis = next(location for location in locations if location.area_code == KAMPUNG_BUGIS)
    if not bugis.assessments.exists():
        record_assessment(
            bugis,
            assessed_on=datetime.date(2014, 12, 31),
            counts=BASELINE_2014,
            bases=BASES_2014,
            affected_area_ha=Decimal("18.92"),
            is_baseline=True,
            non_physical={"population_density": "high"},  # "cukup padat" in the seed; legality not stated
            acting_user=acting_user,
        )
        record_assessment(
            bugis,
            assessed_on=datetime.date(2018, 12, 31),
            counts=LATEST_2018,
            bases=BASES_2018,
            affected_area_ha=Decimal("4.66"),
            non_physical={"population_density": "high"},  # "cukup padat" in the seed; legality not stated
            acting_user=acting_user,
        )
    return locations
