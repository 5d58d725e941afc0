"""What reports adds to the plan, decision, tờ trình and council pages (their apps may not import
reports): the editions panel – each edition sent for signature with its SHA-256, the registry's
number and date, its downloads and the changes made to the data after it (amendments)."""

from django import template
from django.urls import reverse

from awards.models import AwardEvent
from campaigns.models import CampaignEvent
from reports import services
from reports.models import DocumentEdition, SignedCopy
from units import access

register = template.Library()
Kind = DocumentEdition.Kind
SLUGS = {Kind.PLAN: "ke-hoach", Kind.DECISION: "quyet-dinh", Kind.PROPOSAL: "to-trinh", Kind.MINUTES: "bien-ban",
         Kind.CERTIFICATES: "giay-khen"}


def _amendments(kind: str, obj, editions: list[DocumentEdition]) -> None:
    """Each edition's amendments: changes with a reason written to the document's history after it
    was sent for signature and before the next edition (one query)."""
    if not editions:
        return
    if kind == Kind.PLAN:
        rows = CampaignEvent.objects.filter(campaign=obj)
    else:
        rows = AwardEvent.objects.filter(target_id=obj.pk, target_type=str(obj._meta.verbose_name))
    rows = list(rows.filter(at__gt=editions[0].made_at).exclude(reason="").exclude(
        target_type=services.EDITION_LABEL).select_related("actor").order_by("at", "id"))
    for index, edition in enumerate(editions):
        until = editions[index + 1].made_at if index + 1 < len(editions) else None
        edition.amendments = [row for row in rows if row.at > edition.made_at and (until is None or row.at <= until)]


@register.inclusion_tag("reports/_editions.html", takes_context=True)
def editions_panel(context, kind, obj):
    request = context["request"]
    editions = services.editions_of(kind, obj.pk)
    _amendments(kind, obj, editions)
    certificates = services.editions_of(Kind.CERTIFICATES, obj.pk) if kind == Kind.DECISION else []
    action, organisation = services.edition_owner(kind, obj)
    may = access.can(request.user, action, organisation)
    copies = SignedCopy.objects.filter(edition__in=editions).select_related("uploaded_by") if editions else []
    for edition in editions:
        edition.signed = [copy for copy in copies if copy.edition_id == edition.pk]
        edition.signed_urls = {copy.pk: reverse("reports:signed-copy-file", args=[SLUGS[kind], obj.pk, copy.pk])
                               for copy in edition.signed}
    last = editions[-1] if editions else None
    awaiting = last is not None and not last.is_issued and not last.closed_reason
    is_decision = kind == Kind.DECISION
    numbered = is_decision and obj.status != "draft"
    return {
        "kind": kind, "slug": SLUGS[kind], "obj": obj, "editions": list(reversed(editions)),
        "certificates": certificates, "awaiting": awaiting, "is_decision": is_decision,
        # After an edition, a new one is made by reopening (with the reason) first: one way, not two.
        "can_send": may and (last is None or bool(last.closed_reason)) and not numbered
        and (kind != Kind.PLAN or obj.status != "closed"),
        "needs_reason": last is not None and not last.closed_reason,
        "can_reopen": may and not numbered and last is not None and not last.closed_reason,
        "can_record": may and awaiting and kind in (Kind.PROPOSAL, Kind.MINUTES),
        "plan_issue": may and awaiting and kind == Kind.PLAN,
        # Issued before the system kept editions (transcribed from the office's files): nothing frozen.
        # Signed copies come back for the current edition: awaiting signature, or issued (the văn thư's
        # issuing signature is added after the number and date are given).
        "can_upload_signed": may and kind != Kind.CERTIFICATES and last is not None and not last.closed_reason,
        "imported_issued": not editions and (numbered or (kind == Kind.PLAN and obj.status != "draft")),
        "request": request, "csrf_token": context.get("csrf_token"),
    }
