"""Award pages: proposals and nominations for units, the secretariat's queue, disclosure, council
sessions, decisions, the register, the yearly path and the catalogue. Views stay thin: form →
service → redirect; what a page shows comes from awards.selectors. One module per section."""

from awards.views._common import RELATED
from awards.views.catalogue import (
    award_type_detail,
    award_type_form,
    catalogue,
    holiday_delete,
    holidays,
    legal_bases,
    ratio_caps,
    rule_form,
    salaries,
    salary_confirm,
    unit_authorities,
)
from awards.views.council import (
    session_attendance,
    session_close,
    session_create,
    session_detail,
    session_list,
    session_minutes,
    session_minutes_upload,
    session_reschedule,
    session_take_off,
    session_tally,
    session_tally_reopen,
)
from awards.views.council_terms import council, council_member_end, council_member_role, council_term
from awards.views.decisions import (
    decision_create,
    decision_delete,
    decision_detail,
    decision_file,
    decision_line_remove,
    decision_list,
    decision_revoke,
    unit_bulk_add,
    unit_titles,
)
from awards.views.fund import fund, fund_excel, rule_confirm
from awards.views.proposals import (
    nomination_create,
    nomination_delete,
    nomination_detail,
    nomination_file,
    nomination_file_delete,
    nomination_file_download,
    nomination_move,
    nomination_update,
    proposal_create,
    proposal_detail,
    proposal_file,
    proposal_file_delete,
    proposal_file_download,
    proposal_import,
    proposal_list,
    proposal_submit,
    proposal_template,
    record_higher,
    unit_decide,
)
from awards.views.register import (
    history_organisation_xlsx,
    history_person_xlsx,
    register,
    register_add,
    register_entry_file,
    register_import,
    register_organisation,
    register_person,
    register_template,
)
from awards.views.review import disclosure_create, disclosure_detail, disclosure_list, index, review_queue

__all__ = [
    "council", "council_member_end", "council_member_role", "council_term",
    "RELATED", "award_type_detail", "award_type_form", "catalogue", "decision_create", "decision_delete",
    "decision_detail", "decision_file", "decision_line_remove", "decision_list",
    "decision_revoke", "fund", "fund_excel", "rule_confirm",
    "disclosure_create", "disclosure_detail", "disclosure_list", "holiday_delete", "legal_bases",
    "holidays", "index", "nomination_create", "nomination_delete", "nomination_detail", "nomination_file",
    "nomination_file_delete", "nomination_file_download", "nomination_move", "nomination_update",
    "proposal_create", "proposal_detail", "proposal_file", "proposal_file_delete", "proposal_file_download",
    "proposal_import", "proposal_list", "proposal_submit", "proposal_template", "ratio_caps", "record_higher",
    "history_organisation_xlsx", "history_person_xlsx",
    "register", "register_add", "register_entry_file", "register_import", "register_organisation",
    "register_person", "register_template", "review_queue", "rule_form", "salaries", "salary_confirm",
    "session_attendance", "session_close", "session_create", "session_detail", "session_list",
    "session_minutes", "session_minutes_upload", "session_reschedule", "session_take_off", "session_tally",
    "session_tally_reopen", "unit_authorities", "unit_bulk_add", "unit_decide", "unit_titles",
]
