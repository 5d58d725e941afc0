"""Loads the seed plans and the live demo campaign through the services, and a past plan's status
through devtools.history (so every row has its history). Running it again finds what is there and
adds nothing: an issued plan is a signed document (its edition is frozen, reports.DocumentEdition),
so the live campaign's deadlines stay where the first run placed them; only a draft's move."""

from __future__ import annotations

import importlib
from datetime import date

from campaigns import services
from campaigns.lifecycle import Status
from campaigns.models import Campaign, LegalBasis, Pledge, Recipient, ReportingPeriod, Section, SubCampaign
from devtools import history
from devtools.demo.campaigns import live
from reports import services as report_services
from units.access import SYSTEM
from units.models import Bloc, Organisation, OrganisationKind

SEEDS = ["seed_000", "seed_001", "seed_002", "seed_003", "seed_004"]
REANCHOR_NOTE = "Dữ liệu minh họa: đặt lại hạn báo cáo theo ngày nạp dữ liệu."


def load(orgs: dict[str, Organisation], today: date, log=print) -> dict[str, Campaign]:
    """Load every seed and the live campaign; returns them by key ("seed-000" … "live")."""
    loaded = {}
    for name in SEEDS:
        module = importlib.import_module(f"devtools.demo.campaigns.{name}")
        data = {key: getattr(module, key) for key in dir(module) if key.isupper()}
        loaded[data["CAMPAIGN"]["key"]] = _load_one(data, orgs, log, demo=False)
    loaded["live"] = _load_one(live.build(today), orgs, log, demo=True)
    # Not the live demo campaign (is_demo): that one is the Sở's, which pages and tests look up by the flag.
    loaded["province"] = _load_one(live.build_province(today), orgs, log, demo=False)
    return loaded


def _load_one(data: dict, orgs: dict[str, Organisation], log, *, demo: bool) -> Campaign:
    spec = dict(data["CAMPAIGN"])
    key = spec.pop("key")
    issuer = orgs[spec.pop("issuer")]
    status = spec.pop("status")
    number, notation, issue_date = spec.pop("number", None), spec.get("notation", ""), spec.pop("issue_date", None)
    existing = Campaign.objects.filter(issuer=issuer, title=spec["title"], year=spec["year"]).first()
    if existing is not None:
        if demo:
            _reanchor(existing, data["PERIODS"])
        return existing
    campaign = services.create_campaign(by=SYSTEM, issuer=issuer, quotas=data.get("CAMPAIGN_QUOTAS") or None,
                                        is_demo=demo, **spec)
    for order, row in enumerate(data.get("LEGAL_BASES", []), start=1):
        services.save_item(by=SYSTEM, campaign=campaign, instance=LegalBasis(order=order, **row))
    for order, row in enumerate(data.get("SECTIONS", []), start=1):
        services.save_item(by=SYSTEM, campaign=campaign, instance=Section(order=order, **row))
    for order, row in enumerate(data.get("RECIPIENTS", []), start=1):
        services.save_item(by=SYSTEM, campaign=campaign, instance=Recipient(order=order, **row))
    _items(campaign, data.get("SUBCAMPAIGNS", []), None, orgs)
    for order, row in enumerate(data.get("PERIODS", []), start=1):
        services.save_item(by=SYSTEM, campaign=campaign, instance=ReportingPeriod(order=order, **row))
    participants = _participants(issuer, data.get("PARTICIPANTS", "children"))
    services.add_participants(by=SYSTEM, campaign=campaign, organisations=participants,
                              registered_on=issue_date or spec.get("period_start"))
    for row in data.get("PLEDGES", []):
        row = dict(row)
        parties = [orgs[k] for k in row.pop("parties")]
        bloc = Bloc.objects.filter(name=row.pop("bloc")).first()
        services.save_pledge(by=SYSTEM, campaign=campaign, instance=Pledge(bloc=bloc, **row), parties=parties)
    if status == Status.IN_PROGRESS and number and demo:
        # The live plan is sent for signature and issued as an office would: its signed edition is
        # stored, and the plan page shows it.
        report_services.record_plan_issue(by=SYSTEM, campaign=campaign, number=number, notation=notation,
                                          issue_date=issue_date)
        services.move_campaign(by=SYSTEM, campaign=campaign, to=Status.IN_PROGRESS)
    elif status == Status.IN_PROGRESS and number:
        services.move_campaign(by=SYSTEM, campaign=campaign, to=Status.ISSUED, number=number, notation=notation,
                               issue_date=issue_date)
        services.move_campaign(by=SYSTEM, campaign=campaign, to=Status.IN_PROGRESS)
    elif status != Status.DRAFT:
        history.import_status(campaign=campaign, status=status,
                               note=f"Nạp từ văn bản nguồn ({key}); văn bản của năm {spec['year']}.")
    log(f"  + {campaign.title[:90]}")
    return campaign


def _items(campaign: Campaign, rows: list[dict], parent: SubCampaign | None, orgs: dict[str, Organisation]) -> None:
    for order, row in enumerate(rows, start=1):
        row = dict(row)
        children = row.pop("children", [])
        quotas = row.pop("quotas", {}) or {}
        for field in ("host", "responsible"):
            key = row.pop(field, None)
            row[field] = orgs[key] if key else None
        item = services.save_subcampaign(by=SYSTEM, campaign=campaign, instance=SubCampaign(parent=parent, order=order,
                                                                                        **row), quotas=quotas)
        _items(campaign, children, item, orgs)


def _participants(issuer: Organisation, rule: str | list[str]) -> list[Organisation]:
    if rule == "communes":
        return list(Organisation.objects.filter(root=issuer.root_id, kind=OrganisationKind.COMMUNE_COMMITTEE))
    return list(issuer.children.filter(closed_on__isnull=True))


def _reanchor(campaign: Campaign, periods: list[dict]) -> None:
    """Keep a draft demo plan's deadlines relative to today when the loader runs on a later day. An
    issued plan is never touched: rewriting its deadline text changed what had been signed (issue 13)."""
    if campaign.status != Status.DRAFT or campaign.sent_for_signature_at is not None:
        return
    for row in periods:
        period = campaign.periods.filter(kind=row["kind"], label=row["label"]).first()
        if period is None or period.deadline == row["deadline"]:
            continue
        period.deadline = row["deadline"]
        period.deadline_text = row["deadline_text"]
        services.save_item(by=SYSTEM, campaign=campaign, instance=period, reason=REANCHOR_NOTE)
