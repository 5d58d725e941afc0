from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from campaigns import selectors as campaign_selectors
from common import clock
from units import access


def home(request: HttpRequest) -> HttpResponse:
    """What needs the user's attention now; each app adds its own queue here."""
    today = clock.today()
    memberships = access.memberships(request.user)
    return render(request, "reports/home.html", {
        "today": today,
        "memberships": memberships,
        "deadlines": campaign_selectors.upcoming_deadlines(request.user, today),
        **campaign_selectors.home_campaigns(request.user),
    })
