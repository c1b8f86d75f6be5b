"""Where every table would live in a Citus cluster: the one declared map behind `docs/scaling.md`'s last step.

Citus (row-based sharding) keeps three kinds of table: *distributed* tables, hash-sharded on a distribution column
and "colocated" when they share it, so rows with the same value sit on the same node; *reference* tables, copied
whole to every node so any shard can join them; and *local* tables on the coordinator only. Gotong distributes the
registry and module records by **province code** (the first two digits of the `area_code` they already carry), so
everything a city or province officer reads lives on one node, and keeps the area hierarchy, accounts,
organisations and small catalogues as reference tables. See https://docs.citusdata.com/en/latest/develop/reference_ddl.html
and https://docs.citusdata.com/en/stable/sharding/data_modeling.html.

Rules Citus enforces (read in citusdata/citus `src/backend/distributed/commands/table.c` and `foreign_constraint.c`),
which `gotong.core.distribution_rules` checks against the models:
- a PRIMARY KEY or UNIQUE constraint of a distributed table must include the distribution column;
- a foreign key between distributed tables must join colocated tables on the distribution column; a distributed
  table may reference a reference table freely; a reference or local table may not reference a distributed one;
- the distribution column cannot be a generated column (`create_distributed_table.c`), and an UPDATE may not change
  it (`multi_router_planner.c`: "modifying the partition value of rows is not allowed").

Every model Django knows is placed here; a model without a placement fails `gotong/core/tests/test_distribution.py`,
and so does any gap (a unique constraint or foreign key Citus would refuse) not listed in `KNOWN_GAPS`.
"""

from dataclasses import dataclass

# The distribution column every province-distributed table carries: `left(area_code, 2)` of the row's area, kept by
# the application (`gotong.core.province_code`; Citus refuses a generated column as distribution column).
PROVINCE_COLUMN = "province_code"


@dataclass(frozen=True)
class Reference:
    """Copied to every node: small or slowly changing, joined from every province's rows."""

    reason: str


@dataclass(frozen=True)
class Local:
    """Kept on the coordinator only: nothing distributed refers to it and it is never joined to distributed rows."""

    reason: str


@dataclass(frozen=True)
class ByProvince:
    """Distributed by province code, colocated with every other province-distributed table.

    via: where the row's province comes from today: "area_code" (its own column) or the foreign key whose target's
    province it copies (the row's `area_code` is copied from it, or the row hangs off it).
    same_province: further foreign keys to province-distributed rows that a service keeps inside the row's
    province (the same book, bank, posyandu, plan or organisation), so they are colocated too.
    """

    via: str
    same_province: tuple[str, ...] = ()


@dataclass(frozen=True)
class ByOwnKey:
    """Distributed on its own key and colocated with nothing: large, append-only, never joined."""

    column: str
    reason: str


Placement = Reference | Local | ByProvince | ByOwnKey

_DJANGO = "Django's own catalogue: a few hundred rows"
_AREAS = "the Kemendagri hierarchy (≈ 90,000 villages + RW/RT): every scope and picker reads it"
_ACCOUNTS = "officers' and residents' logins: referenced by the recorded_by/worker columns of every province's rows"
_TOKENS = "looked up on every API request before the province is known; one per user or device"
_CATALOGUE = "a small national catalogue, read with every province's rows"
_HOUSEKEEPING = "per-request housekeeping; no distributed row refers to it"

PLACEMENT: dict[str, Placement] = {
    # Django and third-party apps
    "contenttypes.ContentType": Reference(_DJANGO),
    "auth.Permission": Reference(_DJANGO),
    "auth.Group": Reference(_DJANGO),
    "auth.Group_permissions": Reference(_DJANGO),
    "admin.LogEntry": Local("the admin site's own log, used by superusers only"),
    "sessions.Session": Local(_HOUSEKEEPING),
    "axes.AccessAttempt": Local(_HOUSEKEEPING),
    "axes.AccessAttemptExpiration": Local(_HOUSEKEEPING),
    "axes.AccessFailureLog": Local(_HOUSEKEEPING),
    "axes.AccessLog": Local(_HOUSEKEEPING),
    "django_tasks_database.DBTaskResult": Local("the task queue: the coordinator's workers poll it"),
    "auditlog.LogEntry": ByOwnKey(
        "id", "every change nation-wide, append-only and never joined: spread by its own id, read per object"
    ),
    "authtoken.Token": Reference(_TOKENS),
    # accounts, areas, organisations
    "accounts.User": Reference(_ACCOUNTS),
    "accounts.User_groups": Reference(_ACCOUNTS),
    "accounts.User_user_permissions": Reference(_ACCOUNTS),
    "api.DeviceToken": Reference(_TOKENS),
    "areas.Area": Reference(_AREAS),
    "areas.AreaAlias": Reference(_AREAS),
    "areas.WorkAssignment": Reference("read on every request to scope a user; a few rows per officer"),
    "organizations.Organization": Reference(
        "≈ 0.5 M rows (posyandu, KSM, banks, partners), rarely written; partners act across provinces"
    ),
    "organizations.Membership": Reference("read on every request to scope organisation staff, by user"),
    "exports.ExportJob": Local(_HOUSEKEEPING),
    "field.FieldSubmission": Local("the offline forms' idempotency keys, checked before the record is routed"),
    # registry
    "registry.Household": ByProvince("area"),
    "registry.Person": ByProvince("household"),
    "registry.Dwelling": ByProvince("household"),
    # slums. The many-to-many link tables (explicit `through` models: SlumLocationUnit, AgreementParty, ForumMember,
    # ActivityProject, ProgramPartner, CaseTeamMember) take their owner's province; their other side is a reference
    # table (area, organisation, user), but for an activity's project (a listed gap).
    "slums.SlumLocation": ByProvince("village"),
    "slums.SlumLocationUnit": ByProvince("slumlocation"),
    "slums.Assessment": ByProvince("location"),
    "slums.CriterionMeasurement": ByProvince("assessment"),
    # collaboration
    "collaboration.Agreement": ByProvince("area"),
    "collaboration.AgreementParty": ByProvince("agreement"),
    "collaboration.Commitment": ByProvince("agreement"),
    "collaboration.CommitmentEvidence": ByProvince("commitment"),
    "collaboration.Project": ByProvince("area"),
    "collaboration.ProjectBudget": ByProvince("project"),
    "collaboration.ProjectPhoto": ByProvince("project"),
    "collaboration.DataSharing": ByProvince("area"),
    "collaboration.Forum": ByProvince("area"),
    "collaboration.ForumMember": ByProvince("forum"),
    "collaboration.Meeting": ByProvince("forum"),
    "collaboration.Participant": ByProvince("meeting"),
    "collaboration.Decision": ByProvince("meeting"),
    "collaboration.Partnership": ByProvince("community"),
    "collaboration.Reciprocity": ByProvince("partnership"),
    "collaboration.Target": ByProvince("area"),
    "collaboration.ActionPlan": ByProvince("target"),
    # a sub-activity belongs to its parent's plan: `collaboration.services.targets` refuses another plan's parent
    "collaboration.Activity": ByProvince("plan", same_province=("parent",)),
    "collaboration.ActivityProject": ByProvince("activity"),
    "collaboration.ActivityUpdate": ByProvince("activity"),
    # ledger: every account and transaction belongs to one book (`ledger.services` refuses another book's account)
    "ledger.Book": ByProvince("organization"),
    "ledger.Account": ByProvince("book"),
    "ledger.Transaction": ByProvince("book", same_province=("reverses",)),
    "ledger.Entry": ByProvince("transaction", same_province=("account",)),
    # wastebank: a bank posts into its own book; `wastebank.services.records` refuses another bank's member/category
    "wastebank.WasteBank": ByProvince("organization", same_province=("book",)),
    "wastebank.WasteCategory": ByProvince("bank"),
    "wastebank.Price": ByProvince("category"),
    "wastebank.Member": ByProvince("bank", same_province=("account",)),
    "wastebank.Deposit": ByProvince("bank", same_province=("member", "transaction", "cancellation")),
    "wastebank.DepositLine": ByProvince("deposit", same_province=("category",)),
    "wastebank.Sale": ByProvince("bank", same_province=("transaction", "cancellation")),
    "wastebank.SaleLine": ByProvince("sale", same_province=("category",)),
    "wastebank.Withdrawal": ByProvince("bank", same_province=("member", "transaction", "cancellation")),
    "wastebank.CashIn": ByProvince("bank", same_province=("transaction", "cancellation")),
    "wastebank.BankTally": ByProvince("bank"),
    "wastebank.BankMonthTally": ByProvince("bank"),
    "wastebank.CategoryMonthTally": ByProvince("bank", same_province=("category",)),
    "wastebank.CategoryYearTally": ByProvince("bank", same_province=("category",)),
    # treasury: an organisation posts into its own book; `treasury.services` refuses another's category/product
    "treasury.Category": ByProvince("organization", same_province=("account",)),
    "treasury.CashEntry": ByProvince("organization", same_province=("category", "transaction", "reversal")),
    "treasury.Member": ByProvince("organization"),
    "treasury.SavingsMovement": ByProvince("member", same_province=("transaction",)),
    "treasury.LoanProduct": ByProvince("organization"),
    "treasury.Loan": ByProvince("organization", same_province=("member", "product", "receivable", "transaction")),
    "treasury.Installment": ByProvince("loan"),
    "treasury.Repayment": ByProvince("loan", same_province=("transaction",)),
    "treasury.MonthClose": ByProvince("organization"),
    # posyandu: `posyandu.services` (and the day and immunisation services) refuse another posyandu's child/session
    "posyandu.Child": ByProvince("posyandu"),
    "posyandu.Session": ByProvince("posyandu"),
    "posyandu.Weighing": ByProvince("session", same_province=("child",)),
    "posyandu.MonthTally": ByProvince("posyandu"),
    "posyandu.Immunisation": ByProvince("child", same_province=("session",)),
    "posyandu.Pregnancy": ByProvince("posyandu"),
    "posyandu.AncVisit": ByProvince("pregnancy"),
    "posyandu.VitaminADose": ByProvince("child", same_province=("session",)),
    "posyandu.Deworming": ByProvince("child", same_province=("session",)),
    "posyandu.Feeding": ByProvince("child", same_province=("session",)),
    "posyandu.DayVisit": ByProvince("session", same_province=("child",)),
    # activities
    "activities.Event": ByProvince("area"),
    "activities.Attendance": ByProvince("event"),
    "activities.Contribution": ByProvince("event"),
    "activities.Norm": ByProvince("area"),
    "activities.NormWarning": ByProvince("norm"),
    "activities.YearTally": ByProvince("area_code"),
    "activities.ParticipantTally": ByProvince("area_code"),
    "activities.WageRate": Reference("the regional minimum wage per city and year: ≈ 514 rows a year"),
    # programs
    "programs.Program": ByProvince("area"),
    "programs.ProgramPartner": ByProvince("program"),
    "programs.Cohort": ByProvince("program"),
    "programs.Session": ByProvince("cohort"),
    "programs.Enrolment": ByProvince("cohort"),
    "programs.SessionAttendance": ByProvince("session"),
    # casework
    "casework.Case": ByProvince("household"),
    "casework.CaseTeamMember": ByProvince("case"),
    "casework.OverdueTally": ByProvince("case"),
    "casework.NeedsAssessment": ByProvince("case"),
    "casework.NeedRating": ByProvince("assessment"),
    "casework.VisitPlan": ByProvince("case"),
    "casework.SingleVisit": ByProvince("case"),
    "casework.Visit": ByProvince("case"),
    "casework.Assistance": ByProvince("case"),
    "casework.Referral": ByProvince("case"),
    # social capital
    "socialcapital.Instrument": Reference(_CATALOGUE),
    "socialcapital.Question": Reference(_CATALOGUE),
    "socialcapital.Choice": Reference(_CATALOGUE),
    "socialcapital.SurveyRound": ByProvince("area"),
    "socialcapital.Response": ByProvince("household"),
    "socialcapital.Answer": ByProvince("response"),
    "socialcapital.ResponseScore": ByProvince("response"),
    # participation
    "participation.Aspiration": ByProvince("area"),
    "participation.AspirationAnswer": ByProvince("aspiration"),
    "participation.AbuseReport": ByProvince("aspiration"),
    "participation.AspirationRoute": Reference("who answers which category in which area: a few rows per city"),
    "participation.AspirationCounter": Local("one row per year numbering aspirations nation-wide"),
    "participation.PlanningRound": ByProvince("area"),
    "participation.Proposal": ByProvince("round"),
    "participation.Support": ByProvince("proposal"),
    # dashboards: pre-aggregated tallies per area; the national dashboard sums them across provinces
    "dashboards.AreaTally": ByProvince("area_code"),
    "dashboards.AreaBirths": ByProvince("area_code"),
}

# Unique fields whose uniqueness comes from how the value is made, not from the index: a random UUID4 does not
# collide, so at the switch-over the index becomes (province_code, field) and a lookup by it alone fans out.
UNIQUE_BY_CONSTRUCTION: dict[str, str] = {
    "public_id": "a random UUID4 per record, addressed in URLs",
}

_PERSON = (
    "the row's province comes from {via}, not from the person named; fix: the service refuses a person of another "
    "province (the person moves first), then FK (province_code, {fk}_id)"
)
_OTHER = (
    "the row's province comes from {via}, not from {fk}; fix: the service refuses another province's {fk}, "
    "then FK (province_code, {fk}_id)"
)
_REF_TO_DIST = (
    "a reference table cannot reference a distributed one; fix: db_constraint=False, the service that links the "
    "account checks that the person exists"
)

# Every constraint or foreign key Citus would refuse today, with its reason and planned fix. The test fails on a gap
# not listed here and on a listed gap that is gone, so this list is exactly the work left before the switch-over.
KNOWN_GAPS: dict[tuple[str, str], str] = {
    # national numbers: unique across provinces, and a person keeps them when moving
    ("registry.Person", "unique nik"): (
        "NIK is unique nation-wide; fix: a `registry_nik` table distributed by nik (PK nik → province, person id), "
        "written in the person's transaction (Citus commits both shards with two-phase commit)"
    ),
    ("registry.Household", "unique family_card_number"): (
        "the KK number is unique nation-wide; fix: a `registry_kk` table distributed by the number, as for NIK"
    ),
    ("participation.Aspiration", "unique number"): (
        "numbered from one national counter per year; fix: a counter per province and year, the province code "
        "leading the number"
    ),
    ("socialcapital.Response", "unique submission_id"): (
        "a UUID made by the phone, unique by construction; fix: index (province_code, submission_id)"
    ),
    ("programs.Program", "unique program_name_per_organization"): (
        "a name once per organisation nation-wide, but the province comes from the programme's area; fix: decide "
        "whether a partner may reuse a name in another province, then (province_code, organization, name)"
    ),
    ("auditlog.LogEntry", "int id"): (
        "django-auditlog's id is int4; fix: ALTER COLUMN id TYPE bigint (rewrites the table: in the maintenance "
        "window before distributing it)"
    ),
    # reference tables pointing at people
    ("accounts.User", "fk person"): _REF_TO_DIST,
    ("organizations.Membership", "fk person"): _REF_TO_DIST,
    # people named by a record filed elsewhere (usually the same province; nothing enforces it yet)
    ("collaboration.Participant", "fk person"): _PERSON.format(via="meeting", fk="person"),
    ("ledger.Account", "fk holder"): _PERSON.format(via="book", fk="holder"),
    ("wastebank.Member", "fk person"): _PERSON.format(via="bank", fk="person"),
    ("treasury.Member", "fk person"): _PERSON.format(via="organization", fk="person"),
    ("posyandu.Child", "fk person"): _PERSON.format(via="posyandu", fk="person"),
    ("posyandu.Child", "fk mother"): _PERSON.format(via="posyandu", fk="mother"),
    ("posyandu.Pregnancy", "fk person"): _PERSON.format(via="posyandu", fk="person"),
    ("activities.Attendance", "fk person"): _PERSON.format(via="event", fk="person"),
    ("activities.NormWarning", "fk person"): _PERSON.format(via="norm", fk="person"),
    ("programs.Enrolment", "fk person"): _PERSON.format(via="cohort", fk="person"),
    ("casework.Case", "fk person"): _PERSON.format(via="household", fk="person"),
    ("participation.Aspiration", "fk raised_for"): _PERSON.format(via="area", fk="raised_for"),
    ("participation.Support", "fk person"): _PERSON.format(via="proposal", fk="person"),
    # links between module records whose provinces come from different places
    ("collaboration.Decision", "fk commitment"): _OTHER.format(via="meeting", fk="commitment"),
    ("collaboration.Target", "fk location"): _OTHER.format(via="area", fk="location"),
    ("collaboration.ActionPlan", "fk approved_at"): _OTHER.format(via="target", fk="approved_at"),
    ("collaboration.ActivityProject", "fk project"): _OTHER.format(via="activity", fk="project"),
    ("posyandu.Pregnancy", "fk child"): _OTHER.format(via="posyandu", fk="child"),
    ("programs.SessionAttendance", "fk enrolment"): _OTHER.format(via="session", fk="enrolment"),
    ("casework.Assistance", "fk ledger_transaction"): _OTHER.format(via="case", fk="ledger_transaction"),
    ("socialcapital.Response", "fk survey_round"): _OTHER.format(via="household", fk="survey_round"),
    ("participation.Proposal", "fk aspiration"): _OTHER.format(via="round", fk="aspiration"),
    ("participation.Proposal", "fk meeting"): _OTHER.format(via="round", fk="meeting"),
    ("participation.Proposal", "fk activity"): _OTHER.format(via="round", fk="activity"),
    ("participation.Proposal", "fk project"): _OTHER.format(via="round", fk="project"),
}
