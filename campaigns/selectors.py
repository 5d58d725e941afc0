"""What the campaign pages show, each in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet
from django.urls import reverse

from campaigns import deadlines, formatting
from campaigns.lifecycle import Status
from campaigns.models import (
    Campaign,
    CampaignEvent,
    LegalBasis,
    Participation,
    Pledge,
    Quota,
    ReportingPeriod,
    SubCampaign,
)
from common import search
from common.queries import count_per_row
from units import access
from units.models import Organisation


def campaign_list(
    user, *, q: str = "", status: str = "", year: int | None = None, form: str = "", issuer: Organisation | None = None
) -> QuerySet[Campaign]:
    campaigns = Campaign.objects.visible_to(user).select_related("issuer").annotate(
        participant_count=count_per_row(Participation.objects.all(), "campaign")
    )
    order = ["-year", "title", "id"]
    if q.strip():
        campaigns = campaigns.filter(search.matches("search_text", q))
        order = [search.phrase_first("search_text", q), *order]
    if status:
        campaigns = campaigns.filter(status=status)
    if year:
        campaigns = campaigns.filter(year=year)
    if form:
        campaigns = campaigns.filter(form=form)
    if issuer is not None:
        campaigns = campaigns.filter(issuer__path__startswith=issuer.path)
    return campaigns.order_by(*order)


@dataclass
class ItemNode:
    item: SubCampaign
    level: int
    collective: int | None = None
    individual: int | None = None
    children: list[ItemNode] = field(default_factory=list)

    @property
    def quota_display(self) -> str:
        # The issuer's own wording, checked against the numbers when saved (formatting.printed_quota_problem).
        if self.item.quota_printed:
            return self.item.quota_printed
        if self.item.quota_per_programme:
            return formatting.per_programme_text([(c.collective, c.individual) for c in self.children])
        return formatting.quota_text(self.collective, self.individual, self.item.quota_note)

    @property
    def responsible_line(self) -> str:
        return formatting.close_line(self.item.responsible_text, self.item.responsible_end)


def subcampaign_tree(campaign: Campaign) -> list[ItemNode]:
    """The content items with their quotas, nested; two queries."""
    items = list(campaign.subcampaigns.select_related("host", "responsible"))
    quotas = Quota.objects.filter(campaign=campaign, subcampaign__isnull=False)
    nodes = {item.pk: ItemNode(item, 0) for item in items}
    for quota in quotas:
        node = nodes.get(quota.subcampaign_id)
        if node is not None:
            setattr(node, quota.recipient_kind, quota.count)
    roots: list[ItemNode] = []
    for node in nodes.values():
        parent = nodes.get(node.item.parent_id)
        (parent.children if parent else roots).append(node)

    def order(level_nodes: list[ItemNode], level: int) -> None:
        level_nodes.sort(key=lambda n: (n.item.order, n.item.pk))
        for node in level_nodes:
            node.level = level
            order(node.children, level + 1)

    order(roots, 0)
    return roots


def flatten_items(nodes: list[ItemNode]) -> list[ItemNode]:
    out: list[ItemNode] = []
    for node in nodes:
        out.append(node)
        out.extend(flatten_items(node.children))
    return out


def printed_quota_counts(
    item: SubCampaign, quotas: dict[str, int | None] | None = None, *, per_programme: bool | None = None
) -> tuple:
    """The (collective, individual) counts an item's printed quota line must state: its own (`quotas`
    and `per_programme` as about to be saved, else as stored), or for a per-programme item (2.1) the one
    quota its programmes share, (None, None) when they differ."""
    if per_programme is None:
        per_programme = item.quota_per_programme
    if per_programme:
        if item.pk is None:
            return None, None
        rows = Quota.objects.filter(subcampaign__parent=item)
        per_child: dict[int, dict[str, int]] = {}
        for quota in rows:
            per_child.setdefault(quota.subcampaign_id, {})[quota.recipient_kind] = quota.count
        children = list(item.children.values_list("pk", flat=True))
        shared = {(per_child.get(pk, {}).get("collective"), per_child.get(pk, {}).get("individual"))
                  for pk in children}
        return shared.pop() if len(shared) == 1 else (None, None)
    stored = {q.recipient_kind: q.count for q in item.quotas.all()} if item.pk else {}
    stored.update(quotas or {})
    return stored.get("collective"), stored.get("individual")


def campaign_quotas(campaign: Campaign) -> dict[str, int]:
    return {q.recipient_kind: q.count for q in Quota.objects.filter(campaign=campaign, subcampaign__isnull=True)}


@dataclass
class PeriodRow:
    period: ReportingPeriod
    last_day: object
    days_left: int | None

    @property
    def days_left_text(self) -> str:
        return deadlines.describe_days_left(self.days_left)


def period_rows(campaign: Campaign, today) -> list[PeriodRow]:
    rows = []
    for period in campaign.periods.all():
        last_day = deadlines.last_on_time_day(period.deadline, period.deadline_inclusive)
        days = deadlines.days_left(today, period.deadline, period.deadline_inclusive)
        rows.append(PeriodRow(period, last_day, days))
    return rows


def document(campaign: Campaign, today) -> dict:
    """Everything the plan page prints, in six queries whatever the plan's size."""
    tree = subcampaign_tree(campaign)
    legal_bases = list(campaign.legal_bases.all())
    return {
        "legal_bases": legal_bases,
        "basis_paragraphs": formatting.legal_basis_paragraphs(legal_bases, has_preamble=bool(campaign.preamble)),
        "sections": list(campaign.sections.all()),
        "recipients": list(campaign.recipients.all()),
        "item_tree": tree,
        "items": flatten_items(tree),
        "quotas": campaign_quotas(campaign),
        "periods": period_rows(campaign, today),
    }


def participants(campaign: Campaign) -> QuerySet[Participation]:
    """In Vietnamese order by the database's collation, so that a page of a province's 300 is read
    alone."""
    return campaign.participations.select_related("organisation__parent").order_by("organisation__name", "pk")


def pledges(campaign: Campaign) -> list[Pledge]:
    return list(
        campaign.pledges.select_related("bloc").prefetch_related(
            Prefetch("parties", queryset=Organisation.objects.order_by("name"))
        )
    )


def events(campaign: Campaign, limit: int | None = None) -> list[CampaignEvent]:
    rows = campaign.events.select_related("actor")
    return list(rows[:limit] if limit else rows)


def organisation_campaigns(user, organisation: Organisation) -> list[Participation]:
    """Campaigns this organisation takes part in that the user may see (organisation page)."""
    visible = Campaign.objects.visible_to(user).values("pk")
    return list(
        Participation.objects.filter(organisation=organisation, campaign__in=visible)
        .select_related("campaign__issuer").order_by("-campaign__year", "campaign__title")
    )


def upcoming_deadlines(user, today, limit: int = 8) -> list[PeriodRow]:
    """The next reporting deadlines of live campaigns the user sees (home page)."""
    visible = Campaign.objects.visible_to(user).filter(
        status__in=[Status.ISSUED, Status.IN_PROGRESS, Status.UNDER_REVIEW]
    ).values("pk")
    periods = (
        ReportingPeriod.objects.filter(campaign__in=visible)
        .filter(Q(deadline__gt=today) | Q(deadline=today, deadline_inclusive=True))
        .select_related("campaign").order_by("deadline", "id")[:limit]
    )
    return [
        PeriodRow(p, deadlines.last_on_time_day(p.deadline, p.deadline_inclusive),
                  deadlines.days_left(today, p.deadline, p.deadline_inclusive))
        for p in periods
    ]


def home_campaigns(user) -> dict:
    """The campaign queues of the home page: in progress for everyone; drafts and reviews for managers."""
    visible = Campaign.objects.visible_to(user).select_related("issuer")
    in_progress = list(visible.filter(status__in=[Status.ISSUED, Status.IN_PROGRESS]).order_by("-year", "title")[:10])
    managed = Campaign.objects.manageable_by(user).select_related("issuer") if access.can(user, "campaign.manage") \
        else Campaign.objects.none()
    return {
        "in_progress": in_progress,
        "drafts": list(managed.filter(status=Status.DRAFT).order_by("-updated_at")[:10]),
        "under_review": list(managed.filter(status=Status.UNDER_REVIEW).order_by("-year", "title")[:10]),
    }


def copy_review(campaign: Campaign) -> list[dict[str, str]]:
    """The draft's "Cần xem lại" list (one query): the căn cứ marked needs_review, then what
    services.copy_plan stored. Each item: kind, key (for dismissing), text, detail, url."""
    bases = [{"kind": "legal_basis", "key": f"basis-{basis.pk}", "text": basis.text,
              "detail": "Căn cứ có thể thuộc năm của kế hoạch cũ: kiểm tra số, ngày hoặc thay bằng văn bản năm nay.",
              "url": reverse("campaigns:item-update", args=[campaign.pk, "can-cu", basis.pk])}
             for basis in LegalBasis.objects.filter(campaign=campaign, needs_review=True)]
    return bases + list(campaign.copy_review or [])
