"""A decision cites the law and decree in force on its day (issue 13): the demo's decisions of
28/12/2021 and 10/01/2022 were written under the 2003 law and NĐ 91/2017, not the 2022 law that was
passed only on 15/6/2022; a 2026 decision cites the 2022 law and NĐ 152/2025. The table is the
administrator's: a row added on the page is cited by the decisions of its period."""

import re
from datetime import date

import pytest
from django.urls import reverse

from awards.models import Decision
from units.models import User

pytestmark = pytest.mark.django_db

OLD_LAW = ("Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của Luật "
           "Thi đua, khen thưởng ngày 14 tháng 6 năm 2005 và ngày 16 tháng 11 năm 2013;")
NEW_LAW = "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"


def preview(client, decision) -> str:
    client.force_login(User.objects.get(username="quantri"))
    response = client.get(reverse("reports:decision-document", args=[decision.pk]))
    assert response.status_code == 200
    html = re.sub(r"<[^>]+>", "", response.content.decode())
    return " ".join(html.split())


def test_the_demo_decisions_of_2021_and_2022_cite_the_2003_law_and_nd_91_2017(client, demo, pinned):
    for day in (date(2022, 1, 10), date(2021, 12, 28)):
        text = preview(client, Decision.objects.get(issue_date=day))
        assert OLD_LAW in text
        assert "Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ" in text
        assert "15 tháng 6 năm 2022" not in text and "98/2023" not in text and "152/2025" not in text


def test_a_2026_decision_cites_the_2022_law_and_nd_152_2025(client, demo, pinned):
    text = preview(client, Decision.objects.filter(issue_date__year=2026, status="issued").first())
    assert NEW_LAW in text
    assert "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ" in text
    assert "91/2017" not in text and "98/2023" not in text and "26 tháng 11 năm 2003" not in text


def test_a_basis_the_administrator_adds_is_cited_by_the_decisions_of_its_period_only(client, demo, pinned):
    client.force_login(User.objects.get(username="quantri"))
    response = client.post(reverse("awards:legal-bases"), {
        "kind": "circular", "text": "Thông tư số 15/2025/TT-BNV ngày 01 tháng 7 năm 2025 của Bộ Nội vụ",
        "order": "30", "effective_from": "01/07/2025", "effective_to": "", "document": "decision"})
    assert response.status_code == 302
    recent = preview(client, Decision.objects.filter(issue_date__year=2026, status="issued").first())
    assert "Căn cứ Thông tư số 15/2025/TT-BNV ngày 01 tháng 7 năm 2025 của Bộ Nội vụ;" in recent
    # After the decree, before the plan the decision rests on.
    assert recent.index("152/2025/NĐ-CP") < recent.index("15/2025/TT-BNV") < recent.index("Căn cứ Kế hoạch")
    assert "15/2025/TT-BNV" not in preview(client, Decision.objects.get(issue_date=date(2022, 1, 10)))
