"""What the statistics forms count, read from the database for one issuer and reporting year
(README "Biểu thống kê" gives the same definitions in words):

- 0601.N: the plans launched (ban hành, not a draft) by the issuer or a body of its tree, with the
  date of issue inside the reporting year (01/12 of the year before to 30/11).
- 0602.N, 0603.N: the awards whose type the catalogue places in one of their columns, decided
  inside the reporting year, either by a decision of the issuer's tree (issued, not revoked) or
  given to a person or collective of its tree: decision lines, and the register's entries recorded
  from outside (decided by a higher level, or before the system; not the history a lower issuer's
  electronic dossier brought, which that issuer counts).

Each row becomes a fact for reports.statistics and a line for the list behind a figure. A fixed
number of queries whatever the year holds."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Q

from awards.models import AwardType, DecisionLine, RegisterEntry
from campaigns.models import Campaign
from common.text import format_date
from common.urls import reverse_ids
from reports import statistics
from units.models import Organisation


@dataclass(frozen=True)
class Source:
    """One counted row as the list behind a figure shows it."""

    key: str
    title: str
    detail: str
    url: str
    notes: tuple[str, ...] = ()


STATE_PER_FORM = tuple(key for key, _number, _label in statistics.STATE_PER_FORM)


def state_per_form() -> dict[str, list[tuple[str, str]]]:
    """The catalogue's award types printed in their own columns of 0602.N."""
    per_form: dict[str, list[tuple[str, str]]] = {}
    for award in AwardType.objects.filter(statistics_column__in=STATE_PER_FORM).order_by("order", "name"):
        per_form.setdefault(award.statistics_column, []).append((award.code, award.name))
    return per_form


def launched_on(campaign: Campaign) -> date | None:
    """The day a plan launched its campaign: its date of issue; a plan printed with only the month
    ("ngày … tháng 01 năm 2022", seeds 001 and 003) counts from the first of that month."""
    if campaign.issue_date:
        return campaign.issue_date
    if campaign.issue_year:
        return date(campaign.issue_year, campaign.issue_month or 1, 1)
    return None


def campaigns(issuer: Organisation, year: int) -> tuple[list[statistics.CampaignFacts], dict[str, Source]]:
    start, end = statistics.period(year)
    plans = (Campaign.objects.filter(issuer__path__startswith=issuer.path, document_kind=Campaign.DocumentKind.PLAN)
             .exclude(status="draft").select_related("issuer").order_by("issue_date", "pk"))
    facts, sources = [], {}
    for campaign in plans:
        launched = launched_on(campaign)
        if launched is None or not start <= launched <= end:
            continue
        fact = statistics.CampaignFacts(
            key=f"c{campaign.pk}", issuer_kind=campaign.issuer.kind, thematic=campaign.form == Campaign.Form.THEMATIC,
            start=campaign.period_start, end=campaign.period_end, year=campaign.year)
        facts.append(fact)
        span = (f"{format_date(campaign.period_start)} – {format_date(campaign.period_end)}"
                if campaign.period_start and campaign.period_end else "chưa ghi thời gian thi đua")
        issued = format_date(launched) if campaign.issue_date else f"tháng {launched:%m/%Y}"
        sources[fact.key] = Source(
            fact.key, campaign.title,
            f"{campaign.issuer.name} · ban hành {issued} · {campaign.get_form_display()} · {span}",
            campaign.get_absolute_url(), tuple(statistics.campaign_notes(fact)))
    return facts, sources


def _tier(person) -> str:
    if person is None:
        return ""
    return person.leadership or ("direct" if person.is_direct_worker else "")


def awards(issuer: Organisation, year: int) -> tuple[list[statistics.AwardFacts], dict[str, Source]]:
    start, end = statistics.period(year)
    tree = issuer.path
    counted = ~Q(award_type__statistics_column="")
    lines = (DecisionLine.objects
             .filter(counted, decision__status="issued", decision__issue_date__range=(start, end))
             .filter(Q(decision__issuer__path__startswith=tree) | Q(person__organisation__path__startswith=tree)
                     | Q(organisation__path__startswith=tree))
             .select_related("award_type", "decision__issuer", "person__organisation", "organisation", "nomination")
             .order_by("decision__issue_date", "decision_id", "order", "pk"))
    # A lower issuer's dossier copies its nominee's history into the receiver's register: the body that
    # recorded or decided those awards counts them, not the receiver (they would be counted twice).
    entries = (RegisterEntry.objects
               .filter(counted, decided_on__range=(start, end)).exclude(source=RegisterEntry.Source.PACKAGE)
               .filter(Q(person__organisation__path__startswith=tree) | Q(organisation__path__startswith=tree))
               .select_related("award_type", "person__organisation", "organisation")
               .order_by("decided_on", "pk"))
    facts, sources = [], {}
    for line in lines:
        mode = line.nomination.mode if line.nomination_id else "regular"
        fact = _facts(f"d{line.pk}", line, mode)
        facts.append(fact)
        decision = line.decision
        sources[fact.key] = Source(
            fact.key, f"{line.recipient_name} – {line.award_type.name}",
            f"{decision.reference} của {decision.issuer.name} · năm thành tích {line.achievement_year} · "
            f"{_mode_label(mode)}", decision.get_absolute_url())
    for entry in entries:
        fact = _facts(f"r{entry.pk}", entry, entry.mode)
        facts.append(fact)
        subject = entry.person or entry.organisation
        url = (reverse_ids("awards:register-person", entry.person_id) if entry.person_id
               else reverse_ids("awards:register-organisation", entry.organisation_id))
        sources[fact.key] = Source(
            fact.key, f"{subject} – {entry.award_type.name}",
            f"{entry.reference} ngày {format_date(entry.decided_on)} của {entry.issuer_name} · "
            f"{entry.get_source_display()} · năm thành tích {entry.achievement_year} · {entry.get_mode_display()}", url)
    return facts, sources


def _facts(key: str, row, mode: str) -> statistics.AwardFacts:
    return statistics.AwardFacts(key=key, column=row.award_type.statistics_column, award_code=row.award_type.code,
                                 collective=row.person_id is None, mode=mode, tier=_tier(row.person))


def _mode_label(mode: str) -> str:
    return dict(statistics.MODE_LABELS).get(mode, mode)
