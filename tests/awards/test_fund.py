"""Award money on decisions and the reward fund: services (amounts, unconfirmed coefficients, the
administrator's confirmation, fund balance and overdraft warning) and pages (access, Excel)."""

from datetime import date
from decimal import Decimal
from importlib import import_module
from io import BytesIO

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from awards import selectors, services
from awards.models import AwardEvent, AwardRule, FundAllocation
from awards.workflow import State
from tests.awards.conftest import submitted

ISSUE = dict(notation="QĐ-SYT", signer_prefix="", signer_title="GIÁM ĐỐC", signer_name="Trần Văn Ký")


def approved(proposal, plan, cast, types, *, people=(), organisations=(), code="GK_SYT_CN"):
    nominations = [services.add_nomination(by=cast["staff"], proposal=proposal, award_type=types[code], person=p,
                                           organisation=None, summary="Hoàn thành xuất sắc nhiệm vụ")
                   for p in (plan["people"][k] for k in people)]
    nominations += [services.add_nomination(by=cast["staff"], proposal=proposal, award_type=types[code], person=None,
                                            organisation=o, summary="Hoàn thành xuất sắc nhiệm vụ")
                    for o in organisations]
    submitted(proposal, cast, *nominations)
    out = []
    for n in services.accept_many(by=cast["secretariat"], nominations=nominations):
        out.append(services.move(by=cast["secretariat"], nomination=n, target=State.APPROVED))
    return out


def draft(cast, tree, nominations, title="Về việc tặng Giấy khen"):
    return services.create_decision(by=cast["leader"], issuer=tree["A"], title=title, nominations=nominations)


def bonus_rule(types, code):
    return AwardRule.objects.get(award_type=types[code], kind="bonus")


# --- Catalogue ------------------------------------------------------------------------------------------


def test_the_catalogue_carries_verified_coefficients_and_ships_the_rest_unchecked(types):
    for code in ("GK_DV_CN", "GK_XA_CN", "GK_SYT_CN"):
        rule = bonus_rule(types, code)
        assert (rule.enabled, rule.coefficient, rule.effective_from) == (True, Decimal("0.3"), date(2025, 7, 1))
        assert "Điều 54" in rule.legal_basis
    for code in ("GK_DV_TT", "GK_SYT_TT", "BK_TINH_TT", "CO_TINH"):
        rule = bonus_rule(types, code)
        assert (rule.enabled, rule.needs_verification, rule.coefficient) == (False, True, None)
    assert bonus_rule(types, "LDTT").coefficient == Decimal("0.3")


def test_the_data_migration_adds_missing_bonus_rules_by_code_and_keeps_the_administrators(types):
    migration = import_module("awards.migrations.0008_fill_bonus_coefficients")
    AwardRule.objects.filter(kind="bonus", award_type__code__in=["GK_SYT_CN", "CO_TINH"]).delete()
    kept = bonus_rule(types, "GK_DV_TT")
    kept.coefficient, kept.enabled = Decimal("0.6"), True
    kept.save()
    migration.fill(apps, None)
    assert bonus_rule(types, "GK_SYT_CN").coefficient == Decimal("0.3")
    assert not bonus_rule(types, "CO_TINH").enabled
    assert AwardRule.objects.filter(award_type=types["GK_DV_TT"], kind="bonus").get().coefficient == Decimal("0.6")
    migration.fill(apps, None)      # twice changes nothing
    assert AwardRule.objects.filter(award_type=types["GK_SYT_CN"], kind="bonus").count() == 1


# --- Amounts on decisions -------------------------------------------------------------------------------


def test_giay_khen_to_an_individual_pays_point_three_times_the_base_salary(proposal, plan, cast, types, tree):
    decision = draft(cast, tree, approved(proposal, plan, cast, types, people=["an", "binh"]))
    lines = list(decision.lines.all())
    assert [line.bonus for line in lines] == [Decimal(702000), Decimal(702000)]
    reasons, summary = selectors.decision_money(decision, lines)
    assert reasons == {} and summary.total == Decimal(1404000) and summary.complete


def test_an_unconfirmed_coefficient_leaves_the_amount_missing_with_its_reason_until_confirmed(
        proposal, plan, cast, types, tree):
    (person,) = approved(proposal, plan, cast, types, people=["an"])
    (ward,) = approved(proposal, plan, cast, types, organisations=[tree["A.BV.NOI"]], code="GK_SYT_TT")
    decision = draft(cast, tree, [person, ward])
    lines = list(decision.lines.select_related("award_type"))
    reasons, summary = selectors.decision_money(decision, lines)
    ward_line = next(line for line in lines if line.organisation_id)
    assert ward_line.bonus is None
    assert reasons == {ward_line.pk: "Giấy khen của Giám đốc Sở Y tế (tập thể): hệ số chưa được quản trị xác nhận"}
    assert summary.total == Decimal(702000) and summary.missing[0][1] == 1

    rule = bonus_rule(types, "GK_SYT_TT")
    for user in (cast["secretariat"], cast["leader"]):
        with pytest.raises(PermissionDenied):
            services.confirm_bonus_rule(by=user, rule=rule, coefficient=Decimal("0.6"), legal_basis="NĐ 152/2025")
    with pytest.raises(ValidationError):
        services.confirm_bonus_rule(by=cast["admin"], rule=rule, coefficient=None, legal_basis="NĐ 152/2025")
    services.confirm_bonus_rule(by=cast["admin"], rule=rule, coefficient=Decimal("0.6"),
                                legal_basis="Nghị định 152/2025/NĐ-CP, Điều 54")
    rule.refresh_from_db()
    assert (rule.enabled, rule.needs_verification, rule.coefficient, rule.text) == (True, False, Decimal("0.6"), "")
    confirmed = AwardEvent.objects.filter(target_id=rule.pk, actor=cast["admin"]).latest("at")
    assert "xác nhận" in confirmed.reason and confirmed.at is not None
    # The draft is priced again, and its history says so.
    ward_line.refresh_from_db()
    assert ward_line.bonus == Decimal(1404000)
    assert AwardEvent.objects.filter(target_id=decision.pk, reason__contains="Tính lại tiền thưởng").exists()


# --- The fund -------------------------------------------------------------------------------------------


def test_only_the_secretariat_records_money_in_and_a_correction_needs_a_reason(tree, cast, plan):
    for user in (cast["leader"], cast["staff"], cast["admin"], cast["outsider"]):
        with pytest.raises(PermissionDenied):
            services.add_fund_allocation(by=user, issuer=tree["A"], year=2026, received_on=date(2026, 1, 5),
                                         amount=Decimal(1000000), source="Dự toán")
    with pytest.raises(ValidationError) as error:
        services.add_fund_allocation(by=cast["secretariat"], issuer=tree["A"], year=2026,
                                     received_on=date(2026, 1, 5), amount=Decimal(-1000), source="Điều chỉnh")
    assert "note" in error.value.message_dict
    with pytest.raises(ValidationError):
        services.add_fund_allocation(by=cast["secretariat"], issuer=tree["A"], year=2026,
                                     received_on=date(2026, 1, 5), amount=Decimal(0), source="Dự toán")
    row = services.add_fund_allocation(by=cast["secretariat"], issuer=tree["A"], year=2026,
                                       received_on=date(2026, 1, 5), amount=Decimal(1000000), source="Dự toán")
    assert row.entered_by == cast["secretariat"]
    assert AwardEvent.objects.filter(target_id=row.pk, issuer=tree["A"], actor=cast["secretariat"]).exists()


def test_the_balance_is_allocations_less_issued_decisions_and_an_overdraft_warns(proposal, plan, cast, types, tree):
    services.add_fund_allocation(by=cast["secretariat"], issuer=tree["A"], year=2026, received_on=date(2026, 1, 5),
                                 amount=Decimal(1000000), source="Ngân sách cấp theo dự toán")
    decision = draft(cast, tree, approved(proposal, plan, cast, types, people=["an", "binh"]))
    total = selectors.decision_total(decision)
    warning = selectors.fund_warning(decision, total)
    assert (warning.available, warning.total, warning.shortfall, warning.issued) == (
        Decimal(1000000), Decimal(1404000), Decimal(404000), False)
    assert "1.000.000" in warning.text and "thiếu 404.000 đồng" in warning.text
    # A warning, not a refusal.
    services.issue_decision(by=cast["leader"], decision=decision, number=125, issue_date=date(2026, 11, 5), **ISSUE)
    decision.refresh_from_db()
    ledger, _ = selectors.fund_ledger(tree["A"], 2026)
    assert (ledger.money_in, ledger.money_out, ledger.balance) == (Decimal(1000000), Decimal(1404000),
                                                                   Decimal(-404000))
    assert selectors.fund_warning(decision, total).issued
    # Other years and other issuers are their own funds.
    assert selectors.fund_ledger(tree["A"], 2025)[0].rows == []
    assert selectors.fund_ledger(tree["B"], 2026)[0].rows == []
    services.add_fund_allocation(by=cast["secretariat"], issuer=tree["A"], year=2026, received_on=date(2026, 11, 6),
                                 amount=Decimal(404000), source="Bổ sung")
    assert selectors.fund_warning(decision, total) is None
    # A revoked decision's money is recovered: it leaves the ledger.
    services.revoke_decision(by=cast["leader"], decision=decision, reason="Kê khai không đúng")
    assert selectors.fund_ledger(tree["A"], 2026)[0].money_out == 0


# --- Pages ----------------------------------------------------------------------------------------------


def test_the_fund_page_by_role(login, tree, cast, plan):
    url = reverse("awards:fund")
    page = login(cast["secretariat"]).get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Quỹ thi đua, khen thưởng năm 2026" in html and "Ghi nhận nguồn vào" in html
    assert "Mức lương cơ sở" in html and "2.340.000" in html          # the secretariat reads the table
    leader = login(cast["leader"]).get(url)
    assert leader.status_code == 200 and "Ghi nhận nguồn vào" not in leader.content.decode()
    assert login(cast["leader"]).post(url, {"received_on": "05/01/2026", "amount": "1.000", "source": "x"}
                                      ).status_code == 403
    for role in ("staff", "head", "council"):
        assert login(cast[role]).get(url).status_code == 403
    # Another issuer's fund looks missing.
    assert login(cast["secretariat"]).get(url, {"co-quan": tree["B"].pk}).status_code == 404
    assert login(cast["secretariat"]).get(url, {"co-quan": "٣"}).status_code == 404
    assert login(cast["admin"]).get(url, {"co-quan": tree["B"].pk}).status_code == 200


def test_the_secretariat_records_an_allocation_typed_the_vietnamese_way(login, tree, cast, plan):
    client = login(cast["secretariat"])
    url = f"{reverse('awards:fund')}?co-quan={tree['A'].pk}&nam=2026"
    response = client.post(url, {"received_on": "05/01/2026", "amount": "50.000.000",
                                 "source": "Ngân sách cấp theo dự toán năm 2026", "note": ""})
    assert response.status_code == 302
    row = FundAllocation.objects.get()
    assert (row.issuer, row.year, row.amount) == (tree["A"], 2026, Decimal(50000000))
    html = client.get(url).content.decode()
    assert "50.000.000 đồng" in html and "Ngân sách cấp theo dự toán năm 2026" in html
    refused = client.post(url, {"received_on": "05/01/2026", "amount": "-1.000", "source": "Điều chỉnh", "note": ""})
    assert refused.status_code == 200 and "cần ghi lý do" in refused.content.decode()


def test_the_ledger_exports_to_excel_with_values_not_formulas(login, proposal, plan, cast, types, tree):
    services.add_fund_allocation(by=cast["secretariat"], issuer=tree["A"], year=2026, received_on=date(2026, 1, 5),
                                 amount=Decimal(1000000), source="=HYPERLINK(\"http://x\")")
    decision = draft(cast, tree, approved(proposal, plan, cast, types, people=["an"]))
    services.issue_decision(by=cast["leader"], decision=decision, number=9, issue_date=date(2026, 11, 5), **ISSUE)
    response = login(cast["leader"]).get(reverse("awards:fund-excel"), {"nam": 2026})
    assert response.status_code == 200
    sheet = load_workbook(BytesIO(response.content)).active
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][0] == "SỔ QUỸ THI ĐUA, KHEN THƯỞNG NĂM 2026"
    assert ["Cộng", 1000000, 702000, 298000] in [row[1:5] for row in values]
    assert any(row[3] == 702000 and "Số 9/QĐ-SYT" in row[1] for row in values if isinstance(row[1], str))


def test_the_decision_page_shows_each_amount_the_total_what_is_missing_and_the_fund_warning(
        login, proposal, plan, cast, types, tree):
    (person,) = approved(proposal, plan, cast, types, people=["an"])
    (ward,) = approved(proposal, plan, cast, types, organisations=[tree["A.BV.NOI"]], code="GK_SYT_TT")
    decision = draft(cast, tree, [person, ward])
    html = login(cast["leader"]).get(decision.get_absolute_url()).content.decode()
    assert "702.000" in html and "Tổng tiền thưởng" in html and "702.000 (chưa tính đủ)" in html
    assert "Giấy khen của Giám đốc Sở Y tế (tập thể): hệ số chưa được quản trị xác nhận" in html
    assert "Ban hành quyết định này sẽ vượt số dư" in html and "thiếu 702.000 đồng" in html
    # The unit reads the amounts, not the issuer's fund.
    unit_view = login(cast["staff"]).get(decision.get_absolute_url()).content.decode()
    assert "702.000" in unit_view and "vượt số dư" not in unit_view and "Quỹ thi đua" not in unit_view


def test_the_administrator_confirms_a_coefficient_on_the_catalogue_page(login, types, cast):
    rule = bonus_rule(types, "CO_TINH")
    page = login(cast["admin"]).get(reverse("awards:award-type", args=[types["CO_TINH"].pk])).content.decode()
    assert "Xác nhận hệ số" in page and "Chưa kiểm tra" in page
    url = reverse("awards:rule-confirm", args=[types["CO_TINH"].pk, rule.pk])
    assert login(cast["secretariat"]).post(url, {"coefficient": "8", "legal_basis": "x"}).status_code == 403
    login(cast["admin"]).post(url, {"coefficient": "0.5", "legal_basis": "NĐ 152/2025"})    # English decimal: refused
    rule.refresh_from_db()
    assert not rule.enabled
    assert login(cast["admin"]).post(url, {"coefficient": "8,0", "legal_basis": "NĐ 152/2025, Điều 51"}
                                     ).status_code == 302
    rule.refresh_from_db()
    assert (rule.enabled, rule.coefficient) == (True, Decimal("8.0"))
