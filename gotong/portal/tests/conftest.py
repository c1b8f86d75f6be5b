import pytest

from gotong.portal.tests.town import BUGIS, KAMPUNG_BARU, SENGGARANG, build_town  # noqa: F401


@pytest.fixture
def town(areas, city_officer):
    return build_town(city_officer)
