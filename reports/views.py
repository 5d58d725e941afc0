from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse

from awards import selectors as award_selectors
from campaigns import selectors as campaign_selectors
from campaigns.models import Campaign
from common import clock
from indicators import selectors as indicator_selectors
from reports import pdf, selectors
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


# --- Documents: one template per document for the preview page and the PDF (R29) ---------------------


def _pdf_response(doc: selectors.Document) -> HttpResponse:
    html = render_to_string("reports/pdf/page.html", {"doc": doc, "document_template": doc.template})
    data = pdf.render_pdf(html, archival=not doc.draft)
    return HttpResponse(data, content_type=pdf.PDF_MEDIA_TYPE,
                        headers={"Content-Disposition": f'attachment; filename="{doc.filename}"'})


def decision_document(request: HttpRequest, pk: int) -> HttpResponse:
    decision = get_object_or_404(award_selectors.decisions_visible_to(request.user), pk=pk)
    doc = selectors.decision_document(decision, clock.today())
    return render(request, "reports/document.html", {
        "doc": doc, "pdf_url": reverse("reports:decision-pdf", args=[decision.pk]),
        "trail": [("Khen thưởng", reverse("awards:index")), ("Quyết định", reverse("awards:decision-list")),
                  (decision.reference, decision.get_absolute_url())],
    })


def decision_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    decision = get_object_or_404(award_selectors.decisions_visible_to(request.user), pk=pk)
    return _pdf_response(selectors.decision_document(decision, clock.today()))


def plan_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = get_object_or_404(Campaign.objects.visible_to(request.user).select_related("issuer"), pk=pk)
    return _pdf_response(selectors.plan_document(campaign, clock.today()))
