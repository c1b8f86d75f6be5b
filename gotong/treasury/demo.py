"""Demo treasury for Kampung Sayur Cempako (seed 002, Palembang).

From the seed: the treasurer books the sales of the jointly grown vegetables and of the products (pempek sayur and
jus sayur, sold through Instagram and WhatsApp); the proceeds are not shared out as money but as sembako, as
savings and loans (simpan pinjam), and for upkeep and new growing facilities; partners include BRI, Pegadaian and
Pusri. The seed gives no amounts: every rupiah figure below is INVENTED to be plausible for one RT.

Dates run over the twelve months before the current one; idempotency keys are built from them, so loading twice
(in the same month) writes nothing new.
"""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from gotong.accounts.models import User
from gotong.organizations.models import Organization
from gotong.registry.models import Person
from gotong.treasury import services
from gotong.treasury.models import Category, Installment, LoanProduct, Member
from gotong.treasury.schedule import add_months

CEMPAKO_RT = "16.71.11.1005.005.017"
MEMBER_COUNT = 20


@dataclass(frozen=True)
class LoanSpec:
    member: int  # index into the member list
    product: str
    principal: int
    term: int
    month: int  # months after the start of the demo year
    paid: int | None  # instalments paid; None = every instalment due so far (a loan in good standing)


PRODUCTS = (
    # name, rate, stated per, method, max term, ceiling, admin fee — INVENTED terms; the group states its own
    # rates per month, the way a lender quoting a yearly rate would be entered per year.
    ("Pinjaman usaha mikro", "1.50", "bulan", "flat", 12, 3_000_000, 15_000),
    ("Pinjaman darurat", "12", "tahun", "menurun", 6, 1_000_000, 0),
)
LOANS = (  # INVENTED: eight loans, three of them in arrears.
    LoanSpec(0, "Pinjaman usaha mikro", 2_000_000, 10, 1, None),
    LoanSpec(1, "Pinjaman usaha mikro", 3_000_000, 12, 2, None),
    LoanSpec(2, "Pinjaman darurat", 500_000, 5, 3, None),
    LoanSpec(3, "Pinjaman usaha mikro", 1_500_000, 10, 4, 3),
    LoanSpec(4, "Pinjaman darurat", 1_000_000, 6, 6, None),
    LoanSpec(5, "Pinjaman usaha mikro", 2_500_000, 12, 7, 2),
    LoanSpec(6, "Pinjaman usaha mikro", 1_000_000, 6, 9, None),
    LoanSpec(7, "Pinjaman darurat", 750_000, 4, 10, 0),
)


def _partner(name_start):
    return Organization.objects.filter(name__startswith=name_start).first()


def _cash_events(start: date):
    """(date, category, amount, description, in_kind, partner name) — INVENTED amounts, seed's headings."""
    events = []
    for m in range(12):
        month = add_months(start, m)
        harvest = 1_400_000 + (m * 173_000) % 700_000
        events.append(
            (month.replace(day=6), "Penjualan hasil panen", harvest, "Penjualan kangkung, bayam, sawi", False, None)
        )
        products = 450_000 + (m * 97_000) % 400_000
        events.append(
            (
                month.replace(day=14),
                "Penjualan produk olahan",
                products,
                "Pempek sayur dan jus sayur (pesanan IG/WA)",
                False,
                None,
            )
        )
        events.append(
            (
                month.replace(day=20),
                "Pemeliharaan kebun",
                150_000 + (m % 3) * 50_000,
                "Pupuk, polybag, perbaikan pipa siram",
                False,
                None,
            )
        )
        if m % 3 == 2:
            events.append(
                (
                    month.replace(day=25),
                    "Pembagian sembako",
                    35 * 95_000,
                    "Sembako 35 paket untuk warga RT 17",
                    False,
                    None,
                )
            )
    aid = (
        # (month, day, category, amount, description, in kind, partner)
        (1, 10, "Bantuan mitra", 5_000_000, "Bantuan tunai CSR BRI untuk kebun sayur", False, "Bank BRI"),
        (3, 8, "Bantuan mitra", 2_500_000, "Bibit sayur dan pupuk organik (taksiran)", True, "PT Pegadaian"),
        (6, 9, "Bantuan mitra", 1_800_000, "Pupuk dari PT Pusri (taksiran)", True, "PT Pusri"),
        (8, 11, "Bantuan mitra", 4_000_000, "Instalasi hidroponik 4 rak (taksiran)", True, "Bank BRI"),
        (5, 22, "Fasilitas & peralatan", 1_750_000, "Rak tanam dari ban dan botol bekas, cat", False, None),
        (7, 15, "Pembagian sembako", 1_200_000, "Bibit dan pupuk bantuan dibagikan ke warga", True, None),
    )
    events += [(add_months(start, m).replace(day=d), *rest) for m, d, *rest in aid]
    return events


def _members(organization, start, actor):
    adult = date(start.year - 18, start.month, 1)
    # The RT's own adults first; a small demo registry may have too few, so neighbours in the kelurahan follow.
    people = list(Person.objects.filter(area_code=CEMPAKO_RT, birth_date__lte=adult).order_by("id"))
    village = CEMPAKO_RT.rsplit(".", 2)[0]
    people += list(
        Person.objects.filter(area_code__startswith=f"{village}.", birth_date__lte=adult)
        .exclude(area_code=CEMPAKO_RT)
        .order_by("id")[:MEMBER_COUNT]
    )
    # The demo logins' persons join first, so `warga` and `bendahara` see their own savings.
    first = [u.person for u in User.objects.filter(username__in=["warga", "bendahara"], person__isnull=False)]
    ordered = first + [p for p in people if p not in first]
    return [
        services.add_member(organization, person=person, joined_on=start, acting_user=actor)
        for person in ordered[:MEMBER_COUNT]
    ]


@transaction.atomic
def load_treasury_demo(acting_user) -> dict[str, int]:
    organization = Organization.objects.filter(name="Kampung Sayur Cempako", area_code=CEMPAKO_RT).first()
    if organization is None:
        return {}
    # Record as the treasurer when the demo login exists: the audit trail then reads as in real use.
    actor = User.objects.filter(username="bendahara").first() or acting_user
    today = timezone.localdate()
    start = add_months(today.replace(day=1), -12)
    services.ensure_setup(organization, acting_user=actor)
    members = _members(organization, start, actor)
    if not members:
        return {}

    events = []
    for day, category, amount, description, in_kind, partner in _cash_events(start):
        events.append((day, 1, ("kas", category, amount, description, in_kind, partner)))
    for index, member in enumerate(members):
        events.append((start, 0, ("simpan", member, "pokok", 50_000)))
        for m in range(12):
            events.append((add_months(start, m).replace(day=5), 0, ("simpan", member, "wajib", 10_000)))
        if index % 3 == 0:  # INVENTED: a third of the members also save voluntarily
            events.append(
                (add_months(start, 2).replace(day=5), 0, ("simpan", member, "sukarela", 100_000 + index * 10_000))
            )
    for number, spec in enumerate(LOANS, start=1):
        events.append((add_months(start, spec.month).replace(day=12), 2, ("pinjam", number, spec)))
    events.sort(key=lambda e: (e[0], e[1]))

    products = {}
    for name, rate, rate_period, method, term, ceiling, fee in PRODUCTS:
        products[name] = LoanProduct.objects.filter(organization=organization, name=name).first() or (
            services.create_product(
                organization, name=name, rate=rate, rate_period=rate_period, method=method, max_term_months=term,
                max_amount=ceiling, admin_fee=fee, acting_user=actor,
            )
        )  # fmt: skip
    loans = []
    for day, _order, event in events:
        if event[0] == "kas":
            _kind, category, amount, description, in_kind, partner = event
            services.record_cash_entry(
                organization, category=Category.objects.get(organization=organization, name=category),
                occurred_on=day, amount=amount, description=description, in_kind=in_kind,
                partner=_partner(partner) if partner else None,
                key=f"demo:{day.isoformat()}:{category}:{description}"[:80], acting_user=actor,
            )  # fmt: skip
        elif event[0] == "simpan":
            _kind, member, kind, amount = event
            services.record_savings(
                member, kind=kind, amount=amount, occurred_on=day, key=f"demo:{day.isoformat()}:{kind}",
                acting_user=actor,
            )  # fmt: skip
        else:
            _kind, number, spec = event
            loan = services.disburse_loan(
                members[spec.member % len(members)], product=products[spec.product], principal=spec.principal,
                term_months=spec.term,
                disbursed_on=day, purpose="Modal usaha sayur dan pempek" if spec.term > 6 else "Keperluan mendesak",
                key=f"demo:pinjaman:{number}", acting_user=actor,
            )  # fmt: skip
            loans.append((loan, spec))
    for loan, spec in loans:
        due = [i for i in Installment.objects.filter(loan=loan).order_by("number") if i.due_on <= today]
        for installment in due if spec.paid is None else due[: spec.paid]:
            if installment.remaining:
                services.record_repayment(
                    loan, amount=installment.remaining, paid_on=installment.due_on,
                    key=f"demo:angsuran:{installment.number}", acting_user=actor,
                )  # fmt: skip
    return {"members": Member.objects.filter(organization=organization).count(), "loans": len(loans)}
