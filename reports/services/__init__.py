"""The only code that changes reports and document editions: each call checks the user through
units.access, runs in one transaction and writes its history row. Two parts: summary reports
(`summary`) and the editions of the other signed documents (`editions`)."""

from reports.services.editions import (
    EDITION_LABEL,
    current_edition,
    edition_owner,
    editions_of,
    open_edition,
    record_decision_issue,
    record_issue,
    record_plan_issue,
    reopen_edition,
    send_for_signature,
)
from reports.services.summary import (
    EDIT_FIELDS,
    EDITION_DOCUMENTS,
    ISSUE_FIELDS,
    KIND_OF_PERIOD,
    _new_edition,
    action_for,
    attach_signed,
    create_report,
    drop_outline_default,
    edition_document,
    fill_edition,
    issue_report,
    issued_copy,
    latest_edition,
    outline_of,
    remake_edition,
    render_html,
    reopen_report,
    save_outline_default,
    save_report,
    send_report_for_signature,
    unmade_copies,
)

__all__ = [
    "action_for", "attach_signed", "create_report", "current_edition", "drop_outline_default", "EDIT_FIELDS",
    "edition_document", "EDITION_DOCUMENTS", "EDITION_LABEL", "edition_owner", "editions_of", "fill_edition",
    "ISSUE_FIELDS", "issue_report", "issued_copy", "KIND_OF_PERIOD", "latest_edition", "_new_edition",
    "open_edition", "outline_of", "record_decision_issue", "record_issue", "record_plan_issue", "remake_edition",
    "render_html", "reopen_edition", "reopen_report", "save_outline_default", "save_report", "send_for_signature",
    "send_report_for_signature", "unmade_copies",
]
