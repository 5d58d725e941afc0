"""What the award pages show, each in a fixed number of queries: rules as of a date, what is
left of a quota, the facts eligibility reads, queues, the register. One module per section."""

from awards.selectors._common import issuers_for
from awards.selectors.catalogue import (
    authority_holder,
    base_salary_on,
    holidays,
    rules_for,
    salary_table,
    unit_award_types,
)
from awards.selectors.council import council_people, session_candidates, sessions_visible_to
from awards.selectors.decisions import above_authority, decision_candidates, decisions_visible_to
from awards.selectors.proposals import (
    NOMINATION_RELATED,
    checks_for,
    held_titles,
    limited_levels,
    move_facts,
    nominations_for,
    nominee_choices,
    participants_of,
    quota_uses,
    regular_campaigns_for,
    scope_label,
    scope_of,
)
from awards.selectors.register import RegisterRow, register_for
from awards.selectors.review import (
    QuotaLine,
    awards_stamp,
    disclosure_candidates,
    home_queues,
    queue_stamp,
    quota_overview,
    review_queue,
    review_queue_ids,
    state_counts,
)

__all__ = [
    "NOMINATION_RELATED",
    "QuotaLine",
    "RegisterRow",
    "above_authority",
    "authority_holder",
    "awards_stamp",
    "base_salary_on",
    "checks_for",
    "council_people",
    "decision_candidates",
    "decisions_visible_to",
    "disclosure_candidates",
    "held_titles",
    "holidays",
    "home_queues",
    "issuers_for",
    "limited_levels",
    "move_facts",
    "nominations_for",
    "nominee_choices",
    "participants_of",
    "queue_stamp",
    "quota_overview",
    "quota_uses",
    "register_for",
    "regular_campaigns_for",
    "review_queue",
    "review_queue_ids",
    "rules_for",
    "salary_table",
    "scope_label",
    "scope_of",
    "session_candidates",
    "sessions_visible_to",
    "state_counts",
    "unit_award_types",
]
