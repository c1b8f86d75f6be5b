from django.urls import path

from gotong.wastebank.views import entry, pages, reporting

app_name = "wastebank"

urlpatterns = [
    path("", pages.home, name="home"),
    path("<int:bank_id>/", pages.bank_detail, name="bank"),
    path("<int:bank_id>/anggota/", pages.member_list, name="members"),
    path("<int:bank_id>/harga/", pages.prices, name="prices"),
    path("<int:bank_id>/harga/tanggal/", pages.price_box, name="price-box"),
    path("<int:bank_id>/setor/", entry.deposit_create, name="deposit-create"),
    path("<int:bank_id>/tarik/", entry.withdrawal_create, name="withdrawal-create"),
    path("<int:bank_id>/jual/", entry.sale_create, name="sale-create"),
    path("<int:bank_id>/kas-masuk/", entry.cash_in_create, name="cash-in-create"),
    path("<int:bank_id>/kas/", reporting.cash_book, name="cash-book"),
    path("<int:bank_id>/laporan/", reporting.monthly, name="report"),
    path("<int:bank_id>/laporan.pdf", reporting.monthly, {"fmt": "pdf"}, name="report-pdf"),
    path("<int:bank_id>/laporan.xlsx", reporting.monthly, {"fmt": "xlsx"}, name="report-xlsx"),
    path("anggota/<uuid:public_id>/", pages.member_detail, name="member"),
    path("anggota/<uuid:public_id>/buku-tabungan.pdf", pages.passbook_pdf, name="passbook-pdf"),
    path("catatan/<slug:kind>/<uuid:public_id>/", entry.record_detail, name="record"),
    path("catatan/<slug:kind>/<uuid:public_id>/batal/", entry.record_cancel, name="record-cancel"),
]
