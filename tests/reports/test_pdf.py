"""The PDFs a leader signs: the shipped font only, embedded; Vietnamese text intact; A4; no page
number on page 1; a draft leaves number and date blank; the issued copy is PDF/A."""

import pytest
from django.urls import reverse

from awards import services as award_services
from awards.models import Decision, Nomination
from awards.workflow import State
from campaigns.models import Campaign
from reports import pdf
from tests.reports.conftest import fonts, info, page_texts, xmp
from units.models import User

pytestmark = pytest.mark.django_db

SHIPPED = {"VN-Serif", "VN-Serif-Bold", "VN-Serif-Italic", "VN-Serif-Bold-Italic"}


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
    # NĐ 30/2020: no number on page 1, then the number centred at the top.
    assert pages[0].strip().splitlines()[0].strip() != "1"
    if len([p for p in pages if p.strip()]) > 1:
        assert pages[1].strip().splitlines()[0].strip() == "2"
    return pages


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
    approved = list(Nomination.objects.filter(state=State.APPROVED, proposal__campaign__issuer__name="Sở Y tế Thái Nguyên")[:2])
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
