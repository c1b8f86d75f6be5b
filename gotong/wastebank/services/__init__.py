"""Every write to the waste bank goes through these functions (views, demo and commands alike).

Chart of accounts of a waste bank's book ("Bank sampah"), all in whole rupiah:

| code        | account                                   | kind      | may go negative |
|-------------|-------------------------------------------|-----------|-----------------|
| 1101        | Kas bank sampah (the till)                | asset     | no              |
| 2101-NNNN   | Tabungan anggota NNNN (one per member)    | liability | no              |
| 3101        | Modal dan hibah (capital, grants)         | equity    | yes             |
| 4101        | Penjualan sampah (sales to pengepul)      | income    | yes             |
| 5101        | Pembelian sampah dari anggota             | expense   | yes             |

Postings (debit first):
- deposit of waste:     debit 5101 purchases, credit 2101-NNNN member savings (value at the day's price list)
- withdrawal (cash):    debit 2101-NNNN, credit 1101 cash
- withdrawal (sembako): debit 2101-NNNN, credit 1101 cash: the bank pays the shop for the member's goods
- sale to a collector:  debit 1101 cash, credit 4101 sales
- cash in (capital):    debit 1101 cash, credit 3101 capital
- cancellation:         the ledger reversal of the original transaction

Waste is bought as an expense (periodic method) rather than valued as stock: a bank sampah does not know the
collector's price until it sells, so the margin of a period is sales (4101) − purchases (5101); kilograms on
hand are reported from the weighed lines instead. Members' savings are what the bank owes them.
"""

from gotong.wastebank.services.catalog import add_category, price_list, price_on, set_price  # noqa: F401
from gotong.wastebank.services.records import (  # noqa: F401
    cancel_record,
    record_cash_in,
    record_deposit,
    record_sale,
    record_withdrawal,
)
from gotong.wastebank.services.setup import (  # noqa: F401
    CAPITAL,
    CASH,
    PURCHASES,
    SALES,
    SAVINGS_PREFIX,
    bank_account,
    register_member,
    set_up_bank,
)
