"""What each document shows, built in a fixed number of queries whatever its length (R19, R20).
Each builder returns the `doc` the document's template prints, on the preview page and in the PDF."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from django.utils.html import escape
from django.utils.safestring import mark_safe

from awards.models import Decision
from campaigns import selectors as campaign_selectors
from campaigns.models import Campaign, Status
from common.text import format_number, two_digits
from reports import documents
from units import selectors as unit_selectors
from units.models import Organisation, OrganisationKind

COMMITTEES = {OrganisationKind.PROVINCE_COMMITTEE, OrganisationKind.DISTRICT_COMMITTEE,
              OrganisationKind.COMMUNE_COMMITTEE}


@dataclass
class Document:
    """One printable document: what the template prints plus the PDF's metadata and file name."""

    template: str
    title: str
    author: str
    filename: str
    draft: bool
    head: documents.Letterhead | None = None
    sign: documents.Signature | None = None
    recipients: list[str] = field(default_factory=list)
    extra: dict = field(default_factory=dict)

    def __getattr__(self, name):
        # Templates read the document's own parts as doc.<name>.
        try:
            return self.__dict__["extra"][name]
        except KeyError:
            raise AttributeError(name) from None


def name_line(organisation: Organisation) -> str:
    return organisation.document_name_line or organisation.name.upper()


def parent_line(organisation: Organisation) -> str:
    if organisation.document_parent_line:
        return organisation.document_parent_line
    return organisation.parent.name.upper() if organisation.parent_id else ""


def place_of(organisation: Organisation) -> str:
    """The place on the date line: the body's own, else the nearest parent's ("Thái Nguyên")."""
    if organisation.place_name:
        return organisation.place_name
    return next((o.place_name for o in reversed(unit_selectors.ancestors(organisation)) if o.place_name), "")


def head_role(organisation: Organisation) -> str:
    if organisation.kind in COMMITTEES:
        return "Chủ tịch"
    return "Trạm trưởng" if organisation.kind == OrganisationKind.STATION else "Giám đốc"


def head_title(organisation: Organisation) -> str:
    """Who decides for the body, as the decision prints it: "GIÁM ĐỐC SỞ Y TẾ"."""
    return f"{head_role(organisation)} {name_line(organisation)}".upper()


def notation_for(organisation: Organisation, campaign: Campaign | None, kind: str) -> str:
    """A draft's ký hiệu: the document kind and the body's code from its plan ("KH-SYT" → "QĐ-SYT")."""
    if campaign is not None and "-" in campaign.notation:
        return f"{kind}-{campaign.notation.split('-', 1)[1]}"
    return f"{kind}-SYT" if organisation.kind == OrganisationKind.DEPARTMENT else kind


def _count_phrase(individuals: int, collectives: int) -> str:
    parts = []
    if individuals:
        parts.append(f"{two_digits(individuals)} cá nhân")
    if collectives:
        parts.append(f"{two_digits(collectives)} tập thể")
    return " và ".join(parts)


def _plan_reference(campaign: Campaign | None) -> str:
    if campaign is None:
        return ""
    kind = "Kế hoạch" if campaign.document_kind == Campaign.DocumentKind.PLAN else "Chương trình"
    return documents.reference_text(kind, campaign.number, campaign.notation, campaign.issue_date,
                                    campaign.issuer.name)


NUMBER_RE = re.compile(r"(\S*\d+/[A-ZĐ0-9][A-ZĐ0-9-]*[A-ZĐ0-9])")


def keep_numbers(text: str) -> str:
    """Escape `text` and keep document numbers ("15/KH-SYT", "152/2025/NĐ-CP") on one line: the
    hyphen is a break opportunity to the layout engine."""
    return mark_safe(NUMBER_RE.sub(r'<span class="nobr">\1</span>', str(escape(text))))


def _award_name(line) -> str:
    """The form's name without the catalogue's "(cá nhân)"/"(tập thể)" suffix: the list says who."""
    return re.sub(r"\s*\((cá nhân|tập thể)\)$", "", line.award_type.name)


def decision_document(decision: Decision, today: date) -> Document:
    """QUYẾT ĐỊNH khen thưởng with its list; a draft keeps number and date blank for the registry."""
    issuer = decision.issuer
    lines = list(decision.lines.select_related("award_type", "person__organisation", "organisation__parent")
                 .order_by("order", "pk"))
    individuals = [line for line in lines if line.person_id]
    collectives = [line for line in lines if line.organisation_id]
    draft = decision.status == Decision.Status.DRAFT
    day = None if draft else decision.issue_date
    campaign = decision.campaign
    titles = list(dict.fromkeys(_award_name(line) for line in lines if line.award_type.category == "title"))
    forms = list(dict.fromkeys(_award_name(line) for line in lines if line.award_type.category != "title"))
    counted = _count_phrase(len(individuals), len(collectives))
    achievement = (f"đã có thành tích trong phong trào thi đua theo {_plan_reference(campaign)}" if campaign
                   else "đã có thành tích xuất sắc")
    # A title is recognised (công nhận), a form is given (tặng).
    given = " và ".join(filter(None, [f"công nhận danh hiệu {', '.join(titles)}" if titles else "",
                                      f"tặng {', '.join(forms)}" if forms else ""]))
    article_one = keep_numbers(f"{given[:1].upper() + given[1:] if given else 'Khen thưởng'} cho {counted} "
                               f"(có danh sách kèm theo), {achievement}.")
    total = sum(line.bonus or 0 for line in lines)
    article_two = ""
    if total:
        article_two = (f"Tiền thưởng kèm theo thực hiện theo quy định hiện hành, tổng số "
                       f"{format_number(total)} đồng (theo danh sách kèm theo), chi từ Quỹ thi đua, khen thưởng "
                       f"của {issuer.name}.")
    last = 3 if article_two else 2
    unit_decision = decision.kind == Decision.Kind.UNIT
    executors = (("Trưởng các khoa, phòng có liên quan" if unit_decision
                  else "Chánh Văn phòng, Trưởng các phòng chức năng, Thủ trưởng các đơn vị có liên quan")
                 + " và các cá nhân, tập thể có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.")
    authority = head_title(issuer)
    notation = decision.notation or notation_for(issuer, campaign, "QĐ")
    number = None if draft else decision.number
    head = documents.letterhead(parent_line=parent_line(issuer), name_line=name_line(issuer),
                                place=place_of(issuer), number=number, notation=notation, day=day,
                                year=(day or today).year)
    reference = documents.reference_text("Quyết định", number, notation, day, f"{head_role(issuer)} {issuer.name}")
    return Document(
        template="reports/documents/decision.html",
        title=f"Quyết định {decision.title}", author=issuer.name,
        filename=f"quyet-dinh-{decision.number or 'du-thao'}-{decision.pk}.pdf", draft=draft, head=head,
        sign=documents.signature(decision.signer_prefix, decision.signer_title, decision.signer_name),
        recipients=[f"Như Điều {last};", "Lưu: VT, TĐKT."],
        extra={"subject": decision.title, "authority": authority,
               "bases": [keep_numbers(line) for line in documents.award_decision_bases(day or today, plan_reference=_plan_reference(campaign),
                                                       proposer=("Hội đồng Thi đua - Khen thưởng " if unit_decision
                                                                 else "Thường trực Hội đồng Thi đua - Khen thưởng ")
                                                       + issuer.name)],
               "article_one": article_one, "article_two": article_two, "last_article": last,
               "executors": executors, "individuals": individuals, "collectives": collectives, "total": total,
               "list_title": "cá nhân, tập thể được khen thưởng", "reference": keep_numbers(reference)},
    )



def plan_document(campaign: Campaign, today: date) -> Document:
    """The plan as printed (seeds 000–003), from the campaign's own data."""
    parts = campaign_selectors.document(campaign, today)
    draft = campaign.status == Status.DRAFT or not campaign.number
    return Document(
        template="reports/documents/plan.html",
        title=f"{campaign.document_type_label.capitalize()} {campaign.title}", author=campaign.issuer.name,
        filename=f"ke-hoach-{campaign.number or 'du-thao'}-{campaign.pk}.pdf", draft=draft,
        extra={"campaign": campaign, "recipient_rows": parts.pop("recipients"), **parts},
    )
