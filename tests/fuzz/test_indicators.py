"""Indicators: the catalogue, the plan's rows with their printed targets, unit targets, the unit's
results grid (the main risk: figures typed as "11,88", "11.88", "1.234,5", "NaN", "1e999", "12/12",
"< 17", huge digit strings), its Excel upload, and the secretariat's review, exception, override
and reminders: never a 500, never a change to Sở B's data."""

import pytest
from django.urls import reverse
from hypothesis import strategies as st

from indicators.evaluation import Comparator, Direction
from indicators.models import CampaignIndicator
from tests.fuzz import strategies as s
from tests.fuzz.strategies import urls

pytestmark = [pytest.mark.fuzz, pytest.mark.django_db]


def org_ids(world):
    return s.ids([o.pk for o in world.tree.values()], [world.b.orgs["B.TT"].pk])


def across(name: str, world, unit: str) -> tuple[str, list[str]]:
    """A report page of Sở A's unit, and the same page with Sở B's period or unit or both."""
    a_period, b_period = world.ids("period")
    a_org, b_org = (world.a.hospital.pk, world.b.hospital.pk) if unit == "hospital" else world.ids("reporter")
    return reverse(name, args=[a_period, a_org]), [reverse(name, args=pair) for pair in (
        (b_period, b_org), (a_period, b_org), (b_period, a_org))]


def figure() -> st.SearchStrategy[str]:
    """What a unit types in a figure cell."""
    return st.one_of(s.number(), s.text(long=False), st.sampled_from([
        "Không xảy ra", "không", "Có", "Đạt", "3/4", "12/12", "< 17", "> 95", "≤11,88%", "Duy trì 10", "11,88 %",
        "10 trạm", "1.234,5 người", "−0", "0,0", "100,00001"]))


def test_definition_update(hostile, world):
    definition = world.a["definition"]
    hostile.fuzz(world.cast["secretariat"], urls("indicators:definition-update", world.ids("definition")),
                 {"code": definition.code, "name": definition.name, "unit": "%", "direction": "higher",
                  "description": "Theo Quyết định của UBND tỉnh"},
                 {"code": s.text(), "name": s.text(), "unit": s.text(), "direction": s.choice(Direction.values),
                  "description": s.text()}, keep=("name",))
    hostile.fuzz(world.cast["secretariat"], reverse("indicators:definition-list"), {"q": "bao hiem"},
                 {"q": s.text(), "page": s.whole_number()}, method="get")


def indicator_fields(world) -> dict:
    a, b = world.a, world.b
    return {
        "definition": s.ids([a["definition"].pk], [b["definition"].pk]),
        "parent": s.ids([i.pk for i in a["indicators"].values()], [b["indicator"].pk]),
        "order": s.whole_number(), "number": s.text(), "label": s.text(), "unit_label": s.text(),
        "is_key": s.flag(), "is_group": s.flag(), "comparator": s.choice(Comparator.values),
        "target_text": st.one_of(figure(), s.text()), "next_target_text": st.one_of(figure(), s.text()),
        "reporting_scope": s.choice(CampaignIndicator.Scope.values), "responsible": org_ids(world),
        "rollup": s.choice(CampaignIndicator.Rollup.values),
        "subcampaign": s.ids([a["item"].pk, a["programme"].pk], [b["item"].pk]),
        "new_code": s.text(), "new_name": s.text(), "new_unit": s.text(), "new_direction": s.choice(Direction.values),
        "reporting_units": st.lists(org_ids(world), max_size=3), "reason": s.text(),
    }


def test_indicator_rows(hostile, world):
    user = world.cast["secretariat"]
    a = world.a
    base = {"definition": "", "order": 7, "number": "7", "label": "", "unit_label": "%", "comparator": "",
            "target_text": "≤11,88%", "next_target_text": "≤ 11", "reporting_scope": "all", "rollup": "none",
            "subcampaign": a["item"].pk, "new_code": "TV", "new_name": "Tỷ lệ tử vong sơ sinh", "new_unit": "%",
            "new_direction": "lower", "reason": "Bổ sung chỉ tiêu theo văn bản"}
    hostile.fuzz(user, urls("indicators:indicator-create", world.ids("campaign")), base, indicator_fields(world),
                 keep=("target_text", "new_name"))
    row = a["indicator"]
    hostile.fuzz(user, urls("indicators:indicator-update", world.ids("indicator"), before=(a["campaign"].pk,)),
                 {**base, "definition": row.definition_id, "number": row.number, "target_text": "≥ 91,5%"},
                 indicator_fields(world), keep=("target_text",))
    hostile.fuzz(user, urls("indicators:indicator-delete", world.ids("indicator"), before=(a["campaign"].pk,)),
                 {"reason": "Trùng"}, {"reason": s.text()})
    hostile.fuzz(user, urls("indicators:unit-targets", world.ids("indicator"), before=(a["campaign"].pk,)),
                 {"organisation": world.tree["A.BV"].pk, "target_text": "≥ 95%", "reason": "Giao riêng"},
                 {"organisation": org_ids(world), "target_text": st.one_of(figure(), s.text()), "reason": s.text()},
                 keep=("target_text",))


def grid_fields(world) -> tuple[dict, dict]:
    a, b = world.a, world.b
    rows = list(a["indicators"].values())
    base = {"version": "", "action": "save", "narrative_done": "Đã triển khai", "narrative_difficulties": "",
            "narrative_proposals": ""}
    base.update({f"actual-{r.pk}": "" for r in rows})
    base[f"actual-{a['indicator'].pk}"] = "92,5"
    fields = {"version": s.whole_number(), "action": s.choice(["save", "submit"])}
    for name in ("narrative_done", "narrative_difficulties", "narrative_proposals"):
        fields[name] = s.text()
        fields[f"orig-{name}"] = s.text(long=False)
    for r in rows:
        fields[f"actual-{r.pk}"] = figure()
        fields[f"note-{r.pk}"] = s.text()
        fields[f"orig-{r.pk}"] = figure()
        fields[f"evidence-{r.pk}"] = s.document()
        fields[f"clear-evidence-{r.pk}"] = s.flag()
    # Sở B's rows posted into Sở A's grid (an edited page source).
    for r in b["indicators"].values():
        fields[f"actual-{r.pk}"] = figure()
    return base, fields


def test_results_grid(hostile, world):
    """The unit's own grid, saved and sent: every figure format, every hostile text."""
    base, fields = grid_fields(world)
    hostile.fuzz(world.cast["staff"], across("indicators:report", world, "hospital"), base, fields,
                 keep=(f"actual-{world.a['indicator'].pk}",), scale=2)


def test_results_grid_figures(hostile, world):
    """Every row at once with only figures: the parser, the evaluation and the stored decimals."""
    rows = list(world.a["indicators"].values())
    period, org = world.a["period"].pk, world.a.hospital.pk
    hostile.fuzz(world.cast["staff"], reverse("indicators:report", args=[period, org]),
                 {"action": "save"}, {f"actual-{r.pk}": figure() for r in rows}, scale=4)


def test_results_upload(hostile, world, client):
    a = world.a
    period, org = a["period"].pk, a.hospital.pk
    client.force_login(world.cast["staff"])
    template = client.get(reverse("indicators:report-template", args=[period, org])).content
    from indicators.excel import HEADERS, SHEET

    known = [[r.number, r.pk, r.definition.name, "", r.target_text, "", value, "Ghi chú"]
             for r, value in zip(a["indicators"].values(), ["92,5", "< 12", "12/12", "Không xảy ra", "10", "580.000"],
                                 strict=True)]
    known.append(["9", world.b["indicator"].pk, "Chỉ tiêu của Sở B", "", "", "", "50", ""])
    hostile.fuzz(world.cast["staff"], across("indicators:report-upload", world, "hospital"),
                 {}, {"file": s.upload(s.workbook(template, SHEET, len(HEADERS), known_rows=known))})


def test_review_exception_override(hostile, world):
    a = world.a
    period = a["period"].pk
    user = world.cast["secretariat"]
    hostile.fuzz(user, across("indicators:report-review", world, "reporter"),
                 {"decision": "return", "reason": "Thiếu minh chứng"},
                 {"decision": s.choice(["accept", "return"]), "reason": s.text()})
    hostile.fuzz(user, across("indicators:report-exception", world, "reporter"),
                 {"until": "30/06/2026", "reason": "Mất điện"}, {"until": s.day(), "reason": s.text()})
    hostile.fuzz(user, across("indicators:report-override", world, "reporter"),
                 {"result": a["result"].pk, "verdict": "yes", "reason": "Số liệu đã xác minh"},
                 {"result": s.ids([a["result"].pk], [world.b["result"].pk]), "verdict": s.choice(["yes", "no", "auto"]),
                  "reason": s.text()})
    hostile.fuzz(user, urls("indicators:remind", world.ids("campaign"), after=(period,)),
                 {"organisation": [world.tree["A.BV"].pk]}, {"organisation": st.lists(org_ids(world), max_size=4)})


def test_attachments(hostile, world):
    hostile.fuzz(world.cast["staff"], across("indicators:report-attachment", world, "hospital"), {},
                 {"file": s.document()})
