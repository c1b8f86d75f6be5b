from django.urls import path

from gotong.treasury.views import loans, pages, records, statements

app_name = "treasury"

urlpatterns = [
    path("", pages.home, name="home"),
    path("saya/", pages.mine, name="mine"),
    path("<int:org_id>/", pages.summary, name="summary"),
    path("<int:org_id>/kas/", records.cash_book, name="cash-book"),
    path("<int:org_id>/kas/catat/", records.cash_entry_new, name="cash-entry-new"),
    path("kas/<int:pk>/batal/", records.cash_entry_cancel, name="cash-entry-cancel"),
    path("<int:org_id>/anggota/", records.member_list, name="members"),
    path("<int:org_id>/anggota/tambah/", records.member_new, name="member-new"),
    path("anggota/<uuid:public_id>/", records.member_detail, name="member-detail"),
    path("anggota/<uuid:public_id>/simpanan/", records.savings_new, name="savings-new"),
    path("<int:org_id>/produk/", loans.products, name="products"),
    path("<int:org_id>/pinjaman/", loans.loan_list, name="loans"),
    path("<int:org_id>/pinjaman/baru/", loans.loan_new, name="loan-new"),
    path("<int:org_id>/tunggakan/", loans.arrears, name="arrears"),
    path("<int:org_id>/laporan/", statements.statements, name="statements"),
    path("<int:org_id>/laporan.pdf", statements.statements, {"fmt": "pdf"}, name="statements-pdf"),
    path("<int:org_id>/laporan.xlsx", statements.statements, {"fmt": "xlsx"}, name="statements-xlsx"),
    path("<int:org_id>/tutup-buku/", statements.month_close, name="month-close"),
    path("pinjaman/<uuid:public_id>/", loans.loan_detail, name="loan-detail"),
    path("pinjaman/<uuid:public_id>/bayar/", loans.repayment_new, name="repayment-new"),
    path("pinjaman/<uuid:public_id>/kartu.pdf", loans.loan_pdf, name="loan-pdf"),
]
