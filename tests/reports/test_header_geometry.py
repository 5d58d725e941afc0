"""NĐ 30/2020 as it shows on paper (issue 15, point 3): the letterhead's lines read back from the
PDF (pdftotext -bbox-layout), the rules measured on WeasyPrint's layout boxes (a rule is a border,
which no text extractor reports), the place-and-date line of every document."""

import re
import xml.etree.ElementTree as ET
from datetime import date, datetime

import pytest
from django.utils import timezone

from awards.models import Decision, Proposal
from campaigns.models import Campaign
from reports import pdf, selectors
from reports.services.summary import render_html
from tests.reports.conftest import TODAY, page_texts, pdf_tool

pytestmark = pytest.mark.django_db

XHTML = "{http://www.w3.org/1999/xhtml}"


def seed_plan(fragment: str) -> Campaign:
    return Campaign.objects.get(document_kind=Campaign.DocumentKind.PLAN, issuer__name__contains=fragment)


def pdf_of(doc) -> bytes:
    return pdf.render_pdf(render_html(doc))


def words(data: bytes, tmp_path) -> list[tuple[str, float, float, float, float]]:
    """(text, xMin, yMin, xMax, yMax) of each word on page 1, y growing downwards."""
    root = ET.fromstring(pdf_tool("pdftotext", data, tmp_path, "-bbox-layout", "-f", "1", "-l", "1"))
    return [(w.text or "", *(float(w.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")))
            for w in root.iter(f"{XHTML}word")]


def first(found, text: str, *, right_of: float | None = None, left_of: float | None = None):
    for word in found:
        if word[0] == text and (right_of is None or word[1] > right_of) and (left_of is None or word[3] < left_of):
            return word
    raise AssertionError(f"{text!r} not on page 1: {[w[0] for w in found][:40]}")


def test_a_body_without_a_parent_line_has_its_name_level_with_the_quoc_hieu(demo, tmp_path):
    plan = seed_plan("Hồng Ngự")                                       # seed 000: no parent line
    assert not plan.document_parent_line
    found = words(pdf_of(selectors.plan_document(plan, TODAY)), tmp_path)
    national = first(found, "CỘNG")
    name = first(found, "ỦY", left_of=national[1])
    assert abs(name[2] - national[2]) <= 1, (name, national)


def test_a_parent_line_is_level_with_the_quoc_hieu_and_the_name_below_it(demo, tmp_path):
    plan = seed_plan("Kon Tum")                                        # seed 001: UBND TỈNH KON TUM / SỞ Y TẾ
    found = words(pdf_of(selectors.plan_document(plan, TODAY)), tmp_path)
    national = first(found, "CỘNG")
    parent = first(found, "UBND", left_of=national[1])
    name = first(found, "SỞ", left_of=national[1])
    assert abs(parent[2] - national[2]) <= 1 and name[2] >= parent[4] - 1


@pytest.mark.parametrize("which", ["plan-000", "plan-001", "decision"])
def test_so_sits_on_the_baseline_of_the_place_and_date(demo, tmp_path, which):
    if which == "decision":
        # Two lines of issuer name (ỦY BAN NHÂN DÂN HUYỆN / HỒNG NGỰ) against Quốc hiệu and Tiêu ngữ.
        doc = selectors.decision_document(Decision.objects.filter(issuer__name__contains="Hồng Ngự").first(), TODAY)
    else:
        doc = selectors.plan_document(seed_plan("Hồng Ngự" if which == "plan-000" else "Kon Tum"), TODAY)
    found = words(pdf_of(doc), tmp_path)
    number = first(found, "Số:")
    place = first(found, "ngày", right_of=number[3])
    # Same size (13 pt), the same descent in the upright and the italic face: equal bottoms, equal baselines.
    assert abs(number[4] - place[4]) <= 1, (number, place)


def _lines_and_rule(page_box, css_class: str):
    """(widest line of text, rule width) of the first element with `css_class` whose ::after is a rule."""
    def walk(box):
        yield box
        for child in getattr(box, "children", []) or []:
            yield from walk(child)

    for box in walk(page_box):
        element, tag = getattr(box, "element", None), getattr(box, "element_tag", None) or ""
        if element is None or "::" in tag or css_class not in (element.get("class") or "").split():
            continue
        rule = next(b for b in walk(box) if b.element_tag.endswith("::after") and b.element is element)
        widths = []
        for line in (b for b in walk(box) if type(b).__name__ == "LineBox"):
            texts = [b for b in walk(line) if type(b).__name__ == "TextBox"]
            if texts:
                widths.append(max(t.position_x + t.width for t in texts) - min(t.position_x for t in texts))
        return max(widths), rule.border_width(), rule.style["border_top_width"]
    raise AssertionError(f"no .{css_class}")


def layout(doc):
    import weasyprint

    root = pdf.static_root()
    return weasyprint.HTML(string=render_html(doc), base_url=root.as_uri() + "/").render().pages[0]._page_box


@pytest.mark.parametrize("fragment", ["Hồng Ngự", "Kon Tum", "Thái Nguyên"])
def test_the_rules_are_sized_to_the_text_above_them(demo, fragment):
    plan = Campaign.objects.filter(document_kind=Campaign.DocumentKind.PLAN, issuer__name__contains=fragment,
                                   notation__startswith="KH").order_by("pk").first()
    page = layout(selectors.plan_document(plan, TODAY))
    # NĐ 30: ⅓–½ of the issuer's name; as long as the Tiêu ngữ; ⅓–½ of the title.
    text, rule, border = _lines_and_rule(page, "ruled")
    assert border > 0 and text / 3 <= rule <= text / 2, (text, rule)
    text, rule, border = _lines_and_rule(page, "ruled-full")
    assert border > 0 and abs(rule - text) <= 1, (text, rule)
    text, rule, border = _lines_and_rule(page, "doc-title")
    assert border > 0 and text / 3 <= rule <= text / 2, (text, rule)


def test_the_giay_khen_has_the_rule_under_its_tieu_ngu(demo):
    decision = Decision.objects.filter(status=Decision.Status.ISSUED).order_by("pk").first()
    text, rule, border = _lines_and_rule(layout(selectors.certificates_document(decision, TODAY)), "ruled-full")
    assert border > 0 and abs(rule - text) <= 1


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " "))


@pytest.mark.parametrize(("fragment", "place"), [("Hồng Ngự", "Hồng Ngự"), ("Bà Rịa", "Bà Rịa - Vũng Tàu")])
def test_plans_without_a_date_of_their_own_print_the_issuers_place_and_their_year(demo, tmp_path, fragment, place):
    plan = seed_plan(fragment)                                         # seeds 000 and 002: no place, no date
    assert not plan.place and plan.issue_year is None
    page = flat(page_texts(pdf_of(selectors.plan_document(plan, TODAY)), tmp_path)[0])
    assert f"{place}, ngày tháng năm 2021" in page


def test_a_plan_keeps_the_month_and_year_it_knows(demo, tmp_path):
    plan = seed_plan("Kon Tum")                                        # seed 001: tháng 01 năm 2022
    page = flat(page_texts(pdf_of(selectors.plan_document(plan, TODAY)), tmp_path)[0])
    assert "Kon Tum, ngày tháng 01 năm 2022" in page


def test_a_draft_decision_dated_in_another_year_prints_that_year(demo, tmp_path):
    decision = Decision.objects.filter(issuer__name__contains="Hồng Ngự").order_by("pk").first()
    Decision.objects.filter(pk=decision.pk).update(status=Decision.Status.DRAFT, number=None,
                                                   issue_date=date(2021, 12, 15))
    decision.refresh_from_db()
    page = flat(page_texts(pdf_of(selectors.decision_document(decision, TODAY)), tmp_path)[0])
    assert "Hồng Ngự, ngày tháng 12 năm 2021" in page and "2026" not in page.split("QUYẾT ĐỊNH")[0]


def test_a_tờ_trình_sent_without_a_number_keeps_its_month_and_year(demo):
    proposal = Proposal.objects.order_by("pk").first()
    Proposal.objects.filter(pk=proposal.pk).update(
        number_text="", submitted_at=timezone.make_aware(datetime(2021, 12, 20, 9, 0)))
    proposal.refresh_from_db()
    line = selectors.proposal_document(proposal, TODAY).head.date_line
    assert flat(line).endswith("ngày tháng 12 năm 2021")
