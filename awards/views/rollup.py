"""A campaign's roll-up for its issuer (issue 19, point 7): each unit's figures, nominations,
acceptances, decisions and pledges in one table with counts per state, its Excel copy, and the
bulk actions on ticked units (return with a reason, forward upward). The issuer's secretariat acts;
its leader and an administrator read. A campaign the user may not see is a 404."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from awards.selectors.rollup import RETURNED, Figures, Rollup, campaign_rollup
from awards.services.rollup import UnitOutcome, forward_units, return_to_units
from awards.views._common import _error_text, _xlsx
from awards.workflow import STANDING_MEANS, Standing
from campaigns.models import Campaign
from common import clock, xlsx
from common.forms import parse_id, parse_ids
from units import access

FILTERS = {*Standing.values, RETURNED, Figures.NOT_SENT, Figures.SENT, Figures.RETURNED, Figures.ACCEPTED}


def _campaign(request: HttpRequest, pk: int) -> Campaign:
    campaign = get_object_or_404(Campaign.objects.visible_to(request.user).select_related("issuer"), pk=pk)
    if not access.can(request.user, "campaign.rollup", campaign.issuer):
        raise PermissionDenied
    return campaign


def _rollup(request: HttpRequest, campaign: Campaign) -> Rollup:
    today = clock.today()
    periods = {p.pk: p for p in campaign.periods.all()}
    chosen = periods.get(parse_id(request.POST.get("ky") or request.GET.get("ky")))
    return campaign_rollup(campaign, request.user, today, chosen)


def _url(campaign: Campaign, period_pk: int | None, key: str = "") -> str:
    query = {k: v for k, v in (("ky", period_pk), ("loc", key)) if v}
    return reverse("awards:rollup", args=[campaign.pk]) + (f"?{urlencode(query)}" if query else "")


def rollup_index(request: HttpRequest) -> HttpResponse:
    """The awards menu's entry: the campaigns whose roll-up the user reads, newest first."""
    if not access.can(request.user, "campaign.rollup"):
        raise PermissionDenied
    scope = access.scope_q(request.user, "campaign.rollup", field="issuer__path")
    campaigns = Campaign.objects.visible_to(request.user).exclude(status="draft").select_related("issuer")
    if scope is not None:
        campaigns = campaigns.filter(scope)
    return render(request, "awards/rollup_index.html", {
        "campaigns": campaigns.order_by("-year", "-pk")[:100]})


def rollup(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _campaign(request, pk)
    return _page(request, campaign, _rollup(request, campaign), request.GET.get("loc", ""))


def _page(request: HttpRequest, campaign: Campaign, data: Rollup, key: str, *, error: str = "",
          reason_error: str = "", status: int = 200) -> HttpResponse:
    """The table; after a refused action, with what the user ticked and typed still there."""
    key = key if key in FILTERS else ""
    chips = data.standing_chips + data.figure_chips
    posted = request.method == "POST"
    return render(request, "awards/rollup.html", {
        "campaign": campaign, "rollup": data, "rows": data.filtered(key), "key": key,
        "key_label": next((c.label for c in chips if c.key == key), ""),
        "standings": Standing.choices, "means": [(Standing(k).label, v) for k, v in STANDING_MEANS.items()],
        "can_act": access.can(request.user, "nomination.review", campaign.issuer),
        "can_return_figures": access.can(request.user, "results.review", campaign.issuer),
        "base_url": _url(campaign, data.period.pk if data.period else None),
        "error": error, "reason_error": reason_error,
        "ticked": {o.pk for o in _chosen(request, data)} if posted else set(),
        "reason": request.POST.get("ly-do", "") if posted else "",
        "return_nominations": bool(request.POST.get("tra-de-nghi")) if posted else True,
        "return_figures": bool(request.POST.get("tra-so-lieu")) if posted else False,
    }, status=status)


def rollup_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    """The table as .xlsx: values only, no formulas (common.xlsx writes user text as text)."""
    campaign = _campaign(request, pk)
    data = _rollup(request, campaign)
    period = data.period.display_label if data.period else "không có kỳ báo cáo"
    headers = ["Đơn vị", f"Báo cáo số liệu ({period})", "Đúng hạn / muộn", "Đề nghị đã gửi",
               *[str(label) for _key, label in Standing.choices], "Trả lại, chờ bổ sung", "Đã tiếp nhận",
               "Đã khen thưởng"]
    if data.has_pledges:
        headers.append("Giao ước thi đua")
    rows = []
    for row in data.rows:
        name = row.organisation.name + ("" if row.is_participant else " (không phải đơn vị tham gia)")
        line = [name, row.figures_label, row.timeliness, row.sent, *row.standing_cells, row.returned, row.accepted,
                row.decided]
        if data.has_pledges:
            line.append("; ".join(row.pledges))
        rows.append(line)
    total = data.totals
    rows.append(["Cộng", "", "", total.sent, *total.standing_cells, total.returned, total.accepted, total.decided])
    means = "; ".join(f"{Standing(k).label}: {v}" for k, v in STANDING_MEANS.items())
    sheet = xlsx.Sheet("Tổng hợp đơn vị", headers, rows, widths=[45, 24, 16, 12, 12, 14, 12, 14, 14, 14, 14, 14, 50],
                       heading=[f"TỔNG HỢP ĐƠN VỊ – {campaign.title}", campaign.issuer.name,
                                f"Số đề nghị khen thưởng theo trạng thái ({means}).",
                                f"Xuất ngày {clock.today():%d/%m/%Y}."])
    return _xlsx(xlsx.write_workbook([sheet]), f"tong-hop-don-vi-{campaign.pk}.xlsx")


def _chosen(request: HttpRequest, data: Rollup):
    """The ticked units among the table's rows (a unit the user may not see cannot be ticked)."""
    ids = set(parse_ids(request.POST.getlist("don-vi")))
    return [row.organisation for row in data.rows if row.organisation.pk in ids]


def _report(request: HttpRequest, outcomes: list[UnitOutcome]) -> None:
    for outcome in outcomes:
        if outcome.refused:
            messages.error(request, outcome.text)
        elif outcome.done:
            messages.success(request, outcome.text)
        else:
            messages.info(request, outcome.text)


def _back(request: HttpRequest, campaign: Campaign, data: Rollup) -> HttpResponse:
    key = request.POST.get("loc", "")
    return redirect(_url(campaign, data.period.pk if data.period else None, key if key in FILTERS else ""))


def _acting(request: HttpRequest, pk: int) -> tuple[Campaign, Rollup, list]:
    """The two bulk actions' shared start: the issuer's secretariat, the table, the ticked units."""
    campaign = _campaign(request, pk)
    if not access.can(request.user, "nomination.review", campaign.issuer):
        raise PermissionDenied
    data = _rollup(request, campaign)
    return campaign, data, _chosen(request, data)


@require_POST
def rollup_return(request: HttpRequest, pk: int) -> HttpResponse:
    campaign, data, chosen = _acting(request, pk)
    if not chosen:
        return _page(request, campaign, data, request.POST.get("loc", ""),
                     error="Đánh dấu các đơn vị cần trả lại.", status=400)
    try:
        outcomes = return_to_units(by=request.user, campaign=campaign, organisations=chosen,
                                   reason=request.POST.get("ly-do", ""),
                                   nominations=bool(request.POST.get("tra-de-nghi")),
                                   figures=bool(request.POST.get("tra-so-lieu")), period=data.period)
    except ValidationError as error:
        # Nothing was returned: the page comes back with the ticks and the reason as typed.
        on_reason = hasattr(error, "error_dict") and "reason" in error.error_dict
        return _page(request, campaign, data, request.POST.get("loc", ""), status=400,
                     **{"reason_error" if on_reason else "error": _error_text(error)})
    _report(request, outcomes)
    return _back(request, campaign, data)


@require_POST
def rollup_forward(request: HttpRequest, pk: int) -> HttpResponse:
    campaign, data, chosen = _acting(request, pk)
    if not chosen:
        return _page(request, campaign, data, request.POST.get("loc", ""),
                     error="Đánh dấu các đơn vị có đề nghị cần trình cấp trên.", status=400)
    _report(request, forward_units(by=request.user, campaign=campaign, organisations=chosen))
    return _back(request, campaign, data)
