"""The columns of every cash book's CSV/XLSX (the treasury's and a waste bank's): the page's table, row for row."""

from django.utils.translation import gettext_lazy as _

from gotong.exports.specs import DATE, RUPIAH, Column

CASH_BOOK_COLUMNS = [
    Column(_("Tanggal"), lambda r: r.date, DATE),
    Column(_("Jenis"), lambda r: r.kind),
    Column(_("Uraian"), lambda r: r.description),
    Column(_("Pihak"), lambda r: r.counterpart),
    Column(_("Kategori"), lambda r: r.category),
    Column(_("Mitra"), lambda r: r.partner),
    Column(_("Masuk (Rp)"), lambda r: r.money_in or None, RUPIAH),
    Column(_("Keluar (Rp)"), lambda r: r.money_out or None, RUPIAH),
    Column(_("Saldo (Rp)"), lambda r: r.balance, RUPIAH),
    Column(_("Dibatalkan"), lambda r: _("ya") if r.reversed else ""),
]
