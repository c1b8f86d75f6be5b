"""The demo gives every demo posyandu pregnant women with visits and the risks a cadre meets; loading twice adds
nothing."""

import pytest
from django.utils import timezone

from gotong.posyandu.demo import load_posyandu_demo
from gotong.posyandu.models import Pregnancy
from gotong.posyandu.models.pregnancy import AncVisit
from gotong.posyandu.pregnancy.summary import status
from gotong.posyandu.tests.test_demo import medan  # noqa: F401

pytestmark = pytest.mark.django_db


def test_demo_pregnancies_for_every_posyandu(medan, admin_user):  # noqa: F811
    load_posyandu_demo(admin_user)
    counts = (Pregnancy.objects.count(), AncVisit.objects.count())
    load_posyandu_demo(admin_user)
    assert (Pregnancy.objects.count(), AncVisit.objects.count()) == counts
    # Three women of child-bearing age per village in the fixture: each posyandu follows three.
    assert sorted(set(Pregnancy.objects.values_list("posyandu__name", flat=True))) == [
        "Posyandu Mawar",
        "Posyandu Melati",
    ]
    assert counts[0] == 6 and counts[1] > 0
    flags = {f.code for p in Pregnancy.objects.all() for f in status(p, timezone.localdate()).flags}
    assert flags == {"kek", "anaemia", "hypertension", "contacts_missed"}
