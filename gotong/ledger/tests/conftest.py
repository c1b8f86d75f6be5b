import pytest

from gotong.ledger.models import AccountKind
from gotong.ledger.services import get_or_create_book, open_account
from gotong.organizations.choices import OrganizationKind
from gotong.organizations.services import create_organization


@pytest.fixture
def book(areas, city_officer):
    org = create_organization(
        name="Bank Sampah Uji", kind=OrganizationKind.WASTE_BANK, area=areas["21.72.03.1005"], acting_user=city_officer
    )
    return get_or_create_book(org, acting_user=city_officer)


@pytest.fixture
def accounts(book, city_officer):
    def make(code, kind, **kw):
        return open_account(book, code=code, name=code.title(), kind=kind, acting_user=city_officer, **kw)

    return {
        "cash": make("kas", AccountKind.ASSET),
        "savings": make("tabungan", AccountKind.LIABILITY, may_go_negative=False),
        "income": make("pendapatan", AccountKind.INCOME),
        "expense": make("beban", AccountKind.EXPENSE),
        "equity": make("modal", AccountKind.EQUITY),
    }
