"""The only code that changes awards: catalogue and tables, proposals and nominations and their
moves, disclosure, council sessions, decisions and the register. Every call checks the acting
user through units.access, runs in one transaction and writes its history row. One module per
section; callers keep writing `services.name(...)`."""

from awards.services._common import DECISION_FIELDS, NOMINATION_FIELDS, _move, _snapshot
from awards.services.catalogue import (
    RULE_FIELDS,
    confirm_bonus_rule,
    delete_holiday,
    save_award_type,
    save_base_salary,
    save_holiday,
    save_legal_basis,
    save_ratio_cap,
    save_rule,
    save_unit_authority,
)
from awards.services.council import (
    AbsenceInput,
    MemberInput,
    attach_minutes,
    attendance_of,
    close_session,
    create_session,
    record_tally,
    recusals,
    reopen_tally,
    reschedule_session,
    set_attendance,
    take_off_agenda,
)
from awards.services.council_terms import add_member, change_member_role, create_term, end_membership
from awards.services.decisions import (
    create_decision,
    decide_unit_titles,
    delete_draft_decision,
    issue_decision,
    refresh_draft_money,
    remove_decision_line,
    revoke_decision,
)
from awards.services.fund import add_fund_allocation
from awards.services.proposals import (
    add_nomination,
    add_nomination_file,
    add_proposal_file,
    create_proposal,
    delete_nomination,
    delete_nomination_file,
    delete_proposal_file,
    submit_proposal,
    update_nomination,
)
from awards.services.register import (
    RowErrors,
    add_register_entry,
    import_nominations,
    import_register,
    save_eligibility_record,
)
from awards.services.review import (
    accept_many,
    add_disclosure_comments,
    move,
    open_disclosure,
    record_higher_decision,
)

__all__ = [
    "AbsenceInput", "add_member", "change_member_role", "create_term", "end_membership",
    "DECISION_FIELDS", "MemberInput", "NOMINATION_FIELDS", "RULE_FIELDS", "RowErrors", "_move", "_snapshot",
    "accept_many", "add_disclosure_comments", "add_fund_allocation", "confirm_bonus_rule", "refresh_draft_money",
    "add_nomination", "add_nomination_file", "add_proposal_file",
    "add_register_entry", "attach_minutes", "attendance_of", "close_session", "create_decision",
    "create_proposal", "create_session", "decide_unit_titles", "delete_draft_decision", "delete_holiday",
    "delete_nomination", "delete_nomination_file", "delete_proposal_file", "import_nominations",
    "import_register", "issue_decision", "move", "open_disclosure", "record_higher_decision", "record_tally",
    "recusals", "remove_decision_line", "reopen_tally", "reschedule_session", "revoke_decision",
    "save_award_type", "save_base_salary", "save_eligibility_record", "save_holiday", "save_legal_basis",
    "save_ratio_cap", "save_rule", "save_unit_authority", "set_attendance", "submit_proposal", "take_off_agenda",
    "update_nomination",
]
