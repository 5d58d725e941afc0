"""The bare page `manage.py bench` measures every page against (settings.BENCH_BARE_PAGE, never on
in production): what Django itself costs for a signed-in page, one query, a 50-row table and a
minimal template, with no base layout, menus or access checks of ours."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from units.models import Person


def bare(request: HttpRequest) -> HttpResponse:
    # Reached only signed in (LoginRequiredMiddleware): the session and the user are read as on
    # every page of ours.
    people = Person.objects.only("pk", "full_name", "employee_code", "position").order_by("pk")[:50]
    return render(request, "bench/bare.html", {"people": people})
