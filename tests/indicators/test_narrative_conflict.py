"""Two staff of one unit typing the report's narrative at once (issue 13, "nothing lost"): the
narrative goes through the grid's three-way merge, so a colleague's text is never replaced silently."""

import html
import re

import pytest
from django.test import Client
from django.urls import reverse

from indicators import services
from indicators.models import Submission

pytestmark = pytest.mark.django_db


def report_url(plan, org):
    return reverse("indicators:report", args=[plan["period"].pk, org.pk])


def hidden_fields(content: str) -> dict[str, str]:
    """The version and orig-* fields a page carries, as the browser would send them back."""
    found = re.findall(r'<input type="hidden" name="((?:version|orig-)[^"]*)" value="([^"]*)"', content)
    return {name: html.unescape(value) for name, value in found}


def textarea(content: str, name: str) -> str:
    return html.unescape(re.search(rf'<textarea[^>]*name="{name}"[^>]*>(.*?)</textarea>', content, re.S).group(1))


def opened_page(user, plan, org) -> tuple[Client, dict[str, str]]:
    client = Client()
    client.force_login(user)
    return client, hidden_fields(client.get(report_url(plan, org)).content.decode())


def test_both_changed_the_narrative_the_second_save_is_flagged_with_the_colleagues_text(plan, tree, cast):
    org = tree["A.BV"]
    first, first_form = opened_page(cast["head"], plan, org)
    second, second_form = opened_page(cast["staff"], plan, org)
    assert first.post(report_url(plan, org), {
        **first_form, "action": "save", "narrative_done": "Tiêm chủng đạt <b>98%</b>"}).status_code == 302

    response = second.post(report_url(plan, org), {
        **second_form, "action": "save", "narrative_done": "Khám sàng lọc 1.200 người"})
    content = response.content.decode()
    assert response.status_code == 200
    assert Submission.objects.get().narrative_done == "Tiêm chủng đạt <b>98%</b>"
    # The box keeps what this person typed; beside it, the colleague's text, escaped.
    assert textarea(content, "narrative_done") == "Khám sàng lọc 1.200 người"
    notice = re.search(r'id="notice-narrative_done">(.*?)</div>', content, re.S).group(1)
    assert "vừa lưu nội dung khác" in notice and "Tiêm chủng đạt &lt;b&gt;98%&lt;/b&gt;" in notice
    assert "lưu lần nữa sẽ thay nội dung của họ" in notice
    assert 'aria-describedby=" notice-narrative_done"' in content

    # Saving again from the flagged page is a knowing overwrite, as for cells.
    assert second.post(report_url(plan, org), {
        **hidden_fields(content), "action": "save", "narrative_done": textarea(content, "narrative_done")},
    ).status_code == 302
    assert Submission.objects.get().narrative_done == "Khám sàng lọc 1.200 người"


def test_only_the_colleague_changed_the_narrative_their_text_is_taken(plan, tree, cast):
    org = tree["A.BV"]
    services.save_report(by=cast["head"], period=plan["period"], organisation=org,
                         cells={}, narrative={"narrative_done": "Bản cũ"})
    first, first_form = opened_page(cast["head"], plan, org)
    second, second_form = opened_page(cast["staff"], plan, org)
    assert first.post(report_url(plan, org), {
        **first_form, "action": "save", "narrative_done": "Bản mới của trưởng đơn vị"}).status_code == 302

    # The second person changed a cell only and sent the narrative as it was shown (CRLF, as browsers do).
    rows = plan["rows"]
    response = second.post(report_url(plan, org), {
        **second_form, "action": "save", f"actual-{rows['BHYT'].pk}": "92", "narrative_done": "Bản cũ\r\n"})
    content = response.content.decode()
    assert response.status_code == 200
    assert textarea(content, "narrative_done") == "Bản mới của trưởng đơn vị"
    assert "vừa cập nhật mục này; đã lấy nội dung mới" in content
    # The next save keeps the colleague's text.
    assert second.post(report_url(plan, org), {
        **hidden_fields(content), "action": "save", f"actual-{rows['BHYT'].pk}": "92",
        "narrative_done": textarea(content, "narrative_done")}).status_code == 302
    assert Submission.objects.get().narrative_done == "Bản mới của trưởng đơn vị"
