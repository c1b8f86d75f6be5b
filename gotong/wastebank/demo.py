"""Demo: a year of Bank Sampah Bagan Deli Bersih (Medan Belawan, 12.71.08.1006), the bank the Medan seed (000)
describes only in general terms ("sampah ... dapat diolah dan memiliki nilai ekonomi").

The seed gives no prices. The price list below is ESTIMATED: plausible 2025–2026 buying prices of a Medan
bank sampah (what members are credited per kg), with the collector paying about 20 % more; they are not
quoted from any source. Prices change during the year (PET and aluminium up, cardboard down). About 30 members
are taken from the registry persons of Bagan Deli (else the kecamatan); deposits fall on the bank's two weighing
days a month, drawn with a fixed seed; the bank sells each month's waste to one pengepul at month end, and before
Lebaran (Idul Fitri 1447 H, around 20 March 2026) most members take a sembako package from their savings.

`load_wastebank_demo(acting_user)` is idempotent: every record carries a fixed request key, so a second run
finds what the first one made.
"""

import contextlib
import datetime
import random

from django.db import transaction
from django.utils import timezone

from gotong.ledger.services import InsufficientBalance, balance
from gotong.organizations.models import Organization
from gotong.registry.models import Person
from gotong.wastebank import services
from gotong.wastebank.models import WasteBank, WasteCategory, WithdrawalKind

BANK_NAME = "Bank Sampah Bagan Deli Bersih"
VILLAGE = "12.71.08.1006"
START = datetime.date(2025, 12, 1)
SEED = 1006
MEMBERS = 30
COLLECTOR = "UD Sinar Deli (pengepul)"
LEBARAN_DAY = datetime.date(2026, 3, 14)  # the Saturday before Idul Fitri 1447 H
SCHOOL_DAYS = (datetime.date(2026, 7, 11),)  # before the new school year
SEMBAKO = "Paket sembako: beras 5 kg, minyak goreng 2 liter, gula 1 kg, sirup 1 botol"

# name, description, price per kg from START, later price changes, (min kg, max kg) per deposit — ESTIMATED
CATEGORIES = (
    ("Botol PET bening", "botol air mineral, dicuci, tanpa label", 3_500, {datetime.date(2026, 4, 1): 3_800}, (0.3, 4)),
    ("Gelas plastik (cup)", "gelas air mineral", 4_000, {}, (0.2, 2)),
    ("Plastik campur", "kresek, bungkus, emberan", 800, {datetime.date(2026, 7, 1): 1_000}, (0.5, 5)),
    ("Kardus", "kotak karton, dilipat", 2_000, {datetime.date(2026, 6, 1): 1_700}, (1, 12)),
    ("Kertas HVS", "kertas putih bekas", 2_500, {}, (0.5, 6)),
    ("Kaleng aluminium", "kaleng minuman", 11_000, {datetime.date(2026, 5, 1): 12_000}, (0.1, 1.5)),
    ("Besi", "besi dan seng bekas", 3_500, {}, (1, 15)),
    ("Minyak jelantah", "minyak goreng bekas, dalam jeriken (kg)", 5_500, {datetime.date(2026, 2, 1): 6_000}, (0.5, 3)),
)


def weighing_days_between(start: datetime.date, end: datetime.date):
    """The bank weighs on the 2nd and 4th Saturday of each month."""
    day = start
    while day <= end:
        if day.weekday() == 5 and (day.day - 1) // 7 in (1, 3):
            yield day
        day += datetime.timedelta(days=1)


def _month_ends(start: datetime.date, end: datetime.date):
    day = start
    while True:
        following = (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
        last = following - datetime.timedelta(days=1)
        if last > end:
            return
        yield last
        day = following


def _members(bank, staff):
    people = Person.objects.filter(area_code__startswith=f"{VILLAGE}.", birth_date__lte=datetime.date(2008, 1, 1))
    if people.count() < MEMBERS:
        people = Person.objects.filter(area_code__startswith=VILLAGE[:8], birth_date__lte=datetime.date(2008, 1, 1))
    chosen = list(people.order_by("nik")[:MEMBERS])
    rng = random.Random(SEED)
    members = []
    for index, person in enumerate(chosen):
        joined = START if index < 20 else START + datetime.timedelta(days=rng.randint(30, 240))
        members.append(services.register_member(bank, person=person, joined_on=joined, acting_user=staff))
    return members


def _categories(bank, staff):
    existing = {c.name: c for c in WasteCategory.objects.filter(bank=bank)}
    ranges = {}
    for order, (name, description, price, changes, kg_range) in enumerate(CATEGORIES):
        category = existing.get(name) or services.add_category(
            bank, name=name, description=description, price_per_kg=price, valid_from=START, sort_order=order,
            acting_user=staff,
        )  # fmt: skip
        for day, new_price in changes.items():
            services.set_price(category, price_per_kg=new_price, valid_from=day, acting_user=staff)
        ranges[category.pk] = (category, kg_range)
    return ranges


@transaction.atomic
def load_wastebank_demo(acting_user) -> WasteBank | None:
    organization = Organization.objects.filter(name=BANK_NAME).first()
    if organization is None:
        return None  # the core demo (organisations) is not loaded
    from gotong.accounts.models import User

    # Records are signed by the bank's manager when the demo login exists.
    staff = User.objects.filter(username="banksampah").first() or acting_user
    bank = services.set_up_bank(organization, acting_user=acting_user)
    today = timezone.localdate()
    services.record_cash_in(
        bank, source="Hibah Kelurahan Bagan Deli (modal awal)", amount=1_500_000, occurred_on=START,
        key="demo-modal", acting_user=staff,
    )  # fmt: skip
    categories = _categories(bank, staff)
    members = _members(bank, staff)
    rng = random.Random(SEED)
    activity = {m.pk: rng.uniform(0.35, 0.9) for m in members}  # some members come nearly every time
    month_ends = set(_month_ends(START, today))
    weighing = set(weighing_days_between(START, today))
    day = START
    while day <= today:
        # One generator per day, so a second run draws the same numbers whatever it finds already saved.
        rng = random.Random(f"{SEED}-{day.isoformat()}")
        if day in weighing:
            _weighing_day(bank, staff, day, members, categories, activity, rng)
        if day == LEBARAN_DAY:
            _sembako(bank, staff, day, members, rng)
        if day in SCHOOL_DAYS:
            _school_money(bank, staff, day, members, rng)
        if day in month_ends:
            _monthly_sale(bank, staff, day, categories)
        day += datetime.timedelta(days=1)
    return bank


def _weighing_day(bank, staff, day, members, categories, activity, rng):
    options = list(categories.values())
    for member in members:
        if member.joined_on > day or rng.random() > activity[member.pk]:
            continue
        lines = []
        for category, (low, high) in rng.sample(options, rng.randint(1, 3)):
            grams = int(rng.uniform(low, high) * 1000) // 50 * 50  # the bank's hanging scale reads to 50 g
            if grams:
                lines.append((category, grams))
        if lines:
            services.record_deposit(
                bank, member=member, occurred_on=day, lines=lines, key=f"demo-setor-{day:%Y%m%d}-{member.number}",
                acting_user=staff,
            )  # fmt: skip


def _withdraw(bank, staff, day, member, amount, kind, goods, key):
    # Not enough cash in the till that day: the member comes back another time.
    with contextlib.suppress(InsufficientBalance):
        services.record_withdrawal(
            bank, member=member, occurred_on=day, amount=amount, kind=kind, goods=goods, key=key, acting_user=staff
        )


def _balance_before(member, day) -> int:
    # The balance as of the previous day, so a second run sees what the first one saw.
    return balance(member.account, as_of=day - datetime.timedelta(days=1))


def _sembako(bank, staff, day, members, rng):
    for member in members:
        wants = rng.random() < 0.75
        package = min(150_000, _balance_before(member, day) // 25_000 * 25_000)
        if wants and package >= 50_000:
            _withdraw(bank, staff, day, member, package, WithdrawalKind.GOODS, SEMBAKO,
                      f"demo-sembako-{day:%Y%m%d}-{member.number}")  # fmt: skip


def _school_money(bank, staff, day, members, rng):
    # New school year: some families take cash for uniforms and books.
    for member in members:
        wants = rng.random() < 0.35
        amount = _balance_before(member, day) // 10_000 * 10_000
        if wants and amount >= 40_000:
            _withdraw(bank, staff, day, member, amount, WithdrawalKind.CASH, "",
                      f"demo-tarik-{day:%Y%m%d}-{member.number}")  # fmt: skip


def _monthly_sale(bank, staff, day, categories):
    from django.db.models import Sum

    from gotong.wastebank.models import DepositLine

    start = day.replace(day=1)
    lines = []
    for category, _range in categories.values():
        grams = DepositLine.objects.filter(
            category=category, deposit__bank=bank, deposit__occurred_on__range=(start, day)
        ).aggregate(g=Sum("grams"))["g"]
        price = services.price_on(category, day)
        if grams and price:
            lines.append((category, grams, round(price * 1.2 / 50) * 50))
    if lines:
        services.record_sale(
            bank, buyer=COLLECTOR, occurred_on=day, lines=lines, key=f"demo-jual-{day:%Y%m}", acting_user=staff
        )
