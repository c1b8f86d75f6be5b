"""A waste bank's staff home: the deposit button, today's prices, cash against savings; only their own bank."""

import pytest

from gotong.organizations.choices import OrganizationKind
from gotong.organizations.services import create_organization
from gotong.wastebank import services
from gotong.wastebank.tests.conftest import JAN, bank, categories, staff  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db


def test_staff_home_has_deposit_button_prices_and_balances(client, bank, staff, categories, areas, admin_user):  # noqa: F811
    far_org = create_organization(name="Bank Sampah Musi Jaya", kind=OrganizationKind.WASTE_BANK,
                                  area=areas["16.71.11.1005"], acting_user=admin_user)  # fmt: skip
    far = services.set_up_bank(far_org, acting_user=admin_user)
    services.add_category(far, name="Jelantah Musi", price_per_kg=9_999, valid_from=JAN, acting_user=admin_user)
    client.force_login(staff)
    html = client.get("/").content.decode()
    assert f"/bank-sampah/{bank.pk}/setor/" in html and "Catat setoran" in html
    assert "Botol PET: Rp3.500" in html and "data-cash" in html and "data-savings" in html
    assert "Musi Jaya" not in html and "Jelantah Musi" not in html and f"/bank-sampah/{far.pk}/" not in html
