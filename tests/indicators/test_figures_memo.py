"""A campaign's figures are computed once per change (indicators.selectors.campaign_table): every way
the figures can change through the services gives a new table, and each user still sees only
their own units' cells."""

from datetime import date

import pytest

from campaigns import services as campaign_services
from common.memo import Memo
from devtools import history
from indicators import selectors, services
from indicators.models import Result, Submission
from indicators.services import CellInput
from tests.factories import make_org
from units.access import SYSTEM


def test_the_memo_reuses_an_entry_and_drops_the_oldest():
    memo, calls = Memo(size=2), []

    def compute(value):
        calls.append(value)
        return value

    order = ["a", "b", "a", "c", "b", "a"]
    assert [memo.get(k, lambda k=k: compute(k)) for k in order] == order
    # "a" was used again before "c" came, so "b" was the oldest and went; then "a" did.
    assert calls == ["a", "b", "c", "b", "a"]


@pytest.mark.django_db
class TestTheFiguresFollowEveryChange:
    @pytest.fixture(autouse=True)
    def sent(self, plan, tree, cast):
        self.plan, self.tree, self.cast = plan, tree, cast
        for who, org, value in (("staff", "A.BV", "92"), ("other_staff", "A.TT", "88")):
            services.save_report(by=cast[who], period=plan["period"], organisation=tree[org],
                                 cells={plan["rows"]["BHYT"].pk: CellInput(actual_text=value)})
            services.submit_report(by=cast[who], period=plan["period"], organisation=tree[org],
                                   today=date(2026, 6, 10))

    def row(self, user="secretariat", code="BHYT"):
        rows = selectors.campaign_table(self.plan["campaign"], self.plan["period"], self.cast[user])
        return next(r for r in rows if r.indicator.definition.code == code)

    def test_an_override_by_the_secretariat(self):
        assert self.row().figure_text == "1/2 đơn vị đạt"
        result = Result.objects.get(submission__organisation=self.tree["A.TT"], indicator=self.plan["rows"]["BHYT"])
        services.override_result(by=self.cast["secretariat"], result=result, achieved=True, reason="Đã xác minh")
        assert self.row().figure_text == "2/2 đơn vị đạt"
        services.override_result(by=self.cast["secretariat"], result=result, achieved=None, reason="Bỏ điều chỉnh")
        assert self.row().figure_text == "1/2 đơn vị đạt"

    def test_a_returned_report(self):
        submission = Submission.objects.get(organisation=self.tree["A.BV"])
        assert self.row().units_reported == 2
        services.review_report(by=self.cast["secretariat"], submission=submission, accept=False, reason="Thiếu")
        assert self.row().units_reported == 1

    def test_a_units_own_target(self):
        assert self.row().figure_text == "1/2 đơn vị đạt"
        services.set_unit_target(by=self.cast["secretariat"], indicator=self.plan["rows"]["BHYT"],
                                 organisation=self.tree["A.TT"], target_text="≥85%", reason="Vùng khó khăn")
        assert self.row().figure_text == "2/2 đơn vị đạt"

    def test_a_changed_plan_target(self):
        indicator = self.plan["rows"]["BHYT"]
        self.row()
        indicator.target_text = "≥80%"
        services.save_indicator(by=self.cast["secretariat"], campaign=self.plan["campaign"], instance=indicator,
                                reason="Điều chỉnh theo chỉ đạo")
        assert self.row().figure_text == "2/2 đơn vị đạt"

    def test_a_new_participant(self):
        assert self.row().units_expected == 2
        assert len(selectors.reporting_map(self.plan["campaign"])) == 2
        station = make_org("Trạm Y tế xã Đức Hòa", "TYT-DH", parent=self.tree["A.TT"], kind="station")
        campaign_services.add_participants(by=self.cast["secretariat"], campaign=self.plan["campaign"],
                                           organisations=[station], reason="Bổ sung")
        assert self.row().units_expected == 3
        assert station.pk in selectors.reporting_map(self.plan["campaign"])
        assert station.pk in {unit.pk for unit in selectors.units_in_order(self.plan["campaign"])}

    def test_each_user_sees_only_their_units_whoever_asked_first(self):
        everyone = {self.tree["A.BV"].pk, self.tree["A.TT"].pk}
        assert set(self.row("secretariat").unit_cells) == everyone
        assert set(self.row("staff").unit_cells) == {self.tree["A.BV"].pk}
        assert set(self.row("secretariat").unit_cells) == everyone

    def test_the_completeness_matrix(self):
        def cell(org):
            _periods, rows = selectors.completeness(self.plan["campaign"], self.cast["secretariat"], date(2026, 6, 10))
            return next(r for r in rows if r.organisation == self.tree[org]).cells[0]

        assert cell("A.BV").timeliness == "on_time"
        submission = Submission.objects.get(organisation=self.tree["A.BV"])
        services.review_report(by=self.cast["secretariat"], submission=submission, accept=False, reason="Thiếu")
        assert cell("A.BV").timeliness == "returned"
        _periods, rows = selectors.completeness(self.plan["campaign"], self.cast["staff"], date(2026, 6, 10))
        assert [r.organisation for r in rows] == [self.tree["A.BV"]]

    def test_a_report_saved_in_another_campaign_leaves_the_table_in_place(self):
        from campaigns.lifecycle import Status as CampaignStatus
        from campaigns.models import ReportingPeriod
        from tests.factories import make_campaign

        other = make_campaign(self.tree["A"], "Kế hoạch khác", participants=[self.tree["A.BV"]],
                              status=CampaignStatus.IN_PROGRESS)
        period = campaign_services.save_item(by=SYSTEM, campaign=other, instance=ReportingPeriod(
            kind="year", year=2026, deadline=date(2026, 12, 20)))
        before = selectors.figures_stamp(self.plan["campaign"])
        history.import_report(period=period, organisation=self.tree["A.BV"], values={}, status="submitted")
        assert selectors.figures_stamp(self.plan["campaign"]) == before
        assert selectors.figures_stamp(other) != selectors.figures_stamp(self.plan["campaign"])
