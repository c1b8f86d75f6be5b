"""Account pages: log in, change one's password, reset the passwords of the accounts an officer manages, and (when
the server can send mail) reset one's own by e-mail."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _

from gotong.accounts import managed
from gotong.accounts.forms import PasswordChangeForm, SetPasswordForm
from gotong.accounts.mail import mail_configured
from gotong.accounts.models import User
from gotong.core.policy.routes import route


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "mail_reset": mail_configured()}

    def get_success_url(self):
        if self.request.user.must_change_password:
            return reverse_lazy("password-change")
        return super().get_success_url()


class PasswordChangeView(auth_views.PasswordChangeView):
    form_class = PasswordChangeForm
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("dashboard")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("Kata sandi Anda sudah diganti."))
        return response


password_change = route("accounts.password", post="accounts.password")(PasswordChangeView.as_view())


@route("accounts.manage")
def managed_accounts(request):
    """The accounts the officer may reset: inside the officer's work areas (all accounts but superusers for admins)."""
    return render(request, "accounts/managed_list.html", {"accounts": managed.managed_accounts(request.user)})


@route("accounts.manage", post="accounts.manage", target=managed.ManagedAccount())
def reset_password(request, pk):
    account = get_object_or_404(User, pk=pk, is_superuser=False)
    if account.pk == request.user.pk:
        return redirect("password-change")
    password = None
    if request.method == "POST":
        password = managed.reset_password(request.user, account)
    return render(request, "accounts/reset_password.html", {"account": account, "password": password})


def _only_with_mail(view):
    def guarded(request, *args, **kwargs):
        if not mail_configured():
            raise Http404
        return view(request, *args, **kwargs)

    return guarded


class _ConfirmSamples:
    """`target=` of the e-mail link's URL: nothing to look up (Django checks the link), one example to call it."""

    def __call__(self, **kwargs):
        return None

    def samples(self):
        yield {"uidb64": "MQ", "token": "set-password"}


password_reset = route("portal.view", post="portal.view", public=True)(
    _only_with_mail(
        auth_views.PasswordResetView.as_view(
            template_name="accounts/password_reset_form.html",
            email_template_name="accounts/email/password_reset.txt",
            subject_template_name="accounts/email/password_reset_subject.txt",
            success_url=reverse_lazy("password-reset-done"),
        )
    )
)
password_reset_done = route("portal.view", public=True)(
    _only_with_mail(auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"))
)
password_reset_confirm = route("portal.view", post="portal.view", public=True, target=_ConfirmSamples())(
    _only_with_mail(
        auth_views.PasswordResetConfirmView.as_view(
            form_class=SetPasswordForm,
            template_name="accounts/password_reset_confirm.html",
            success_url=reverse_lazy("password-reset-complete"),
        )
    )
)
password_reset_complete = route("portal.view", public=True)(
    _only_with_mail(auth_views.PasswordResetCompleteView.as_view(template_name="accounts/password_reset_complete.html"))
)
