from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from awards import selectors as award_selectors
from campaigns import selectors as campaign_selectors
from common import clock
from indicators import selectors as indicator_selectors
from units import access
from units import selectors as unit_selectors

SEARCH_LIMIT = 10


def home(request: HttpRequest) -> HttpResponse:
    """What needs the user's attention now; each app adds its own queue here."""
    today = clock.today()
    memberships = access.memberships(request.user)
    return render(request, "reports/home.html", {
        "today": today,
        "memberships": memberships,
        "deadlines": campaign_selectors.upcoming_deadlines(request.user, today),
        "my_reports": indicator_selectors.reports_for(request.user, today),
        "awaiting_review": indicator_selectors.awaiting_review(request.user),
        **campaign_selectors.home_campaigns(request.user),
        **award_selectors.home_queues(request.user),
    })


def search(request: HttpRequest) -> HttpResponse:
    """One box for units, people and campaigns, typed with or without diacritics."""
    q = request.GET.get("q", "").strip()[:200]
    context = {"q": q}
    if q:
        units = unit_selectors.search_organisations(request.user, q=q, status="all")
        people = unit_selectors.search_people(request.user, q=q, status="all")
        campaigns = campaign_selectors.campaign_list(request.user, q=q)
        context.update(
            units=list(units[:SEARCH_LIMIT]), unit_count=units.count(),
            people=list(people[:SEARCH_LIMIT]), people_count=people.count(),
            campaigns=list(campaigns[:SEARCH_LIMIT]), campaign_count=campaigns.count(),
        )
    return render(request, "reports/search.html", context)
