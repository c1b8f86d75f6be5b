from django.contrib.auth import views as auth_views
from django.urls import path

from gotong.accounts import views
from gotong.accounts.mail import mail_configured

urlpatterns = [
    path("masuk/", views.LoginView.as_view(), name="login"),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("kata-sandi/", views.password_change, name="password-change"),
    path("pengguna/", views.managed_accounts, name="managed-accounts"),
    path("pengguna/<int:pk>/atur-ulang/", views.reset_password, name="reset-password"),
]

# Password reset by e-mail only where the server can send mail: elsewhere these addresses do not exist (404).
if mail_configured():
    urlpatterns += [
        path("lupa-kata-sandi/", views.password_reset, name="password-reset"),
        path("lupa-kata-sandi/terkirim/", views.password_reset_done, name="password-reset-done"),
        path("lupa-kata-sandi/selesai/", views.password_reset_complete, name="password-reset-complete"),
        path("lupa-kata-sandi/<uidb64>/<token>/", views.password_reset_confirm, name="password-reset-confirm"),
    ]
