"""Every write of the treasury; each money movement is one `gotong.ledger` transaction."""

from gotong.treasury.services.books import (  # noqa: F401
    DEFAULT_CATEGORIES,
    cancel_cash_entry,
    ensure_setup,
    record_cash_entry,
    treasury_book,
)
from gotong.treasury.services.closing import (  # noqa: F401
    close_month,
    closing_state,
    month_to_close,
)
from gotong.treasury.services.loans import (  # noqa: F401
    LoanState,
    arrears,
    create_product,
    disburse_loan,
    loan_state,
    record_repayment,
)
from gotong.treasury.services.savings import (  # noqa: F401
    add_member,
    record_savings,
    savings_account,
    savings_balances,
    savings_balances_of,
)
from gotong.treasury.services.statements import (  # noqa: F401
    default_period,
    financial_statements,
    parse_period,
    period_choices,
)
from gotong.treasury.services.summary import (  # noqa: F401
    cash_position,
    cash_positions,
    monthly_totals,
    public_summaries,
    public_summary,
)
