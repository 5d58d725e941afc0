"""The PDFs a leader signs: the shipped font only, embedded; Vietnamese text intact; A4; no page
number on page 1; a draft leaves number and date blank; the issued copy is PDF/A."""

import pytest
from django.urls import reverse

from awards import services as award_services
from awards.models import Decision, Nomination
from awards.workflow import State
from campaigns.models import Campaign
from reports import pdf
from tests.reports.conftest import fonts, info, page_texts, pdf_tool, xmp
from units.models import User

pytestmark = pytest.mark.django_db

SHIPPED = {"VN-Serif", "VN-Serif-Bold", "VN-Serif-Italic", "VN-Serif-Bold-Italic"}


def pdf_text(data, tmp_path):
    return pdf_tool("pdftotext", data, tmp_path)


def download(client, username, url):
    client.force_login(User.objects.get(username=username))
    response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")
    return response.content


def assert_sign_ready(data, tmp_path):
    listed = fonts(data, tmp_path)
    assert listed and {name for name, _ in listed} <= SHIPPED and all(emb == "yes" for _, emb in listed)
    assert info(data, tmp_path)["Page size"].startswith("595.276 x 841.89")   # A4 portrait
    pages = page_texts(data, tmp_path)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in pages[0] and "Độc lập - Tự do - Hạnh phúc" in pages[0]
    # NĐ 30/2020: no number on page 1, then the number centred at the top; an attached list or
    # appendix is numbered on its own, from its own unnumbered first page.
    assert not first_line(pages[0]).isdigit()
    for page in pages[1:]:
        if page.strip():
            assert first_line(page).isdigit() or appendix_starts(page)
    return pages


def first_line(page: str) -> str:
    return page.strip().splitlines()[0].strip()


def appendix_starts(page: str) -> bool:
    return "(Kèm theo" in " ".join(page.strip().splitlines()[:6])


def test_the_leader_downloads_an_issued_decision_as_pdf_a(client, demo, pinned, tmp_path):
    decision = Decision.objects.get(status="issued", issuer__name="Sở Y tế Thái Nguyên", kind="issuer")
    data = download(client, "lanhdao", reverse("reports:decision-pdf", args=[decision.pk]))
    pages = assert_sign_ready(data, tmp_path)
    text = " ".join(" ".join(p.split()) for p in pages)
    assert f"Số: {decision.number:02d}/{decision.notation}" in text
    assert "Thái Nguyên, ngày" in text and "GIÁM ĐỐC SỞ Y TẾ" in text and "QUYẾT ĐỊNH:" in text
    assert "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;" in text
    assert "Nơi nhận:" in text and decision.signer_name in text
    for line in decision.lines.filter(person__isnull=False):
        assert line.recipient_name in text
    metadata = info(data, tmp_path)
    assert metadata["Title"].startswith("Quyết định") and metadata["Author"] == "Sở Y tế Thái Nguyên"
    assert 'pdfaid:part="3" pdfaid:conformance="B"' in xmp(data, tmp_path)


def test_a_draft_decision_leaves_number_and_date_for_the_registry(client, demo, pinned, tmp_path):
    approved = list(Nomination.objects.filter(state=State.APPROVED,
                                              proposal__campaign__issuer__name="Sở Y tế Thái Nguyên")[:2])
    assert approved, "the demo holds approved nominations waiting for a decision"
    leader = User.objects.get(username="lanhdao")
    decision = award_services.create_decision(by=leader, issuer=approved[0].proposal.campaign.issuer,
                                              title="Về việc tặng Giấy khen", nominations=approved)
    data = download(client, "lanhdao", reverse("reports:decision-pdf", args=[decision.pk]))
    pages = assert_sign_ready(data, tmp_path)
    first = " ".join(pages[0].split())
    assert "Số: /QĐ-SYT" in first and "Thái Nguyên, ngày tháng năm 2026" in first
    assert "pdfaid:part" not in xmp(data, tmp_path)   # only the issued copy is archival


def test_the_plan_comes_out_as_the_document_it_is(client, demo, pinned, tmp_path):
    campaign = Campaign.objects.get(title="Phát động phong trào thi đua năm 2022")   # seed 001
    data = download(client, "quantri", reverse("reports:plan-pdf", args=[campaign.pk]))
    pages = assert_sign_ready(data, tmp_path)
    text = " ".join(" ".join(p.split()) for p in pages)
    assert "KẾ HOẠCH" in text and "Số: /KH-SYT" in text and "Kon Tum, ngày tháng 01 năm 2022" in text
    assert "Tỷ số giới tính của trẻ em mới sinh (trai/100 gái) % < 110" in text


def test_a_document_cannot_make_the_server_fetch_anything(tmp_path):
    root = pdf.static_root()
    fetch = pdf._fetcher(root).fetch
    for url in ("http://127.0.0.1:9/x.png", "https://example.vn/a.css", "file:///etc/hostname",
                f"file://{root}/../../config/settings/base.py"):
        with pytest.raises(pdf.FetchRefused):
            fetch(url)
    assert fetch((root / "reports" / "pdf.css").as_uri()).path.endswith("pdf.css")
    html = ('<html><head><link rel="stylesheet" href="reports/pdf.css"></head><body>'
            '<img src="http://127.0.0.1:9/x.png"><p>Tỷ lệ ≤ 11,88%</p></body></html>')
    assert pdf.render_pdf(html).startswith(b"%PDF")


def test_seed_002s_plan_prints_its_sub_campaigns_with_their_quotas(client, demo, pinned, tmp_path):
    campaign = Campaign.objects.get(issuer__name__contains="Bà Rịa")
    client.force_login(User.objects.get(username="quantri"))
    data = client.get(reverse("reports:plan-pdf", args=[campaign.pk])).content
    text = " ".join(pdf_text(data, tmp_path).split())
    assert "05 tập thể và 10 cá nhân cho mỗi chương trình" in text
    assert "Số lượng xét khen thưởng: 10 cá nhân." in text
    assert "2.12" in text


def test_the_units_proposal_prints_its_list_and_asks_the_issuer(client, demo, pinned):
    from awards.models import Proposal

    proposal = Proposal.objects.filter(kind="upward", nominations__person__isnull=False).distinct().first()
    client.force_login(User.objects.get(username="quantri"))
    html = client.get(reverse("reports:proposal-document", args=[proposal.pk])).content.decode()
    assert "TỜ TRÌNH" in html and "Kính gửi:" in html and "Về việc" in html and "Như trên;" in html
    for nomination in proposal.nominations.exclude(state__in=["withdrawn", "rejected", "revoked"]):
        assert nomination.nominee_name in html
    data = client.get(reverse("reports:proposal-pdf", args=[proposal.pk])).content
    assert data.startswith(b"%PDF")


def test_the_council_minutes_give_counts_never_who_voted_what(client, demo, pinned, tmp_path):
    from awards.models import CouncilSession

    session = CouncilSession.objects.filter(tallies__outcome__gt="").distinct().first()
    client.force_login(User.objects.get(username="thuongtruc"))
    html = client.get(reverse("reports:minutes-document", args=[session.pk])).content.decode()
    assert "BIÊN BẢN" in html and "Số phiếu" in html and "THƯ KÝ" in html and "CHỦ TRÌ" in html
    tally = session.tallies.exclude(outcome="").exclude(yes=None).first()
    assert f'<td class="num">{tally.yes}</td>' in html
    data = download(client, "thuongtruc", reverse("reports:minutes-pdf", args=[session.pk]))
    assert_sign_ready(data, tmp_path)


def test_certificates_come_one_a_page_in_landscape_for_an_issued_decision_only(client, demo, pinned, tmp_path):
    decision = Decision.objects.get(status="issued", issuer__name="Sở Y tế Thái Nguyên", kind="issuer")
    data = download(client, "lanhdao", reverse("reports:certificates-pdf", args=[decision.pk]))
    metadata = info(data, tmp_path)
    assert metadata["Pages"] == str(decision.lines.count())
    assert metadata["Page size"].startswith("841.89 x 595.276")
    text = " ".join(pdf_text(data, tmp_path).split())
    assert "GIẤY KHEN" in text and decision.lines.first().recipient_name in text
    draft = Decision.objects.filter(status="draft").first()
    if draft is not None:
        client.force_login(User.objects.get(username="lanhdao"))
        assert client.get(reverse("reports:certificates-pdf", args=[draft.pk])).status_code == 404


def test_each_appendix_is_numbered_on_its_own(client, demo, pinned, tmp_path):
    """NĐ 30/2020: appendices are numbered separately; their first page, like the document's, has none."""
    from reports.models import Report

    report = Report.objects.get(kind="year", organisation__name="Sở Y tế Thái Nguyên")
    data = download(client, "lanhdao", reverse("reports:report-pdf", args=[report.pk]))
    pages = [p for p in page_texts(data, tmp_path) if p.strip()]
    starts = [i for i, page in enumerate(pages) if appendix_starts(page)]
    assert len(starts) == 2   # Phụ lục I and II
    for start in starts:
        assert not first_line(pages[start]).isdigit()
        if start + 1 < len(pages) and not appendix_starts(pages[start + 1]):
            assert first_line(pages[start + 1]) == "2"
