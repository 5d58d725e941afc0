from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse


class PasswordChangeRequiredMiddleware:
    """After a reset, the temporary password only opens the change-password page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.must_change_password:
            allowed = {reverse("password_change"), reverse("logout")}
            if request.path not in allowed and not request.path.startswith("/static/"):
                messages.warning(request, "Bạn đang dùng mật khẩu tạm. Hãy đặt mật khẩu mới để tiếp tục.")
                return redirect("password_change")
        return self.get_response(request)
