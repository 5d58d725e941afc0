"""What each document shows, built in a fixed number of queries whatever its length (R19, R20).
Each builder returns the `doc` the document's template prints, on the preview page and in the PDF."""

from __future__ import annotations

import copy
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe

from awards import rules as award_rules
from awards.models import (
    CouncilSession,
    DatedLegalBasis,
    Decision,
    DecisionLine,
    LegalBasisDocument,
    Nomination,
    Proposal,
)
from awards.workflow import CLOSED
from campaigns import selectors as campaign_selectors
from campaigns.models import Campaign, Participation, Status
from common import memo
from common.forms import parse_id
from common.text import document_date_line, format_date, format_number, two_digits, vi_sort_key
from indicators import selectors as indicator_selectors
from indicators.evaluation import NO_DATA
from indicators.models import Submission
from reports import documents, outlines, summary
from reports.models import PROSE_FIELDS, Report, ReportFile, TrustAnchor
from units import access
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


# Plans (campaigns) print the same place, so it lives with the units.
place_of = unit_selectors.place_of


def head_role(organisation: Organisation) -> str:
    if organisation.kind in COMMITTEES:
        return "Chủ tịch"
    return "Trạm trưởng" if organisation.kind == OrganisationKind.STATION else "Giám đốc"


def head_title(organisation: Organisation) -> str:
    """Who decides for the body, as the decision prints it: "GIÁM ĐỐC SỞ Y TẾ"."""
    return f"{head_role(organisation)} {name_line(organisation)}".upper()


def notation_for(organisation: Organisation, campaign: Campaign | None, kind: str) -> str:
    """A draft's ký hiệu: the document kind and the body's code from its plan ("KH-SYT" → "QĐ-SYT");
    a unit writing under another body's plan uses its own code ("BC-TTYT-PB")."""
    if campaign is not None and campaign.issuer_id != organisation.pk and organisation.code:
        return f"{kind}-{organisation.code}"
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
    """The plan as another document cites it: by number and date once registered; a plan the
    registry never numbered (typed in from paper, seed 000) by its title and date, not blanks."""
    if campaign is None:
        return ""
    kind = "Kế hoạch" if campaign.document_kind == Campaign.DocumentKind.PLAN else "Chương trình"
    if not campaign.number:
        return documents.titled_reference(kind, campaign.title, campaign.issue_date, campaign.year,
                                          campaign.issuer.name)
    return documents.reference_text(kind, campaign.number, campaign.notation, campaign.issue_date,
                                    campaign.issuer.name)


def _bases_on(day: date) -> list[str]:
    """The instruments a decision signed on `day` (a draft: today) cites: one query on the dated
    table, chosen in Python (awards.rules.legal_bases_on)."""
    rows = list(DatedLegalBasis.objects.filter(document=LegalBasisDocument.DECISION))
    return [row.text for row in award_rules.legal_bases_on(rows, day, LegalBasisDocument.DECISION)]


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
    # A draft dated ahead keeps its own month and year; one without a date is being written now.
    known = decision.issue_date
    head = documents.letterhead(parent_line=parent_line(issuer), name_line=name_line(issuer),
                                place=place_of(issuer), number=number, notation=notation, day=day,
                                month=known.month if known else None, year=(known or today).year)
    reference = documents.reference_text("Quyết định", number, notation, day, f"{head_role(issuer)} {issuer.name}")
    return Document(
        template="reports/documents/decision.html",
        title=f"Quyết định {decision.title}", author=issuer.name,
        filename=f"quyet-dinh-{decision.number or 'du-thao'}-{decision.pk}.pdf", draft=draft, head=head,
        sign=documents.signature(decision.signer_prefix, decision.signer_title, decision.signer_name),
        recipients=[f"Như Điều {last};", "Lưu: VT, TĐKT."],
        extra={"subject": decision.title, "authority": authority,
               "bases": [keep_numbers(line) for line in documents.award_decision_bases(
                   _bases_on(day or today), plan_reference=_plan_reference(campaign),
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


# --- Summary reports ------------------------------------------------------------------------------------


def is_whole_campaign(report: Report) -> bool:
    return report.organisation_id == report.campaign.issuer_id


def _indicator_rows(report: Report, table: list) -> list[dict]:
    """Seed 004's appendix columns, as strings: STT | Tên chỉ tiêu | Đvt | KH | TH (Thực hiện, Tỷ lệ) | KH năm sau.
    The whole campaign reads its rolled-up figure; a unit its own cell."""
    whole = is_whole_campaign(report)
    rows = []
    for row in table:
        indicator = row.indicator
        item = indicator.subcampaign
        base = {"number": indicator.number, "label": indicator.display_label, "unit": indicator.display_unit,
                "next_target": indicator.next_target_text, "level": 1 if indicator.parent_id else 0,
                "item": f"{item.number} {item.title}".strip() if item else ""}
        if indicator.is_group:
            rows.append({**base, "group": True, "target": "", "actual": "", "ratio": "", "status": ""})
            continue
        coverage = ""
        if whole:
            # The dashboard's verdict (CampaignRow.verdict), word for word: a total still waiting
            # for units is "Chưa đủ số liệu" here too, with how many have sent.
            evaluation = row.evaluation
            actual = row.figure_text
            target = indicator.target_text
            status = row.verdict.status if row.verdict else NO_DATA
            ratio = evaluation.display if evaluation and actual else ""
            coverage = row.coverage_note
        else:
            cell = row.unit_cells.get(report.organisation_id)
            if cell is None:
                continue
            actual = cell.result.actual_text if cell.result is not None else ""
            target = cell.target.text or indicator.target_text
            status = cell.evaluation.status
            ratio = cell.evaluation.display if actual else ""
        rows.append({**base, "group": False, "target": target, "actual": actual, "ratio": ratio,
                     "status": status, "coverage": coverage})
    return rows


_UNIT_ROWS = memo.Memo(size=16)


def _unit_rows(report: Report, table: list, matrix_rows: list) -> list[dict]:
    """Appendix II of the whole campaign's report: each reporting unit, its report and its indicators met.
    "x/y" counts only the indicators judged for that unit (a figure only followed, a part of a total
    judged as the total, are not); a unit that has not sent owes y all the same, and says so."""
    met: dict[int, int] = defaultdict(int)
    owed: dict[int, int] = defaultdict(int)
    for row in table:
        for org_id, cell in row.unit_cells.items():
            if not cell.judged:
                continue
            owed[org_id] += 1
            if cell.evaluation.status == "Đạt":
                met[org_id] += 1
    rows = []
    for matrix_row in matrix_rows:
        organisation = matrix_row.organisation
        cell = next((c for c in matrix_row.cells if c.period.pk == report.period_id), None)
        if cell is None:
            continue
        counted = cell.submission is not None and cell.submission.status in indicator_selectors.COUNTED
        sent = cell.submission.submitted_at if counted else None
        # A unit that has not sent its figures has met nothing yet: "—/7, chưa gửi", not "0/7, 0%".
        rows.append({"name": organisation.name, "state": str(cell.label),
                     "sent": format_date(sent)[-10:] if sent else "",
                     "met": met[organisation.pk] if counted else "—", "owed": owed[organisation.pk],
                     "share": summary.share(met[organisation.pk], owed[organisation.pk]) if counted else "chưa gửi"})
    return rows


def _award_figures(report: Report) -> dict:
    """Awards decided under the campaign by the end of the report's period, within its scope."""
    lines = (DecisionLine.objects.filter(decision__campaign=report.campaign, decision__status=Decision.Status.ISSUED)
             .select_related("award_type", "decision__issuer", "person"))
    if report.period is not None and report.period.deadline:
        lines = lines.filter(decision__issue_date__lte=report.period.deadline)
    if not is_whole_campaign(report):
        path = report.organisation.path
        lines = lines.filter(Q(person__organisation__path__startswith=path) | Q(organisation__path__startswith=path))
    by_type: dict[tuple, dict] = {}
    by_level: dict[str, int] = defaultdict(int)
    individuals = collectives = direct = 0
    for line in lines:
        key = (line.award_type.order, line.award_type.name)
        entry = by_type.setdefault(key, {"name": line.award_type.name,
                                         "category": str(line.award_type.get_category_display()),
                                         "individuals": 0, "collectives": 0})
        if line.person_id:
            entry["individuals"] += 1
            individuals += 1
            direct += 1 if line.person.is_direct_worker else 0
        else:
            entry["collectives"] += 1
            collectives += 1
        level = (f"Thủ trưởng {line.decision.issuer.name}" if line.decision.kind == Decision.Kind.UNIT
                 else f"{head_role(line.decision.issuer)} {line.decision.issuer.name}")
        by_level[level] += 1
    return {"by_type": [by_type[k] for k in sorted(by_type)],
            "by_level": [{"level": k, "count": v} for k, v in sorted(by_level.items(), key=lambda kv: -kv[1])],
            "individuals": individuals, "collectives": collectives, "direct": direct,
            "direct_share": summary.share(direct, individuals),
            "sentence": summary.awards_sentence(individuals=individuals, collectives=collectives, direct=direct)}


def report_figures(report: Report, today: date) -> dict:
    """Everything a summary report computes from live data, as plain strings and numbers (it is
    frozen as JSON on issue). A fixed number of queries whatever the number of units."""
    campaign, period = report.campaign, report.period
    # Read before the figures it versions (common.memo.stamp).
    stamp = indicator_selectors.figures_stamp(campaign) if period is not None else None
    table = indicator_selectors.campaign_table(campaign, period, None, today) if period is not None else []
    indicators = _indicator_rows(report, table)
    figures = {"indicators": indicators, "indicator_sentence": summary.indicator_sentence(indicators),
               "period_label": str(period.display_label) if period else "", "units": [], "completeness": "",
               "coverage": "", "coverage_warning": "", "awards": _award_figures(report),
               "narratives": narratives(report)}
    if period is not None and is_whole_campaign(report):
        _periods, matrix = indicator_selectors.completeness(campaign, None, today, period)
        states = defaultdict(int)
        for matrix_row in matrix:
            for cell in matrix_row.cells:
                if cell.period.pk == period.pk:
                    states[cell.timeliness] += 1
        figures["completeness"] = summary.completeness_sentence(
            expected=sum(states.values()), on_time=states["on_time"], late=states["late"],
            missing=states["missing"], pending=states["pending"], returned=states["returned"])
        # Frozen with the figures on issue: the report says for ever how complete its period was.
        sent, expected = states["on_time"] + states["late"], sum(states.values())
        figures["coverage"] = summary.coverage_sentence(sent=sent, expected=expected)
        figures["coverage_warning"] = summary.coverage_warning(
            sent=sent, expected=expected, pending=states["pending"], missing=states["missing"],
            returned=states["returned"])
        # 3.000 units' rows of a country's appendix, dates and shares written out: once per change
        # of the campaign's figures, like the table and the matrix they come from.
        key = (campaign.pk, period.pk, today, stamp)
        figures["units"] = _UNIT_ROWS.get(key, lambda: _unit_rows(report, table, matrix))
    return figures


def narratives(report: Report) -> dict[str, list[dict]]:
    """What the units wrote with their figures for the report's period, under each heading."""
    if report.period_id is None:
        return {"done": [], "difficulties": [], "proposals": []}
    sent = (Submission.objects.filter(period_id=report.period_id, status__in=indicator_selectors.COUNTED)
            .select_related("organisation"))
    if not is_whole_campaign(report):
        sent = sent.filter(organisation__path__startswith=report.organisation.path)
    gathered: dict[str, list[dict]] = {"done": [], "difficulties": [], "proposals": []}
    for submission in sorted(sent, key=lambda s: vi_sort_key(s.organisation.name)):
        for key, text in (("done", submission.narrative_done), ("difficulties", submission.narrative_difficulties),
                          ("proposals", submission.narrative_proposals)):
            if text.strip():
                gathered[key].append({"unit": submission.organisation.name, "text": text.strip()})
    return gathered


def _recipient_lines(text: str) -> list[str]:
    """One per line as typed; NĐ 30 punctuation: ";" after each, "." after the last (Lưu)."""
    lines = [line.strip().lstrip("-").strip().rstrip(";.").strip() for line in text.splitlines()]
    lines = [line for line in lines if line]
    return [f"{line}{'.' if i == len(lines) - 1 else ';'}" for i, line in enumerate(lines)]


def _by_item(rows: list[dict]) -> list[dict]:
    """Section II: the indicator rows under the content item they belong to, in the plan's order."""
    groups: dict[str, list[dict]] = {}
    for row in rows:
        groups.setdefault(row["item"], []).append(row)
    return [{"item": item, "rows": group} for item, group in groups.items()]


# What trình ký freezes besides the figures and the outline: what the document prints from the report's row.
FROZEN_FIELDS = ["title", "recipient_line", *PROSE_FIELDS, "recipients", "notation", "signer_prefix", "signer_title",
                 "signer_name", "issue_month", "issue_year"]
# The issue records these afresh (the registry's notation, who actually signed): the issued print
# takes them from the row, the rest from what was frozen.
REGISTRY_FIELDS = ["notation", "signer_prefix", "signer_title", "signer_name"]


def report_lead(report: Report) -> str:
    campaign = report.campaign
    return report.lead_in or documents.report_lead(
        plan_reference=_plan_reference(campaign) if campaign.number else "", campaign_title=campaign.title,
        organisation_name=report.organisation.name, kind=report.kind)


def frozen_text(report: Report, today: date) -> dict:
    """The prose, outline and signer as trình ký freezes them, with the lead-in as printed (it cites
    the plan's number, which a reissued plan may change) and the year of the date line."""
    return {**{name: getattr(report, name) for name in FROZEN_FIELDS}, "lead": report_lead(report),
            "year": today.year, "outline": [row.as_outline().as_dict() for row in report.sections.all()]}


def _frozen_outline(report: Report, text: dict) -> list[outlines.Section]:
    if "outline" in text:
        return [outlines.Section.from_dict(row) for row in text["outline"]]
    # Frozen before outlines existed: the headings it printed then, with its prose.
    return outlines.legacy_outline(text, kind=report.kind, year=report.year, whole=is_whole_campaign(report),
                                   has_period=report.period_id is not None)


def _draft_day(month: int | None, year: int | None) -> str:
    """ "ngày …… tháng 11 năm 2020": what a draft knows of its date; the registry fills in the rest."""
    text = document_date_line("", None, month=month, year=year)
    return text[:1].lower() + text[1:]


def _shown_sections(sections: list[outlines.Section], figures: dict, *, year: int, actual_label: str,
                    editing: bool) -> list[dict]:
    """Each section as the template prints it, its block's rows resolved from the figures; while the
    report is a draft, the headings trình ký would refuse say so on the page."""
    appendix = outlines.appendix_label(sections, outlines.INDICATOR_APPENDIX)
    empty = set(outlines.unwritten_positions(sections)) if editing else set()
    gathered = figures.get("narratives") or {}
    shown = []
    for position, section in enumerate(sections):
        row = {**section.as_dict(), "lines": [line for line in section.body.splitlines() if line.strip()]}
        if section.block == outlines.INDICATOR_APPENDIX:
            row["columns"] = outlines.columns_of(section, year, actual_label)
        elif section.block == outlines.BRIEFING:
            row["briefing"] = outlines.briefing_rows(section.data)
            row["groups"] = outlines.BRIEFING_GROUPS
            row["first_column"] = outlines.BRIEFING_FIRST
        elif section.block == outlines.INDICATOR_SUMMARY:
            sentence = figures.get("indicator_sentence") or ""
            row["sentence"] = (f"{sentence[:-1]} (chi tiết tại {appendix})." if sentence and appendix else sentence)
        elif section.block in outlines.NARRATIVE_KEYS:
            row["narratives"] = gathered.get(outlines.NARRATIVE_KEYS[section.block], [])
        row["unwritten"] = position in empty
        shown.append(row)
    return shown


def report_document(report: Report, today: date, *, signing: bool = False) -> Document:
    """BÁO CÁO sơ kết / tổng kết, printed from its outline (reports/outlines.py) with its
    appendices. A draft: live figures, prose and outline. Sent for signature or issued: the frozen
    figures, prose and outline, never the data as it reads now; the copy for signature
    (`signing`, or a report not yet issued) leaves the number and date blank."""
    organisation, campaign = report.organisation, report.campaign
    frozen = report.is_frozen and report.snapshot is not None
    figures = report.snapshot if frozen else report_figures(report, today)
    draft = signing or not report.is_issued
    text = report.frozen_text if frozen and report.frozen_text else None
    if text is not None:
        # An unsaved copy carries what was frozen into the template, which reads `report.<field>`.
        shown = copy.copy(report)
        for name in FROZEN_FIELDS:
            if (draft or name not in REGISTRY_FIELDS) and name in text:
                setattr(shown, name, text[name])
        report = shown
        sections = _frozen_outline(report, text)
    else:
        sections = [row.as_outline() for row in report.sections.all()]
    day = None if draft else report.issue_date
    number = None if draft else report.number
    notation = report.notation or notation_for(organisation, campaign, "BC")
    year = report.issue_year or (text["year"] if text else today.year)
    head = documents.letterhead(parent_line=parent_line(organisation), name_line=name_line(organisation),
                                place=place_of(organisation), number=number, notation=notation, day=day,
                                month=report.issue_month, year=year)
    period_word = "6 tháng đầu năm" if report.kind == Report.Kind.SIX_MONTH else "năm"
    actual_label = f"TH {period_word} {report.year}"
    lead = text["lead"] if text else report_lead(report)
    reference = (documents.reference_text("Báo cáo", number, notation, day, organisation.name) if day else
                 f"Báo cáo số {documents.BLANK}/{notation} {_draft_day(report.issue_month, year)} "
                 f"của {organisation.name}")
    shown_sections = _shown_sections(sections, figures, year=report.year, actual_label=actual_label,
                                     editing=not frozen)
    in_body = len(outlines.split(sections)[0])
    return Document(
        template="reports/documents/summary.html", title=f"Báo cáo {report.title}", author=organisation.name,
        filename=f"bao-cao-{number or 'du-thao'}-{report.pk}.pdf", draft=draft, head=head,
        sign=documents.signature(report.signer_prefix, report.signer_title, report.signer_name),
        recipients=_recipient_lines(report.recipients),
        extra={"report": report, "figures": figures, "items": _by_item(figures["indicators"]), "lead": lead,
               "whole": is_whole_campaign(report), "year": report.year, "next_year": report.year + 1,
               "actual_label": actual_label, "sections": sections,
               "body": shown_sections[:in_body],
               "appendices": _group_appendices(shown_sections[in_body:]),
               "reference": keep_numbers(reference)},
    )


def _group_appendices(rows: list[dict]) -> list[dict]:
    """[{"head": the PHỤ LỤC section, "title_lines": its title, "parts": the sections under it}]."""
    appendices: list[dict] = []
    for row in rows:
        if row["level"] == outlines.APPENDIX:
            appendices.append({"head": row, "title_lines": row["lines"], "parts": []})
        else:
            appendices[-1]["parts"].append(row)
    return appendices


def report_editions(report: Report) -> list[dict]:
    """Each edition, newest first: its copy for signature, its issued print with the registry's
    number and date, the signed scan, why it was reopened, and the amendments made after it (the
    report's history rows with a reason, up to the next edition)."""
    rows = list(report.files.select_related("created_by").order_by("-edition", "created_at"))
    by_number: dict[int, dict] = {}
    for row in rows:
        entry = by_number.setdefault(row.edition, {"number": row.edition, "signing": None, "issued": None,
                                                   "signed": None, "amendments": []})
        entry[{ReportFile.Kind.GENERATED: "signing", ReportFile.Kind.ISSUED: "issued",
               ReportFile.Kind.SIGNED: "signed"}[row.kind]] = row
    editions = [entry for entry in by_number.values() if entry["signing"] is not None]
    # A report issued before trình ký existed stored one copy, with its number: that is its issued print.
    for entry in editions:
        if entry["issued"] is None and report.is_issued and entry["number"] == editions[0]["number"] \
                and entry["signing"].closed_reason == "" and not report.frozen_text:
            entry["issued"], entry["signing"], entry["legacy"] = entry["signing"], None, True
    events = list(report.events.exclude(reason="").exclude(changes__0__field="edition").select_related("actor")
                  .order_by("at"))
    until = None
    for entry in editions:
        made = (entry["signing"] or entry["issued"]).created_at
        entry["amendments"] = [e for e in events if e.at > made and (until is None or e.at < until)]
        until = made
    return editions


def reports_visible_to(user):
    """Reports of organisations in the user's scope; the issuer's report of a campaign is also read,
    once issued, by the units taking part in it."""
    reports = Report.objects.select_related("campaign__issuer", "organisation", "period")
    scope = access.scope_q(user, field="organisation__path")
    if scope is None:
        return reports
    taking_part = access.scope_q(user, field="campaign__participations__organisation__path")
    issued_whole = Q(status=Report.Status.ISSUED, organisation=F("campaign__issuer"))
    return reports.filter(scope | (issued_whole & Q(pk__in=Report.objects.filter(taking_part).values("pk"))))


def report_list(user, campaign: Campaign | None = None) -> list[Report]:
    reports = reports_visible_to(user)
    if campaign is not None:
        reports = reports.filter(campaign=campaign)
    return list(reports.order_by("-year", "-created_at")[:500])


def campaigns_to_report(user):
    """Campaigns the user may write a report for, in one query: the issuer's own (its secretariat
    and leader) and those a unit of the user's takes part in (its staff)."""
    own = access.organisations_for(user, "report.prepare")
    units = access.organisations_for(user, "unit_report.prepare")
    # EXISTS, not a join: joining the participations and DISTINCT sorted 17.640 wide rows at
    # province scale (0,2 s) to find 60 campaigns.
    takes_part = Participation.objects.filter(campaign=OuterRef("pk"), organisation__in=units)
    return (Campaign.objects.visible_to(user).filter(Q(issuer__in=own) | Exists(takes_part))
            .select_related("issuer").order_by("-year", "title"))


def report_scopes(user, campaign: Campaign):
    """The organisations the user may write a report for in this campaign: the issuer (its
    secretariat and leader) and the participating units (their staff)."""
    ids = [campaign.issuer_id] if access.can(user, "report.prepare", campaign.issuer) else []
    units = Organisation.objects.filter(participations__campaign=campaign)
    ids += [o.pk for o in units if access.can(user, "unit_report.prepare", o)]
    return Organisation.objects.filter(pk__in=ids).order_by("depth", "name")


# --- Proposal, council minutes, certificates ------------------------------------------------------------


def _subject_of(proposal: Proposal) -> str:
    item = proposal.subcampaign
    if item is None:
        return documents.campaign_in_sentence(proposal.campaign.title)
    title = item.title.strip(" :")
    quoted = title if any(q in title for q in "“”\"") else f"“{title}”"
    return f"nội dung thi đua {quoted}" + (f" (mục {item.number})" if item.number else "")


def _proposal_subject(title: str) -> str:
    """The trích yếu under TỜ TRÌNH: "Về việc đề nghị khen thưởng …" without repeating "Tờ trình"."""
    text = re.sub(r"^\s*tờ trình\s*", "", title, flags=re.IGNORECASE).strip()
    if re.match(r"^(về việc|v/v)", text, flags=re.IGNORECASE):
        return text[:1].upper() + text[1:]
    if text.lower().startswith("đề nghị"):
        return f"Về việc {text[:1].lower()}{text[1:]}"
    return f"Về việc đề nghị khen thưởng: {text}"


def proposal_document(proposal: Proposal, today: date) -> Document:
    """TỜ TRÌNH of a unit to the issuer with its list (I. Cá nhân, II. Tập thể); number and date
    as the unit typed them, else blank for its registry."""
    unit, campaign = proposal.organisation, proposal.campaign
    nominations = [n for n in Nomination.objects.filter(proposal=proposal).exclude(state__in=list(CLOSED))
                   .select_related("award_type", "person__organisation", "organisation__parent", "programme")
                   .order_by("award_type__order", "pk")]
    individuals = [n for n in nominations if n.person_id]
    collectives = [n for n in nominations if n.organisation_id]
    number, _, notation = proposal.number_text.partition("/")
    number = parse_id(number.strip())
    notation = notation.strip() or f"TTr-{unit.code or ''}".rstrip("-")
    # The day in Vietnam: sent at 00:30 on 15/12 is 17:30 on 14/12 in UTC, as stored.
    day = timezone.localdate(proposal.submitted_at) if proposal.submitted_at and number else None
    sent = timezone.localdate(proposal.submitted_at) if proposal.submitted_at else None
    head = documents.letterhead(parent_line=parent_line(unit), name_line=name_line(unit), place=place_of(unit),
                                number=number, notation=notation, day=day,
                                month=sent.month if sent else None, year=(sent or today).year)
    decider = f"{head_role(campaign.issuer)} {campaign.issuer.name}"
    forms = list(dict.fromkeys(re.sub(r"\s*\((cá nhân|tập thể)\)$", "", n.award_type.name) for n in nominations))
    subject = _subject_of(proposal)
    # "… phong trào thi đua năm 2026", not "… năm 2026, năm 2026".
    when = "" if re.search(rf"\bnăm {proposal.year}\b", subject) else f", năm {proposal.year}"
    ask = (f"{unit.name} kính đề nghị {decider} xét, khen thưởng {', '.join(forms) or '…'} cho "
           f"{_count_phrase(len(individuals), len(collectives)) or '…'} (có danh sách kèm theo) đã có thành tích trong "
           f"{subject}{when}.")
    return Document(
        template="reports/documents/proposal.html", title=f"Tờ trình {proposal.title}", author=unit.name,
        filename=f"to-trinh-{proposal.pk}.pdf", draft=day is None, head=head,
        sign=documents.signature("", head_role(unit), ""), recipients=["Như trên;", "Lưu: VT."],
        extra={"subject": _proposal_subject(proposal.title), "to": decider,
               "bases": [keep_numbers(f"Căn cứ {_plan_reference(campaign)};"),
                         f"Căn cứ kết quả bình xét của Hội đồng Thi đua - Khen thưởng {unit.name},"],
               "ask": keep_numbers(ask), "closing": f"{unit.name} kính trình {decider} xem xét, quyết định./.",
               "individuals": individuals, "collectives": collectives,
               "reference": keep_numbers(documents.reference_text("Tờ trình", number, notation, day, unit.name))},
    )


def minutes_document(session: CouncilSession, today: date) -> Document:
    """BIÊN BẢN of a council session: who sat, the secret-ballot counts (never who voted what),
    who stood aside, the outcome."""
    issuer = session.issuer
    members = list(session.members.select_related("person__organisation", "absence__substitute").order_by("pk"))
    tallies = list(session.tallies.select_related("nomination__award_type", "nomination__person__organisation",
                                                  "nomination__organisation", "nomination__proposal__organisation")
                   .prefetch_related("recused__person").order_by("pk"))
    chair = next((m for m in members if m.role == "chair"), None)
    secretary = next((m for m in members if m.role == "secretary"), None)
    counts = defaultdict(int)
    for member in members:
        # A seat taken by a substitute (người dự thay) counts as present, as the tally counted it.
        member.absence_note = getattr(member, "absence", None)
        substituted = member.attendance == "absent" and member.absence_note and member.absence_note.substitute_id
        counts["present" if substituted else member.attendance] += 1
        counts["substitutes"] += 1 if substituted else 0
    closed = session.status == CouncilSession.Status.CLOSED
    head = documents.letterhead(parent_line=issuer.name.upper(), name_line="HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG",
                                place=place_of(issuer), number=None, notation="BB-HĐTĐKT",
                                day=session.held_on, year=session.held_on.year)
    return Document(
        template="reports/documents/minutes.html", title=f"Biên bản {session.title}", author=issuer.name,
        filename=f"bien-ban-hoi-dong-{session.pk}.pdf", draft=not closed, head=head,
        extra={"session": session, "members": members, "tallies": tallies, "chair": chair, "secretary": secretary,
               "present": counts["present"], "written": counts["written"], "absent": counts["absent"],
               "substitutes": counts["substitutes"],
               "total": len(members), "council": f"Hội đồng Thi đua - Khen thưởng {issuer.name}",
               "subject": (session.title if re.match(r"^\s*(phiên )?họp", session.title, flags=re.IGNORECASE)
                           else f"Họp Hội đồng Thi đua - Khen thưởng {issuer.name}: {session.title}")
               .replace("–", "-")},
    )


def certificates_document(decision: Decision, today: date) -> Document:
    """One certificate a page, A4 landscape, for each recipient of an issued decision."""
    issuer = decision.issuer
    lines = list(decision.lines.select_related("award_type", "person__organisation", "organisation__parent")
                 .order_by("order", "pk"))
    for line in lines:
        name = _award_name(line)
        line.heading = "GIẤY KHEN" if name.startswith("Giấy khen") else "GIẤY CHỨNG NHẬN"
        line.award_label = "" if name.startswith("Giấy khen") else f"Danh hiệu “{name}”"
    authority = head_title(issuer)     # as the decision is signed: "GIÁM ĐỐC TRUNG TÂM Y TẾ ĐẠI TỪ"
    return Document(
        template="reports/documents/certificates.html", title=f"Giấy khen – Quyết định {decision.reference}",
        author=issuer.name, filename=f"giay-khen-{decision.number or decision.pk}.pdf", draft=False,
        sign=documents.signature(decision.signer_prefix, decision.signer_title, decision.signer_name),
        extra={"lines": lines, "authority": authority, "reason": decision.title,
               "campaign": documents.campaign_phrase(decision.campaign.title) if decision.campaign else "",
               "date_line": documents.document_date_line(place_of(issuer), decision.issue_date),
               "reference": f"Quyết định số {decision.number or ''}/{decision.notation} "
                            f"ngày {format_date(decision.issue_date)}"},
    )


def reports_to_issue(user, limit: int = 5) -> list[Report]:
    """Summary reports the user may send for signature or issue (home page): the issuer's for its
    secretariat and leader, a unit's for its head."""
    drafts = reports_visible_to(user).filter(status__in=[Report.Status.DRAFT, Report.Status.SENT]).order_by(
        "-year", "-created_at")
    return [r for r in drafts[:50]
            if access.can(user, "report.issue" if is_whole_campaign(r) else "unit_report.issue", r.organisation)
            ][:limit]


def anchors() -> list[bytes]:
    """The certificates verification trusts today (PEM bytes): the active trust anchors."""
    return [pem.encode("ascii") for pem in TrustAnchor.objects.filter(active=True).values_list("pem", flat=True)]


def award_history_document(history, today: date) -> Document:
    """QUÁ TRÌNH KHEN THƯỞNG of a person or unit (awards.selectors.award_history): an extract of the
    register for a dossier or the council, not a numbered document, so it has no letterhead: the unit
    that files it signs its own cover. Never archival: it is reprinted whenever the register grows."""
    kind = "tap-the" if history.is_organisation else "ca-nhan"
    return Document(
        template="reports/documents/award_history.html", title=f"Quá trình khen thưởng – {history.name}",
        author=history.unit or history.name, filename=f"qua-trinh-khen-thuong-{kind}-{history.pk}.pdf", draft=True,
        extra={"history": history, "printed_on": today})
