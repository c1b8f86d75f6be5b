"""Module records for the synthetic city: posyandu children, sessions and weighings; waste banks with members,
deposits, sales and withdrawals booked in their ledger; casework cases with teams, visits and referrals; BKM
revolving funds with members, loans and repayments booked in theirs; gotong royong events with attendance; and the
modules about places and their actors (`generate_places`): slum locations and assessments, collaboration
(agreements, projects and budgets, forums, targets, partnerships), programs, a social capital survey round, and
aspirations with the January musrenbang.

The records cover the twelve full months before `until` (the generating day by default), so the dashboards'
"latest month" and "this year" figures have something to show; the same seed and the same `until` give the same
rows. Rows are written with the registry's bulk sink (COPY on PostgreSQL) and skip `save()`, so every column a
model's `save()` or service would fill is filled here, and `check_columns` fails loudly when a table changes.
"""

import time as clock
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from types import SimpleNamespace

from django.apps import apps

from gotong.core.distribution import PROVINCE_COLUMN
from gotong.core.province_code import has_province_column
from gotong.registry.importing.sink import next_id, sync_sequence, write_rows

FLUSH_ROWS = 20_000
WORKING_HOUR = time(3, 0)  # 10:00 WIB

# Every table written here, parents first, with the columns in the order the row tuples hold them.
COLUMNS = {
    "organizations.Organization": [
        "id", "created_at", "updated_at", "name", "kind", "area_id", "area_code", "parent_id", "description", "address",
        "phone",
    ],
    "posyandu.Session": ["id", "created_at", "updated_at", "posyandu_id", "held_on", "month", "place", "notes",
                         "area_code"],
    "posyandu.Child": [
        "id", "created_at", "updated_at", "public_id", "posyandu_id", "person_id", "mother_id", "birth_weight_kg",
        "registered_on", "left_on", "area_code",
    ],
    "posyandu.Weighing": [
        "id", "created_at", "updated_at", "child_id", "session_id", "month", "measured_on", "age_days", "weight_kg",
        "length_cm", "measure", "muac_cm", "oedema", "growth_card", "waz", "haz", "whz", "baz", "waz_class",
        "haz_class", "whz_class", "baz_class", "reasons", "trend", "two_t", "bgm", "area_code",
    ],
    "ledger.Book": ["id", "created_at", "updated_at", "area_code", "organization_id", "name"],
    "ledger.Account": [
        "id", "created_at", "updated_at", "book_id", "code", "name", "kind", "holder_id", "may_go_negative", "balance",
        "is_active",
    ],
    "ledger.Transaction": [
        "id", "created_at", "updated_at", "book_id", "idempotency_key", "fingerprint", "kind", "occurred_on", "memo",
        "created_by_id", "reverses_id",
    ],
    "ledger.Entry": ["id", "transaction_id", "account_id", "amount"],
    "wastebank.WasteBank": ["id", "created_at", "updated_at", "organization_id", "book_id", "area_code",
                            "next_member_number"],
    "wastebank.WasteCategory": ["id", "created_at", "updated_at", "bank_id", "name", "description", "is_active",
                                "sort_order"],
    "wastebank.Price": ["id", "created_at", "updated_at", "category_id", "valid_from", "price_per_kg", "set_by_id"],
    "wastebank.Member": [
        "id", "created_at", "updated_at", "public_id", "bank_id", "person_id", "number", "joined_on", "account_id",
        "area_code", "is_active",
    ],
    "wastebank.Deposit": [
        "id", "created_at", "updated_at", "public_id", "bank_id", "occurred_on", "transaction_id", "request_key",
        "recorded_by_id", "area_code", "cancellation_id", "cancel_reason", "member_id", "total_grams", "total_value",
    ],
    "wastebank.DepositLine": ["id", "category_id", "grams", "price_per_kg", "value", "deposit_id"],
    "wastebank.Sale": [
        "id", "created_at", "updated_at", "public_id", "bank_id", "occurred_on", "transaction_id", "request_key",
        "recorded_by_id", "area_code", "cancellation_id", "cancel_reason", "buyer", "total_grams", "total_value",
    ],
    "wastebank.SaleLine": ["id", "category_id", "grams", "price_per_kg", "value", "sale_id"],
    "wastebank.Withdrawal": [
        "id", "created_at", "updated_at", "public_id", "bank_id", "occurred_on", "transaction_id", "request_key",
        "recorded_by_id", "area_code", "cancellation_id", "cancel_reason", "member_id", "kind", "amount", "goods",
    ],
    "wastebank.CashIn": [
        "id", "created_at", "updated_at", "public_id", "bank_id", "occurred_on", "transaction_id", "request_key",
        "recorded_by_id", "area_code", "cancellation_id", "cancel_reason", "source", "amount",
    ],
    "casework.Case": [
        "id", "created_at", "updated_at", "public_id", "area_code", "program", "household_id", "person_id",
        "organization_id", "summary", "health_condition", "worker_id", "supervisor_id", "opened_on", "opened_reason",
        "closed_on", "close_reason", "close_note",
    ],
    "casework.CaseTeamMember": ["id", "case_id", "user_id"],
    "casework.VisitPlan": ["id", "created_at", "updated_at", "case_id", "frequency", "interval_days", "start_on",
                           "end_on", "is_active", "stopped_on"],
    "casework.NeedsAssessment": ["id", "created_at", "updated_at", "case_id", "assessed_on", "assessed_by_id", "note"],
    "casework.NeedRating": ["id", "assessment_id", "domain", "rating", "note"],
    "casework.Visit": [
        "id", "created_at", "updated_at", "public_id", "area_code", "case_id", "visited_on", "worker_id", "met_with",
        "condition", "adherence", "issues", "next_step",
    ],
    "casework.Referral": [
        "id", "created_at", "updated_at", "public_id", "area_code", "case_id", "service", "service_name", "reason",
        "referred_on", "status", "status_on", "outcome", "referred_by_id",
    ],
    "activities.Event": [
        "id", "created_at", "updated_at", "public_id", "area_code", "title", "kind", "held_on", "start_time",
        "default_hours", "area_id", "organization_id", "place", "description", "guests", "guest_hours",
    ],
    "activities.Attendance": ["id", "created_at", "updated_at", "area_code", "event_id", "person_id", "hours"],
    "treasury.Category": ["id", "created_at", "updated_at", "organization_id", "name", "direction", "account_id"],
    "treasury.CashEntry": [
        "id", "created_at", "updated_at", "area_code", "organization_id", "category_id", "direction", "occurred_on",
        "amount", "description", "in_kind", "partner_id", "transaction_id", "idempotency_key", "recorded_by_id",
        "reversal_id", "cancel_reason",
    ],
    "treasury.Member": ["id", "created_at", "updated_at", "public_id", "area_code", "organization_id", "person_id",
                        "number", "joined_on"],
    "treasury.LoanProduct": ["id", "created_at", "updated_at", "organization_id", "name", "rate", "rate_period",
                             "method", "max_term_months", "max_amount", "admin_fee", "is_active"],
    "treasury.Loan": [
        "id", "created_at", "updated_at", "public_id", "area_code", "organization_id", "member_id", "product_id",
        "principal", "rate", "rate_period", "method", "term_months", "admin_fee", "disbursed_on", "first_due_on",
        "purpose", "receivable_id", "transaction_id", "idempotency_key", "recorded_by_id",
    ],
    "treasury.Installment": ["id", "loan_id", "number", "due_on", "principal_due", "interest_due", "principal_paid",
                             "interest_paid"],
    "treasury.Repayment": ["id", "created_at", "updated_at", "loan_id", "paid_on", "amount", "interest_part",
                           "principal_part", "transaction_id", "idempotency_key", "recorded_by_id"],
}  # fmt: skip


# The tables written from named values (`Sink.record`), parents first: slums, collaboration, programs, social
# capital and participation. Their columns are read from the model; `record` refuses a row that leaves out a
# column with neither a constant default nor NULL, so a new column still fails loudly.
RECORD_MODELS = [
    "slums.SlumLocation", "slums.SlumLocationUnit", "slums.Assessment", "slums.CriterionMeasurement",
    "collaboration.Agreement", "collaboration.AgreementParty", "collaboration.Commitment", "collaboration.Project",
    "collaboration.ProjectBudget", "collaboration.Forum", "collaboration.ForumMember", "collaboration.Meeting",
    "collaboration.Participant", "collaboration.Target", "collaboration.DataSharing", "collaboration.Partnership",
    "collaboration.Reciprocity",
    "programs.Program", "programs.ProgramPartner", "programs.Cohort", "programs.Session", "programs.Enrolment",
    "programs.SessionAttendance",
    "socialcapital.SurveyRound", "socialcapital.Response", "socialcapital.Answer",
    "participation.Aspiration", "participation.AspirationAnswer", "participation.PlanningRound",
    "participation.Proposal", "participation.Support",
]  # fmt: skip


def check_columns() -> None:
    """Fail loudly when a module's schema moved away from the columns written here."""
    for label, columns in COLUMNS.items():
        model = apps.get_model(label)
        actual = {f.column for f in model._meta.concrete_fields}
        if has_province_column(model):
            actual.discard(PROVINCE_COLUMN)  # the sink adds it to every row (`Sink.add`)
        if actual != set(columns):
            raise RuntimeError(f"{model._meta.db_table} columns changed: {sorted(actual ^ set(columns))}")


def stamps(day: date) -> dict[str, datetime]:
    """created_at and updated_at of a record made (and last changed) on `day`."""
    return {"created_at": stamp(day), "updated_at": stamp(day)}


def stamp(day: date) -> datetime:
    """created_at/updated_at of a record made on `day`: mid-morning in Indonesia."""
    return datetime.combine(day, WORKING_HOUR, tzinfo=UTC)


def new_uuid(rng) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def post_transaction(
    sink, *, book_id: int, day: date, key: str, lines, memo: str, kind: str, created_by_id=None
) -> int:
    """One ledger transaction as `ledger.services.post` stores it (row, fingerprint, entries); returns its id.

    `lines` are (account id, amount) pairs; keeping balances is the caller's business.
    """
    from gotong.ledger.services import transaction_fingerprint

    pk = sink.new_id("ledger.Transaction")
    accounts = [(SimpleNamespace(pk=account), amount) for account, amount in lines]
    fingerprint = transaction_fingerprint(lines=accounts, occurred_on=day, memo=memo, kind=kind, reverses_id=None)
    row = (pk, stamp(day), stamp(day), book_id, key, fingerprint, kind, day, memo, created_by_id, None)
    sink.add("ledger.Transaction", row)
    for account, amount in lines:
        sink.add("ledger.Entry", (sink.new_id("ledger.Entry"), pk, account, amount))
    return pk


class Sink:
    """Hands out ids after each table's maximum and streams rows out in chunks (parents flushed first).

    province: the two-digit code of the city's province; every row of a province-distributed table gets it as its
    `province_code` (one synthetic city lies in one province, so every row's derivation gives this value).
    """

    def __init__(self, province: str):
        self.province = province
        self.fields = {label: apps.get_model(label)._meta.concrete_fields for label in RECORD_MODELS}
        # COLUMNS leave province_code out: `add` appends it to the rows of the tables that have it.
        self.with_province = {label for label in COLUMNS if has_province_column(apps.get_model(label))}
        self.records_with_province = {label for label in RECORD_MODELS if has_province_column(apps.get_model(label))}
        self.columns = {
            **{label: [*columns, PROVINCE_COLUMN] if label in self.with_province else columns
               for label, columns in COLUMNS.items()},
            **{label: [f.column for f in fields] for label, fields in self.fields.items()},
        }  # fmt: skip
        self.tables = {label: apps.get_model(label)._meta.db_table for label in self.columns}
        self.ids = {label: next_id(table) for label, table in self.tables.items()}
        self.rows: dict[str, list] = defaultdict(list)
        self.counts: dict[str, int] = defaultdict(int)

    def new_id(self, label: str) -> int:
        value = self.ids[label]
        self.ids[label] += 1
        return value

    def add(self, label: str, row: tuple) -> None:
        if label in self.with_province:
            row = (*row, self.province)
        self.rows[label].append(row)
        if len(self.rows[label]) >= FLUSH_ROWS:
            self.flush()

    def record(self, label: str, **values) -> int:
        """Add a row of a `RECORD_MODELS` table from its column values; hands out its id unless given one."""
        pk = values.setdefault("id", self.new_id(label))
        if label in self.records_with_province:
            values.setdefault(PROVINCE_COLUMN, self.province)
        row = []
        for field in self.fields[label]:
            if field.column in values:
                row.append(values.pop(field.column))
            elif field.has_default() and not callable(field.default):
                row.append(field.default)
            elif field.null:
                row.append(None)
            else:
                raise KeyError(f"{label}.{field.column} needs a value")
        if values:
            raise KeyError(f"{label} has no columns {sorted(values)}")
        self.add(label, tuple(row))
        return pk

    def flush(self) -> None:
        for label, columns in self.columns.items():  # parents before children, as the foreign keys point
            rows = self.rows.pop(label, None)
            if rows:
                self.counts[label] += write_rows(self.tables[label], columns, rows)

    def finish(self) -> dict[str, int]:
        self.flush()
        for label, table in self.tables.items():
            if self.counts.get(label):
                sync_sequence(table)
        return dict(self.counts)


@dataclass(frozen=True)
class Window:
    """The twelve full months before `until`."""

    until: date

    @property
    def months(self) -> list[date]:
        from gotong.posyandu.dates import add_months, month_start

        return [add_months(month_start(self.until), step) for step in range(-12, 0)]

    @property
    def start(self) -> date:
        return self.months[0]

    @property
    def end(self) -> date:
        from gotong.posyandu.dates import month_start

        return date.fromordinal(month_start(self.until).toordinal() - 1)


def module_tables(counts: dict[str, int]) -> list[str]:
    """The database tables behind the model labels that received rows."""
    return [apps.get_model(label)._meta.db_table for label, count in counts.items() if count]


def generate_modules(
    villages, units, *, seed: int, persons_from: int, until: date, timings: dict[str, float] | None = None
) -> dict[str, int]:
    """Write every module's records for the persons with id ≥ `persons_from`; returns rows per model label.

    `timings` receives each module's seconds ("modules.posyandu": 12.3, …), its rows written included;
    "modules.places" is the five place modules together (with the village offices and partners they share)."""
    from gotong.bench.synthetic import activities, casework, posyandu, treasury, wastebank

    check_columns()
    sink = Sink(province=villages[0].code[:2])
    window = Window(until)
    timings = {} if timings is None else timings
    first = {
        label: sink.ids[label]
        for label in ("posyandu.Child", "wastebank.WasteBank", "casework.Case", "socialcapital.Response")
    }
    steps = (
        ("posyandu", lambda: posyandu.generate(sink, villages, units, seed=seed, persons_from=persons_from,
                                               window=window)),
        ("wastebank", lambda: wastebank.generate(sink, villages, seed=seed, persons_from=persons_from, window=window)),
        ("casework", lambda: casework.generate(sink, villages, seed=seed, persons_from=persons_from, window=window)),
        ("treasury", lambda: treasury.generate(sink, villages, seed=seed, persons_from=persons_from, window=window)),
        ("activities", lambda: activities.generate(sink, units, seed=seed, persons_from=persons_from,
                                                   window=window)),
    )  # fmt: skip
    for name, step in steps:
        _timed(timings, name, sink, step)
    _timed(
        timings,
        "places",
        sink,
        lambda: generate_places(
            sink, villages, units, seed=seed, persons_from=persons_from, window=window, timings=timings
        ),
    )
    counts = sink.finish()
    refresh_module_tallies(
        first_child=first["posyandu.Child"],
        first_bank=first["wastebank.WasteBank"],
        first_case=first["casework.Case"],
        first_response=first["socialcapital.Response"],
    )
    return counts


def _timed(timings: dict[str, float], name: str, sink, step) -> None:
    """Run one module's generator and write its rows, so its seconds include its own writing."""
    started = clock.perf_counter()
    step()
    sink.flush()
    timings[f"modules.{name}"] = timings.get(f"modules.{name}", 0.0) + clock.perf_counter() - started


def generate_places(sink, villages, units, *, seed: int, persons_from: int, window, timings) -> None:
    """Slums, collaboration, programs, social capital and participation: the modules about places and their
    actors, which share the village offices, partners, slum locations, projects and forum meetings."""
    from gotong.areas.models import Area
    from gotong.bench.synthetic import collaboration, participation, programs, slums, socialcapital

    city_code = ".".join(villages[0].code.split(".")[:2])
    city_id = Area.objects.values_list("id", flat=True).get(code=city_code)
    village_ids = dict(Area.objects.filter(code__in=[v.code for v in villages]).values_list("code", "id"))
    made = {}

    def run(name, step):
        started = clock.perf_counter()
        made[name] = step()
        sink.flush()
        timings[f"modules.{name}"] = clock.perf_counter() - started

    run("slums", lambda: slums.generate(sink, villages, units, seed=seed, village_ids=village_ids, window=window))
    orgs = collaboration.ensure_organizations(sink, villages, village_ids=village_ids, city_id=city_id,
                                              city_code=city_code, window=window)  # fmt: skip
    run("collaboration", lambda: collaboration.generate(sink, villages, seed=seed, locations=made["slums"], orgs=orgs,
                                                        village_ids=village_ids, window=window))  # fmt: skip
    run("programs", lambda: programs.generate(sink, villages, seed=seed, persons_from=persons_from, orgs=orgs,
                                              village_ids=village_ids, window=window))  # fmt: skip
    run("socialcapital", lambda: socialcapital.generate(
        sink, villages, seed=seed, persons_from=persons_from, city_id=city_id, city_code=city_code, window=window,
    ))  # fmt: skip
    run("participation", lambda: participation.generate(
        sink, villages, units, seed=seed, persons_from=persons_from, village_ids=village_ids,
        projects=made["collaboration"]["projects"], meetings=made["collaboration"]["forums"], window=window,
    ))  # fmt: skip


def refresh_module_tallies(*, first_child: int, first_bank: int, first_case: int, first_response: int) -> None:
    """The rows went in by COPY, past the signals and services: recompute the tallies of the posyandu that got
    children, of the waste banks and of the cases made here, and the stored scores of the survey responses."""
    from gotong.casework.models import Case
    from gotong.casework.tallies import refresh_cases
    from gotong.posyandu.models import Child
    from gotong.posyandu.tallies import refresh_posyandus
    from gotong.socialcapital import stored_scores
    from gotong.socialcapital.models import Response
    from gotong.wastebank.models import WasteBank
    from gotong.wastebank.tallies import refresh_banks

    refresh_posyandus(Child.objects.filter(pk__gte=first_child).values_list("posyandu_id", flat=True).distinct())
    refresh_banks(WasteBank.objects.filter(pk__gte=first_bank).values_list("pk", flat=True))
    refresh_cases(Case.objects.filter(pk__gte=first_case).values_list("pk", flat=True))
    stored_scores.refresh(Response.objects.filter(pk__gte=first_response).values_list("pk", flat=True))
