"""QUÁ TRÌNH KHEN THƯỞNG as a PDF (issue 16): the register's history of a person or unit, from the
same rows as the register page and its .xlsx (awards.selectors.award_history). Here, not in awards,
because nothing imports reports (architecture.md) and the PDF machinery lives here."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from awards import selectors as award_selectors
from common import clock
from reports import pdf, selectors, services
from units import access
from units import selectors as unit_selectors


def _pdf(history) -> HttpResponse:
    with pdf.without_cyclic_gc():
        doc = selectors.award_history_document(history, clock.today())
        data = pdf.render_pdf(services.render_html(doc))
    return HttpResponse(data, content_type=pdf.PDF_MEDIA_TYPE,
                        headers={"Content-Disposition": f'attachment; filename="{doc.filename}"'})


def history_person_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    # The register page's scope: a person outside it is a 404 whatever id is typed.
    person = get_object_or_404(unit_selectors.visible_people(request.user).select_related("organisation"), pk=pk)
    return _pdf(award_selectors.award_history(person=person))


def history_organisation_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = get_object_or_404(access.visible_organisations(request.user).select_related("parent"), pk=pk)
    return _pdf(award_selectors.award_history(organisation=organisation))
