"""The permission matrix: every URL × every role × (an object of the user's own tree, the same kind of
object in another issuer's tree) → the status the product must answer, declared in one table (ROWS).

The same world (campaign, items, report with files, proposal, nominations in their states, disclosure,
council session, decisions, register, summary reports, a job…) is built twice: in Sở A's tree, where
the users work ("own"), and in Sở B's tree ("other"). Every user holds one membership: the issuer
roles on Sở A, the unit roles on A's hospital. Per architecture.md's roles table: a hidden object is a
404, a visible object the role may not act on a 403, an anonymous visitor goes to the login page (302)
except on the public pages, and an administrator sees everything but acts only where the table gives
it a "yes".

A new URL without a row fails test_every_url_has_a_row. Each request runs in a transaction that is
rolled back, so the cells do not depend on each other or on their order.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from html.parser import HTMLParser
from typing import NamedTuple
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.test import override_settings
from django.urls import get_resolver, reverse
from django.utils import timezone

from units.access import SYSTEM

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 10)
PDF = b"%PDF-1.4\n%test\n"

# The columns of every expectation, in this order.
ROLES = ("anon", "admin", "secretariat", "leader", "council", "head", "staff")
# Users of conftest's cast: the issuer roles on Sở A, the unit roles on A's hospital (A.BV).
CAST = {"admin": "admin", "secretariat": "secretariat", "leader": "leader", "council": "council",
        "head": "head", "staff": "staff"}


class Row(NamedTuple):
    obj: str | None     # whose args the URL takes (a key of build_world()["args"], or GLOBAL); None: none
    method: str
    own: str            # the status per role (ROLES order) for the own tree's object
    other: str | None   # the same for the other tree's object; None: the default (see expected_other)
    data: dict | None   # the POST body ("@key" is that object's pk)


def get(obj: str | None, own: str, other: str | None = None) -> Row:
    return Row(obj, "GET", own, other, None)


def post(obj: str | None, own: str, other: str | None = None, **data) -> Row:
    return Row(obj, "POST", own, other, data or None)


# Objects that belong to no tree (the administrator's catalogue and tables): one expectation only.
GLOBAL = {"award_type", "rule", "salary", "holiday", "legal_basis", "signing_token", "trust_anchor", "help_role"}

# The table. Columns: anon admin secretariat leader council head staff.
# A row without `other` expects, for the other tree's object: 302 for the anonymous visitor, the
# administrator's own-tree answer for the administrator (its scope is everything), 404 for the rest.
ROWS: dict[str, Row] = {
    # --- Public, account, home ------------------------------------------------------------------
    "login": get(None, "200 302 302 302 302 302 302"),            # a signed-in user goes home
    "logout": post(None, "302 302 302 302 302 302 302"),
    "healthz": get(None, "200 200 200 200 200 200 200"),
    "password_change": get(None, "302 200 200 200 200 200 200"),
    "home": get(None, "302 200 200 200 200 200 200"),
    "search": get(None, "302 200 200 200 200 200 200"),
    # The user manual: every role may read every role's page (common/help_views.py).
    "help:index": get(None, "302 200 200 200 200 200 200"),
    "help:role": get("help_role", "302 200 200 200 200 200 200"),
    "help:pdf": get(None, "302 200 200 200 200 200 200"),
    # --- Units, people, blocs, accounts ---------------------------------------------------------
    "units:organisation-list": get(None, "302 200 200 200 200 200 200"),
    "units:organisation-create": get(None, "302 200 200 403 403 403 403"),
    "units:organisation-detail": get("org", "302 200 200 200 200 200 200"),
    "units:organisation-update": get("org", "302 200 200 403 403 403 403"),
    "units:organisation-close": get("org", "302 200 200 403 403 403 403"),
    "units:organisation-reopen": post("org", "302 302 403 403 403 403 403"),   # admin: "not closed"
    "units:person-list": get(None, "302 200 200 200 200 200 200"),
    "units:person-create": get(None, "302 200 200 403 403 403 403"),
    "units:person-detail": get("person", "302 200 200 200 200 200 200"),
    "units:person-update": get("person", "302 200 200 403 403 403 403"),
    "units:bloc-list": get(None, "302 200 200 200 200 200 200"),
    "units:bloc-create": get(None, "302 200 200 403 403 403 403"),
    "units:bloc-detail": get("bloc", "302 200 200 200 200 200 200"),
    "units:bloc-update": get("bloc", "302 200 200 403 403 403 403"),
    "units:bloc-member-add": post("bloc", "302 302 302 403 403 403 403"),
    "units:bloc-member-remove": post("bloc_member", "302 302 302 403 403 403 403"),
    # Accounts are the managers' pages: hidden (404) from everyone else.
    "units:account-list": get(None, "302 200 200 404 404 404 404"),
    "units:account-create": get(None, "302 200 200 404 404 404 404"),
    "units:account-detail": get("account", "302 200 200 404 404 404 404"),
    "units:account-grant": post("account", "302 302 302 404 404 404 404"),
    "units:account-revoke": post("membership", "302 302 302 404 404 404 404"),
    "units:account-set-active": post("account", "302 302 302 404 404 404 404"),
    "units:account-reset-password": post("account", "302 302 302 404 404 404 404"),
    "units:import": get(None, "302 200 200 403 403 403 403"),
    "units:export": get(None, "302 200 200 200 200 200 200"),
    # --- Campaigns (in progress: issue and delete send managers back to the campaign) -----------
    "campaigns:campaign-list": get(None, "302 200 200 200 200 200 200"),
    "campaigns:campaign-create": get(None, "302 200 200 200 403 403 403"),
    "campaigns:campaign-detail": get("campaign", "302 200 200 200 200 200 200"),
    "campaigns:campaign-update": get("campaign", "302 200 200 200 403 403 403"),
    "campaigns:campaign-history": get("campaign", "302 200 200 200 200 200 200"),
    "campaigns:campaign-copy": get("campaign", "302 200 200 200 403 403 403"),
    "campaigns:copy-review-dismiss": post("campaign", "302 302 302 302 403 403 403", key="x"),
    "campaigns:campaign-issue": get("campaign", "302 302 302 302 403 403 403"),
    "campaigns:campaign-delete": get("campaign", "302 302 302 302 403 403 403"),
    "campaigns:campaign-move": post("campaign", "302 302 302 302 403 403 403"),
    "campaigns:subcampaign-create": get("campaign", "302 200 200 200 403 403 403"),
    "campaigns:subcampaign-detail": get("item", "302 200 200 200 200 200 200"),
    "campaigns:subcampaign-update": get("item", "302 200 200 200 403 403 403"),
    "campaigns:subcampaign-delete": get("item", "302 200 200 200 403 403 403"),
    "campaigns:participants-add": get("campaign", "302 200 200 200 403 403 403"),
    "campaigns:participant-remove": get("participation", "302 200 200 200 403 403 403"),
    "campaigns:pledge-create": get("campaign", "302 200 200 200 403 403 403"),
    "campaigns:pledge-detail": get("pledge", "302 200 200 200 200 200 200"),
    "campaigns:pledge-update": get("pledge", "302 200 200 200 403 403 403"),
    "campaigns:pledge-file": get("pledge", "302 200 200 200 200 200 200"),
    "campaigns:pledge-delete": get("pledge", "302 200 200 200 403 403 403"),
    "campaigns:item-create": get("new_section", "302 200 200 200 403 403 403"),
    "campaigns:item-update": get("section", "302 200 200 200 403 403 403"),
    "campaigns:item-delete": get("basis", "302 200 200 200 403 403 403"),
    # --- Indicators and the units' reports ------------------------------------------------------
    "indicators:index": get(None, "302 200 200 200 200 200 200"),
    "indicators:definition-list": get(None, "302 200 200 200 200 200 200"),   # the managed issuers' only
    "indicators:definition-update": get("definition", "302 200 200 200 404 404 404"),
    "indicators:campaign-results": get("campaign", "302 200 200 200 200 200 200"),
    "indicators:campaign-results-xlsx": get("campaign", "302 200 200 200 200 200 200"),
    "indicators:indicator-create": get("campaign", "302 200 200 200 403 403 403"),
    "indicators:indicator-update": get("indicator", "302 200 200 200 403 403 403"),
    "indicators:indicator-delete": get("indicator", "302 200 200 200 403 403 403"),
    "indicators:unit-targets": get("indicator", "302 200 200 200 403 403 403"),
    "indicators:completeness": get("campaign", "302 200 200 200 200 200 200"),
    "indicators:completeness-xlsx": get("campaign", "302 200 200 200 200 200 200"),
    "indicators:remind": post("period", "302 403 302 403 403 403 403"),
    "indicators:unit-results": get("unit_results", "302 200 200 200 200 200 200"),
    "indicators:unit-results-xlsx": get("unit_results", "302 200 200 200 200 200 200"),
    "indicators:report": get("report", "302 200 200 200 200 200 200"),
    "indicators:report-review": post("report", "302 403 302 403 403 403 403"),
    "indicators:report-exception": post("report", "302 403 302 403 403 403 403", until="20/12/2026", reason="Mất điện"),
    "indicators:report-override": post("report", "302 403 302 403 403 403 403", result="@result"),
    "indicators:report-attachment": post("report", "302 403 403 403 403 302 302"),
    "indicators:report-template": get("report", "302 200 200 200 200 200 200"),
    "indicators:report-upload": get("report", "302 403 403 403 403 200 200"),   # the unit enters, others read
    "indicators:attachment-file": get("attachment", "302 200 200 200 200 200 200"),
    "indicators:evidence-file": get("result", "302 200 200 200 200 200 200"),
    # --- Awards: the unit's proposals and nominations -------------------------------------------
    "awards:index": get(None, "302 200 200 200 200 200 200"),
    "awards:proposal-list": get(None, "302 200 200 200 200 200 200"),
    "awards:proposal-create": get(None, "302 403 403 403 403 200 200"),
    "awards:proposal": get("proposal", "302 200 200 200 200 200 200"),
    "awards:proposal-template": get("proposal", "302 200 200 200 200 200 200"),
    "awards:proposal-import": get("proposal", "302 403 403 403 403 200 200"),
    "awards:nomination-create": get("proposal", "302 403 403 403 403 200 200"),
    "awards:proposal-bulk-add": post("proposal", "302 403 403 403 403 302 302"),
    "awards:proposal-file": post("proposal", "302 403 403 403 403 302 302"),
    "awards:proposal-submit": post("proposal", "302 403 403 403 403 302 302"),
    "awards:proposal-file-download": get("proposal_file", "302 200 200 200 200 200 200"),
    "awards:proposal-file-delete": post("proposal_file", "302 403 403 403 403 302 302"),
    "awards:unit-titles": get(None, "302 403 403 403 403 200 403"),    # the unit head's
    "awards:unit-decide": post("unit_list", "302 403 403 403 403 302 403"),
    "awards:nomination": get("nomination", "302 200 200 200 200 200 200"),
    "awards:nomination-update": get("nomination", "302 403 403 403 403 200 200"),
    "awards:nomination-delete": post("nomination", "302 403 403 403 403 302 302"),
    "awards:nomination-move": post("nomination", "302 403 403 403 403 302 302", target="submitted", reason="Thử"),
    "awards:nomination-file": post("nomination", "302 403 403 403 403 302 302"),
    "awards:nomination-file-download": get("nomination_file", "302 200 200 200 200 200 200"),
    "awards:nomination-file-delete": post("nomination_file", "302 403 403 403 403 302 302"),
    "awards:record-higher": post("nomination", "302 403 302 403 403 403 403"),   # the secretariat records
    # --- Awards: the secretariat, the council, the leader ---------------------------------------
    "awards:review": get(None, "302 403 200 403 403 403 403"),
    "awards:dossier-import": get(None, "302 403 200 403 403 403 403"),
    "awards:dossier-match": get("dossier", "302 404 200 404 404 404 404"),
    "awards:dossier-discard": post("dossier", "302 404 302 404 404 404 404"),
    "awards:disclosure-list": get(None, "302 403 200 403 403 403 403"),
    "awards:disclosure-create": get(None, "302 403 200 403 403 403 403"),
    "awards:disclosure": get("disclosure", "302 404 200 404 404 404 404"),
    "awards:session-list": get(None, "302 403 200 403 200 403 403"),
    "awards:session-create": get(None, "302 403 200 403 403 403 403"),
    "awards:session": get("session", "302 404 200 404 200 404 404"),
    "awards:session-minutes": get("session", "302 404 200 404 200 404 404"),
    "awards:session-attendance": post("session", "302 404 302 404 302 404 404"),
    "awards:session-tally": post("tally", "302 404 302 404 302 404 404"),
    "awards:session-tally-reopen": post("tally", "302 404 302 404 302 404 404"),
    "awards:session-close": post("session", "302 404 302 404 302 404 404"),
    "awards:session-minutes-upload": post("session", "302 404 302 404 302 404 404"),
    # The standing council by term: the secretariat keeps it, the leader and the council read it.
    "awards:council": get(None, "302 403 200 200 200 403 403"),
    "awards:council-term": get("term", "302 404 200 200 200 404 404"),
    "awards:council-member-role": post("term_member", "302 404 302 403 403 404 404", role="vice_chair"),
    "awards:council-member-end": post("term_member", "302 404 302 403 403 404 404", left_on="10/11/2026",
                                      reason="Nghỉ hưu"),
    # Rescheduling and taking a nomination off the agenda prepare the council: the secretariat's.
    "awards:session-reschedule": post("session", "302 404 302 404 403 404 404"),
    "awards:session-take-off": post("tally", "302 404 302 404 403 404 404"),
    "awards:decision-list": get(None, "302 200 200 200 200 200 200"),
    "awards:decision-create": get(None, "302 403 403 200 403 403 403"),
    "awards:decision": get("decision", "302 200 200 200 200 200 200"),   # the unit reads what rewards its staff
    "awards:decision-revoke": post("decision", "302 403 403 302 403 403 403"),
    "awards:decision-delete": post("decision", "302 403 403 302 403 403 403"),
    "awards:decision-line-remove": post("line", "302 403 403 302 403 403 403"),
    "awards:decision-file": get("unit_decision", "302 200 200 200 200 200 200"),
    # --- Awards: the register -------------------------------------------------------------------
    "awards:register": get(None, "302 200 200 200 200 200 200"),
    "awards:register-person": get("person", "302 200 200 200 200 200 200"),
    "awards:register-organisation": get("org", "302 200 200 200 200 200 200"),
    "awards:register-add": get(None, "302 403 200 403 403 403 403"),
    "awards:register-template": get(None, "302 200 200 200 200 200 200"),
    "awards:register-import": get(None, "302 403 200 403 403 403 403"),
    "awards:register-file": get("entry", "302 200 200 200 200 200 200"),
    # QUÁ TRÌNH KHEN THƯỞNG: the register page's visibility (the PDF is reports', the workbook awards').
    "awards:history-person-xlsx": get("person", "302 200 200 200 200 200 200"),
    "awards:history-organisation-xlsx": get("org", "302 200 200 200 200 200 200"),
    "reports:history-person-pdf": get("person", "302 200 200 200 200 200 200"),
    "reports:history-organisation-pdf": get("org", "302 200 200 200 200 200 200"),
    # --- Awards: catalogue and dated tables (the administrator's), ratio caps (the issuer's) ----
    "awards:catalogue": get(None, "302 200 200 200 200 200 200"),
    "awards:award-type": get("award_type", "302 200 200 200 200 200 200"),
    "awards:award-type-create": get(None, "302 200 403 403 403 403 403"),
    "awards:award-type-update": get("award_type", "302 200 403 403 403 403 403"),
    "awards:rule-create": get("award_type", "302 200 403 403 403 403 403"),
    "awards:rule-update": get("rule", "302 200 403 403 403 403 403"),
    "awards:rule-confirm": post("rule", "302 302 403 403 403 403 403", coefficient="0,6", legal_basis="NĐ 152/2025"),
    "awards:salaries": get(None, "302 200 403 403 403 403 403"),
    "awards:salary-confirm": post("salary", "302 302 403 403 403 403 403"),
    "awards:legal-bases": get(None, "302 200 403 403 403 403 403"),
    "awards:legal-basis-update": get("legal_basis", "302 200 403 403 403 403 403"),
    "awards:holidays": get(None, "302 200 403 403 403 403 403"),
    "reports:trust-anchors": get(None, "302 200 403 403 403 403 403"),
    "reports:trust-anchor-remove": post("trust_anchor", "302 302 403 403 403 403 403", reason="Hết hạn"),
    "awards:holiday-delete": post("holiday", "302 302 403 403 403 403 403"),
    "awards:unit-authorities": get(None, "302 200 403 403 403 403 403"),
    "awards:ratio-caps": get(None, "302 403 200 403 403 403 403"),
    # The reward fund: the secretariat keeps it, the leader and the administrator read it.
    "awards:fund": get(None, "302 200 200 200 403 403 403"),
    "awards:fund-excel": get(None, "302 200 200 200 403 403 403"),
    # The statistics forms: the secretariat types, the leader and the administrator read; the cell's
    # list needs its form, row and column (none given: 404).
    "statistics:index": get(None, "302 200 200 200 403 403 403"),
    "statistics:cell": get(None, "302 404 404 404 403 403 403"),
    "statistics:pdf": get(None, "302 200 200 200 403 403 403"),
    "statistics:xlsx": get(None, "302 200 200 200 403 403 403"),
    "statistics:edit": get(None, "302 403 200 403 403 403 403"),
    # Freezing (chốt số liệu) is the secretariat's; the frozen editions are read as the live forms are, a
    # body outside the reader's is a 404. The world froze 2026 once: a new edition says why.
    "statistics:freeze": post(None, "302 403 302 403 403 403 403", reason="Bổ sung số liệu"),
    "statistics:edition": get("stat_edition", "302 200 200 200 403 403 403", "302 200 404 404 403 403 403"),
    "statistics:edition-cell": get("stat_edition", "302 404 404 404 403 403 403", "302 404 404 404 403 403 403"),
    "statistics:edition-file": get("stat_edition_file", "302 200 200 200 403 403 403",
                                   "302 200 404 404 403 403 403"),
    # A campaign's roll-up (issue 19, point 7): the secretariat acts, the leader and the administrator
    # read; the council and the units get none of it (a unit never sees the other units' rows).
    "awards:rollup-index": get(None, "302 200 200 200 403 403 403"),
    "awards:rollup": get("campaign", "302 200 200 200 403 403 403"),
    "awards:rollup-xlsx": get("campaign", "302 200 200 200 403 403 403"),
    "awards:rollup-return": post("campaign", "302 403 302 403 403 403 403", "302 403 404 404 404 404 404",
                                 **{"don-vi": "@unit", "tra-de-nghi": "1", "tra-so-lieu": "1", "ly-do": "Thiếu hồ sơ"}),
    "awards:rollup-forward": post("campaign", "302 403 302 403 403 403 403", "302 403 404 404 404 404 404",
                                  **{"don-vi": "@unit"}),
    # --- Documents, summary reports, background jobs --------------------------------------------
    "reports:plan-pdf": get("campaign", "302 200 200 200 200 200 200"),
    "reports:plan-preview-pdf": get("campaign", "302 200 200 200 200 200 200"),
    "reports:plan-issue": get("campaign", "302 200 200 200 403 403 403"),
    # Editions (issue 13): the plan's edition awaits the registry, so a second trình ký or a
    # reopening without a reason is refused on the page (302); a decision's issue errors show
    # on its page with what was typed (400).
    "reports:decision-issue": post("decision", "302 403 403 400 403 403 403"),
    "reports:edition-send": post("plan_kind", "302 302 302 302 403 403 403"),
    "reports:edition-reopen": post("plan_kind", "302 302 302 302 403 403 403"),
    "reports:edition-issue": post("plan_kind", "302 404 404 404 404 404 404"),   # tờ trình and minutes only
    "reports:edition-file": get("plan_edition", "302 200 200 200 200 200 200"),
    # Signed copies (issue 14): an upload without a file or a new link answer on the page (302).
    "reports:edition-signed-upload": post("plan_kind", "302 302 302 302 403 403 403"),
    "reports:edition-signing-token": post("plan_kind", "302 302 302 302 403 403 403"),
    "reports:signed-copy-file": get("signed_copy", "302 200 200 200 200 200 200"),
    # The signing tools' endpoints take no session: the one-time secret is the right, so anyone
    # holding none (here an unknown one) gets 404, signed in or not (tests/reports/test_signed_copies.py
    # covers a real link: 200, then 410 once used or expired).
    "signing:token-file": get("signing_token", "404 404 404 404 404 404 404"),
    "signing:token-upload": post("signing_token", "404 404 404 404 404 404 404"),
    "reports:proposal-document": get("proposal", "302 200 200 200 200 200 200"),
    "reports:proposal-pdf": get("proposal", "302 200 200 200 200 200 200"),
    "reports:dossier-export": get("proposal", "302 403 200 403 403 403 403"),
    "reports:decision-document": get("decision", "302 200 200 200 200 200 200"),
    "reports:decision-pdf": get("decision", "302 200 200 200 200 200 200"),
    "reports:certificates-pdf": get("unit_decision", "302 200 200 200 200 200 200"),
    "reports:minutes-document": get("session", "302 404 200 404 200 404 404"),
    "reports:minutes-pdf": get("session", "302 404 200 404 200 404 404"),
    "reports:job": get("job", "302 200 200 404 404 404 404"),            # its requester's (and the admin's)
    "reports:job-file": get("job", "302 200 200 404 404 404 404"),
    "reports:job-retry": post("job", "302 302 302 404 404 404 404"),
    "reports:report-list": get(None, "302 200 200 200 200 200 200"),
    "reports:report-create": get("campaign", "302 403 200 200 403 200 200"),
    # The campaign's report, a draft: the issuer's; the units read it once issued.
    "reports:report": get("whole", "302 200 200 200 200 404 404"),
    "reports:report-update": get("whole", "302 403 200 200 403 404 404"),
    "reports:report-outline-default-drop": post("whole", "302 403 302 302 403 404 404"),
    "reports:report-send": post("whole", "302 403 200 200 403 404 404"),    # errors shown on the page
    "reports:report-issue": post("whole", "302 403 200 200 403 404 404"),   # errors shown on the page
    "reports:report-pdf": get("whole", "302 200 200 200 200 404 404"),
    "reports:report-xlsx": get("whole", "302 200 200 200 200 404 404"),
    # The hospital's own report, issued: its head reopens it and attaches the signed copy.
    "reports:report-reopen": post("unit_report", "302 403 403 403 403 302 403"),
    "reports:report-edition-make": post("unit_report", "302 403 403 403 403 302 403"),
    "reports:report-signed": post("unit_report", "302 403 403 403 403 302 403"),
    "reports:report-file": get("report_file", "302 200 200 200 200 200 200"),
}

PUBLIC = {"login", "healthz"}
# Outside the login: a one-time secret in the path is the credential (reports/signing_views.py).
TOKEN = {"signing:token-file", "signing:token-upload"}
# Names of the other tree's objects: none may show on a page of a non-admin user of Sở A.
OTHER_TAG = "Mường Tè"
OTHER_MARKERS = (OTHER_TAG, "Sở Y tế B", "Bệnh viện tỉnh B")


def expected_other(row: Row) -> str:
    if row.other is not None:
        return row.other
    own = row.own.split()
    return " ".join(["302", own[1]] + ["404"] * (len(ROLES) - 2))


# --- The worlds ----------------------------------------------------------------------------------------------


def _pdf(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def _as_sent_from_below(package: bytes, tag: str) -> bytes:
    """The package as a lower issuer would send it: an issuer may not receive its own."""
    from awards import dossier

    read = dossier.read(package)
    manifest = {k: v for k, v in read.manifest.items() if k not in ("format", "version", "files")}
    manifest["sender"] = {"name": f"Cơ quan cấp dưới {tag}", "code": f"CD-{tag}"}
    return dossier.build(manifest, [dossier.PackageFile(
        path=row["path"], content=read.files[row["path"]], kind=row["kind"], title=row["title"],
        nomination=row["nomination"], source_kind=row.get("source_kind", "")) for row in read.manifest["files"]])


def build_world(orgs: dict, *, key: str, tag: str, requester) -> dict:
    """One issuer's world: `orgs` holds its root, an office, the hospital (the unit whose users act)
    and a health centre. Returns the URL args of each object (by key) and a few pks."""
    from awards import services as award_services
    from awards.models import AwardType, Proposal, RegisterEntry, UnitAuthority
    from awards.services import dossier as dossier_services
    from campaigns import services as campaign_services
    from campaigns.lifecycle import Status
    from campaigns.models import LegalBasis, Pledge, Recipient, ReportingPeriod, Section, SubCampaign
    from devtools import history
    from indicators import services as indicator_services
    from indicators.models import CampaignIndicator, IndicatorDefinition, SubmissionAttachment
    from reports import dossier as report_dossier
    from reports import jobs
    from reports import services as report_services
    from reports.services import signed
    from reports.services import statistics as statistics_services
    from tests.factories import make_campaign, make_person, make_user
    from tests.reports.conftest import complete
    from units import services as unit_services

    root, office, unit, centre = orgs["root"], orgs["office"], orgs["unit"], orgs["centre"]
    types = {t.code: t for t in AwardType.objects.all()}
    campaign = make_campaign(root, f"Kế hoạch thi đua {tag}", participants=[unit, centre], status=Status.IN_PROGRESS)
    c = campaign.pk
    item = campaign_services.save_subcampaign(by=SYSTEM, campaign=campaign,
                                              instance=SubCampaign(number="1", title=f"Nội dung {tag}"))
    pledge = campaign_services.save_pledge(by=SYSTEM, campaign=campaign, instance=Pledge(
        title=f"Giao ước {tag}", file=_pdf("gu.pdf")), parties=[unit, centre])
    section = campaign_services.save_item(by=SYSTEM, campaign=campaign, instance=Section(heading="I."))
    basis = campaign_services.save_item(by=SYSTEM, campaign=campaign, instance=LegalBasis(text="Luật Thi đua"))
    campaign_services.save_item(by=SYSTEM, campaign=campaign, instance=Recipient(text="UBND tỉnh"))
    period = campaign_services.save_item(by=SYSTEM, campaign=campaign, instance=ReportingPeriod(
        kind="year", year=2026, deadline=date(2026, 12, 20)))
    bloc = unit_services.create_bloc(by=SYSTEM, organiser=root, name=f"Khối bệnh viện {tag}")
    member = unit_services.set_bloc_member(by=SYSTEM, bloc=bloc, organisation=unit, role="head")
    person = make_person(unit, f"Nguyễn Văn An {tag}", "NV1")
    account = make_user(f"dv.tt.{key}", centre, "unit_staff", full_name=f"Cán bộ trung tâm {tag}")
    participation = campaign.participations.get(organisation=unit)
    definition = indicator_services.save_definition(by=SYSTEM, instance=IndicatorDefinition(
        issuer=root, code="BHYT", name=f"Tỷ lệ tham gia bảo hiểm y tế {tag}", unit="%", direction="higher"))
    indicator = indicator_services.save_indicator(by=SYSTEM, campaign=campaign, instance=CampaignIndicator(
        definition=definition, number="1", comparator="gte", target_text="≥91%"))
    report = history.import_report(period=period, organisation=unit, values={indicator.pk: "92"},
                                   status="submitted", submitted_at=timezone.now())
    attachment = SubmissionAttachment(submission=report)
    attachment.file.save("bao-cao.pdf", _pdf("bao-cao.pdf"), save=True)
    result = report.results.get()
    result.evidence.save("minh-chung.pdf", _pdf("minh-chung.pdf"), save=True)

    # Awards: a proposal of the hospital with a draft nomination and its files, one in disclosure,
    # one before the council (whose signed minutes are in), one in the leader's draft decision; the
    # hospital head's own list, decided; a register entry.
    proposal = award_services.create_proposal(by=SYSTEM, campaign=campaign, organisation=unit, subcampaign=item,
                                              title=f"Tờ trình đề nghị khen thưởng {tag}", year=2026)
    people = [person] + [make_person(unit, f"Cán bộ {i} {tag}", f"CB{i}") for i in range(5)]
    noms = [award_services.add_nomination(by=SYSTEM, proposal=proposal, award_type=types[code], person=p)
            for code, p in zip(["GK_SYT_CN", "HCLD3_CN", "CSTD_TINH", "LDTT"], people, strict=False)]
    proposal_file = award_services.add_proposal_file(by=SYSTEM, proposal=proposal, kind="submission",
                                                     upload=_pdf("to-trinh.pdf"))
    nomination_file = award_services.add_nomination_file(by=SYSTEM, nomination=noms[0], upload=_pdf("thanh-tich.pdf"))
    for n in noms[1:4]:
        award_services._move(SYSTEM, n, "submitted")
        award_services._move(SYSTEM, n, "accepted")
    disclosure = award_services.open_disclosure(by=SYSTEM, issuer=root, nominations=[noms[1]],
                                                title=f"Công khai {tag}", starts_on=date(2026, 5, 4),
                                                working_days=10, published_at="Cổng thông tin Sở")
    members = [award_services.MemberInput(make_person(office, f"Thành viên {i} {tag}", f"HD{i}"), role)
               for i, role in enumerate(["chair", "secretary", "member"])]
    session = award_services.create_session(by=SYSTEM, issuer=root, title=f"Phiên họp {tag}",
                                            held_on=date(2026, 6, 1), place="Sở", members=members,
                                            nominations=[noms[2]])
    award_services.attach_minutes(by=SYSTEM, session=session, upload=_pdf("bien-ban.pdf"))
    term = award_services.create_term(by=SYSTEM, issuer=root, name=f"2026–2030 {tag}", starts_on=date(2026, 1, 1),
                                      ends_on=date(2030, 12, 31), decision=f"Quyết định thành lập Hội đồng {tag}")
    term_member = award_services.add_member(by=SYSTEM, term=term, person=members[0].person, role="chair",
                                            joined_on=date(2026, 1, 1), today=date(2026, 11, 10))
    award_services._move(SYSTEM, noms[3], "approved")
    # Forwarded upward: the proposal has an electronic dossier, received back into the same campaign.
    upward = award_services.add_nomination(by=SYSTEM, proposal=proposal, award_type=types["GK_SYT_CN"],
                                           person=people[5])
    for state in ("submitted", "accepted", "approved", "forwarded"):
        award_services._move(SYSTEM, upward, state)
    _name, package = report_dossier.build(proposal)
    package = _as_sent_from_below(package, tag)
    received = dossier_services.receive_dossier(by=SYSTEM, campaign=campaign, upload=SimpleUploadedFile(
        "ho-so.zip", package, content_type="application/zip"))
    decision = award_services.create_decision(by=SYSTEM, issuer=root, title=f"Về việc tặng LĐTT {tag}",
                                              nominations=[noms[3]])
    authority = UnitAuthority.objects.create(organisation=unit, basis="Phân cấp (thử nghiệm)")
    authority.award_types.set([types["LDTT"], types["GK_DV_CN"]])
    unit_list = award_services.create_proposal(by=SYSTEM, campaign=campaign, organisation=unit,
                                               kind=Proposal.Kind.UNIT, title=f"Bình xét {tag}", year=2026)
    award_services.add_nomination(by=SYSTEM, proposal=unit_list, award_type=types["LDTT"], person=people[4])
    award_services.add_proposal_file(by=SYSTEM, proposal=unit_list, kind="minutes", upload=_pdf("bien-ban.pdf"))
    unit_decision = award_services.decide_unit_titles(
        by=SYSTEM, proposal=unit_list, number=1, notation="QĐ-BV", issue_date=date(2026, 11, 2), signer_prefix="",
        signer_title="Giám đốc", signer_name="Trần Văn Ký", upload=_pdf("quyet-dinh.pdf"))
    entry = award_services.add_register_entry(by=SYSTEM, owner=root, instance=RegisterEntry(
        person=person, award_type=types["CSTDCS"], achievement_year=2024, issuer_name=root.name,
        reference="9/QĐ-SYT", decided_on=date(2024, 12, 20)), upload=_pdf("qd.pdf"))

    report_services.send_for_signature(by=SYSTEM, kind="plan", obj=campaign)
    signed_copy = signed.upload_signed(by=SYSTEM, kind="plan", obj=campaign, upload=_pdf("ke-hoach-da-ky.pdf"))
    whole = report_services.create_report(by=SYSTEM, campaign=campaign, organisation=root, period=period)
    unit_report = report_services.create_report(by=SYSTEM, campaign=campaign, organisation=unit, period=period)
    unit_report = report_services.issue_report(
        by=SYSTEM, report=complete(unit_report), number=3, notation="BC-BV", issue_date=date(2026, 11, 9),
        signer_title="Giám đốc", signer_name="Nguyễn Văn B")
    job = jobs.start(document="report", obj=whole, title=f"Báo cáo {tag}", by=requester)
    stat_edition = statistics_services.freeze(by=SYSTEM, issuer=root, year=2026)
    line = decision.lines.get()
    tally = session.tallies.get()
    return {
        "args": {
            "org": (unit.pk,), "person": (person.pk,), "bloc": (bloc.pk,), "bloc_member": (bloc.pk, member.pk),
            "account": (account.pk,), "membership": (account.pk, account.memberships.get().pk),
            "campaign": (c,), "item": (c, item.pk), "participation": (c, participation.pk),
            "pledge": (c, pledge.pk), "new_section": (c, "de-muc"), "section": (c, "de-muc", section.pk),
            "basis": (c, "can-cu", basis.pk), "period": (c, period.pk), "definition": (definition.pk,),
            "indicator": (c, indicator.pk), "unit_results": (c, unit.pk), "report": (period.pk, unit.pk),
            "attachment": (attachment.pk,), "result": (result.pk,),
            "proposal": (proposal.pk,), "proposal_file": (proposal_file.pk,), "unit_list": (unit_list.pk,),
            "nomination": (noms[0].pk,), "nomination_file": (nomination_file.pk,),
            "disclosure": (disclosure.pk,), "session": (session.pk,), "tally": (session.pk, tally.pk),
            "term": (term.pk,), "term_member": (term.pk, term_member.pk),
            "decision": (decision.pk,), "line": (decision.pk, line.pk), "unit_decision": (unit_decision.pk,),
            "entry": (entry.pk,), "dossier": (received.pk,), "whole": (whole.pk,), "unit_report": (unit_report.pk,),
            "report_file": (unit_report.pk, unit_report.files.get(kind="issued").pk), "job": (job.pk,),
            "plan_kind": ("ke-hoach", c), "plan_edition": ("ke-hoach", c, 1, "signature"),
            "signed_copy": ("ke-hoach", c, signed_copy.pk),
            "stat_edition": (stat_edition.pk,), "stat_edition_file": (stat_edition.pk, "pdf"),
        },
        "pk": {"result": result.pk, "unit": unit.pk, "period": period.pk},
        "unit": unit, "period": period,
    }


def build_globals() -> dict:
    from awards import services as award_services
    from awards.models import AwardRule, AwardType, BaseSalary, DatedLegalBasis, Holiday
    from reports.services import trust
    from tests.signing import make_ca

    award_type = AwardType.objects.get(code="LDTT")
    holiday = award_services.save_holiday(by=SYSTEM, instance=Holiday(day=date(2026, 9, 2), name="Quốc khánh"))
    return {"award_type": (award_type.pk,), "rule": (award_type.pk, AwardRule.objects.filter(
        award_type=award_type).first().pk), "salary": (BaseSalary.objects.first().pk,), "holiday": (holiday.pk,),
            "legal_basis": (DatedLegalBasis.objects.first().pk,), "signing_token": ("khong-co-lien-ket-nay",),
            "trust_anchor": (trust.add_trust_anchor(SYSTEM, make_ca().pem, name="CA của ma trận").pk,),
            "help_role": ("thuong-truc",)}


def _stub_pdf(html, *, archival=False):
    """WeasyPrint costs ~0.3 s a document: the matrix checks who gets a document, not its pages."""
    return b"%PDF-1.4\n%matrix\n"


@pytest.fixture(scope="module")
def worlds(django_db_setup, django_db_blocker):
    """Both worlds, built once for the module inside a transaction rolled back at its end; each test
    still runs in its own savepoint."""
    from tests.factories import make_cast, make_org, make_tree

    with django_db_blocker.unblock(), override_settings(APP_TODAY=TODAY), \
            mock.patch("reports.pdf.render_pdf", _stub_pdf), transaction.atomic():
        tree = make_tree()
        cast = make_cast(tree)
        b_orgs = {
            "root": tree["B"], "unit": tree["B.BV"],
            "office": make_org(f"Văn phòng Sở {OTHER_TAG}", "VP", parent=tree["B"], kind="department_office"),
            "centre": make_org(f"Trung tâm Y tế {OTHER_TAG}", "TTYT", parent=tree["B"], kind="health_centre"),
        }
        a_orgs = {"root": tree["A"], "office": tree["A.TCHC"], "unit": tree["A.BV"], "centre": tree["A.TT"]}
        data = {
            "cast": cast, "tree": tree,
            "own": build_world(a_orgs, key="a", tag="", requester=cast["secretariat"]),
            "other": build_world(b_orgs, key="b", tag=OTHER_TAG, requester=cast["outsider"]),
            "global": build_globals(),
        }
        yield data
        transaction.set_rollback(True)


@pytest.fixture
def pinned(worlds):
    with override_settings(APP_TODAY=TODAY), mock.patch("reports.pdf.render_pdf", _stub_pdf):
        yield worlds


# --- Requests --------------------------------------------------------------------------------------------------


def _args(worlds: dict, row: Row, side: str) -> tuple:
    if row.obj is None:
        return ()
    if row.obj in GLOBAL:
        return worlds["global"][row.obj]
    return worlds[side]["args"][row.obj]


def _body(worlds: dict, row: Row, side: str) -> dict:
    return {k: worlds[side]["pk"][v[1:]] if isinstance(v, str) and v.startswith("@") else v
            for k, v in (row.data or {}).items()}


class Session:
    """One role's test client: logged in once, logged in again after a request ended its session
    (the logout cell). `before` is the data's fingerprint after the login (which writes last_login)."""

    def __init__(self, client, user):
        self.client, self.user = client, user
        self._login()

    def _login(self) -> None:
        self.client.logout()
        if self.user is not None:
            self.client.force_login(self.user)
        self.cookie = self._cookie()
        self.before = fingerprint()

    def _cookie(self) -> str | None:
        cookie = self.client.cookies.get("sessionid")
        return cookie.value if cookie else None

    def request(self, method: str, url: str, data: dict | None = None, inside=None):
        """(status or "500 …", response or None, what `inside()` returned after the response, still
        inside the transaction), the database as it was before."""
        seen = None
        try:
            with transaction.atomic():
                response = (self.client.get(url) if method == "GET" else self.client.post(url, data or {}))
                seen = inside() if inside else None
                transaction.set_rollback(True)
        except Exception as exc:    # a 500: reported as a cell, not as the test's error
            response, status = None, f"500 {type(exc).__name__}: {exc}"[:200]
        else:
            status = str(response.status_code)
            if status == "302" and self.user is None and not response["Location"].startswith(reverse("login")):
                status = f"302→{response['Location']}"
        if self.user is not None and self._cookie() != self.cookie:
            self._login()
        return status, response, seen


def fingerprint() -> str:
    """Every row of the application's tables, hashed (on PostgreSQL in one query, ~5 ms): any
    change shows."""
    from django.apps import apps

    models = [m for m in apps.get_models(include_auto_created=True)
              if m._meta.app_label in {"units", "campaigns", "indicators", "awards", "reports", "common"}]
    if connection.vendor != "postgresql":
        rows = [list(m._default_manager.order_by("pk").values_list()) for m in models]
        return hashlib.md5(repr(rows).encode()).hexdigest()
    hashes = ", ".join(f"(SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) "
                       f"FROM {connection.ops.quote_name(m._meta.db_table)} t)" for m in models)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT md5(concat_ws(',', {hashes}))")
        return cursor.fetchone()[0]


def _users(worlds: dict) -> dict:
    return {role: None if role == "anon" else worlds["cast"][CAST[role]] for role in ROLES}


def _leaks(response) -> list[str]:
    if response is None or not response.get("Content-Type", "").startswith("text/html"):
        return []
    html = response.content.decode()
    return [marker for marker in OTHER_MARKERS if marker in html]


class _Fields(HTMLParser):
    """The form fields of a page that nothing names: no <label for>, no enclosing <label>, no
    aria-label or aria-labelledby, no title (what a screen reader would read out, as axe counts it)."""

    NAMELESS = {"hidden", "submit", "button", "reset", "image"}

    def __init__(self):
        super().__init__()
        self.fields, self.label_for, self.in_label = [], set(), 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "label":
            self.in_label += 1
            if attrs.get("for"):
                self.label_for.add(attrs["for"])
        elif tag in ("input", "select", "textarea") and (attrs.get("type") or "text") not in self.NAMELESS:
            named = self.in_label or attrs.get("aria-label") or attrs.get("aria-labelledby") or attrs.get("title")
            self.fields.append((attrs.get("name") or tag, attrs.get("id"), bool(named)))

    def handle_endtag(self, tag):
        if tag == "label" and self.in_label:
            self.in_label -= 1

    def unlabelled(self) -> list[str]:
        return [name for name, id_, named in self.fields if not named and (not id_ or id_ not in self.label_for)]


def _unlabelled(response) -> list[str]:
    parser = _Fields()
    parser.feed(response.content.decode())
    return parser.unlabelled()


# --- The tests -------------------------------------------------------------------------------------------------


def _url_names() -> set[str]:
    resolver = get_resolver()
    names = {n for n in resolver.reverse_dict if isinstance(n, str)}
    for namespace, (_prefix, sub) in resolver.namespace_dict.items():
        if namespace != "admin":   # Django's own admin has its own permissions
            names |= {f"{namespace}:{n}" for n in sub.reverse_dict if isinstance(n, str)}
    return names


def test_every_url_has_a_row():
    """A new page must say here what each role gets from it; a row for a page gone must go."""
    names = _url_names()
    assert {"missing rows": sorted(names - set(ROWS)), "rows of no URL": sorted(set(ROWS) - names)} == {
        "missing rows": [], "rows of no URL": []}


def test_the_table_is_well_formed():
    """Seven codes a cell; the anonymous visitor is sent to the login page except on PUBLIC pages."""
    for name, row in ROWS.items():
        assert row.method in ("GET", "POST"), name
        for codes in [row.own] + ([expected_other(row)] if row.obj and row.obj not in GLOBAL else []):
            assert len(codes.split()) == len(ROLES), name
            assert codes.split()[0] == ("200" if name in PUBLIC else "404" if name in TOKEN else "302"), name
        assert row.other is None or (row.obj is not None and row.obj not in GLOBAL), name


def test_every_role_gets_what_the_table_declares(client, pinned):
    """All cells at once, the mismatches reported together. Also: a POST refused on the own tree
    changed nothing; no page a non-admin user of Sở A opens names anything of Sở B; no link on a
    page the user opened leads to a 404; every form field of every page has a label. (The non-admin
    roles' POSTs to the other tree are the next test's.)"""
    worlds = pinned
    wrong: dict[tuple, tuple] = {}
    leaks: dict[tuple, list] = {}
    changed: list[tuple] = []
    seen: dict[str, dict[str, str]] = {role: {} for role in ROLES}     # role → path → status
    links: dict[str, dict[str, str]] = {role: {} for role in ROLES}    # role → href → page it is on
    unlabelled: dict[str, list] = {}                                    # page → its fields nothing names
    cells = 0
    for role, user in _users(worlds).items():
        session = Session(client, user)
        column = ROLES.index(role)
        for name, row in ROWS.items():
            sides = ["own"] if row.obj is None or row.obj in GLOBAL else ["own", "other"]
            for side in sides:
                if side == "other" and row.method == "POST" and role not in ("anon", "admin"):
                    continue
                expected = (row.own if side == "own" else expected_other(row)).split()[column]
                refused = row.method == "POST" and expected in ("403", "404")
                url = reverse(name, args=_args(worlds, row, side))
                status, response, after = session.request(row.method, url, _body(worlds, row, side),
                                                          inside=fingerprint if refused else None)
                cells += 1
                if status != expected:
                    wrong[(name, role, side)] = (status, expected)
                if refused and after is not None and after != session.before:
                    changed.append((name, role, side))
                if row.method == "GET":
                    seen[role][url] = status
                if role not in ("anon", "admin") and _leaks(response):
                    leaks[(name, role, side)] = _leaks(response)
                if side == "own" and row.method == "GET" and status == "200" and response is not None \
                        and response.get("Content-Type", "").startswith("text/html"):
                    for href in re.findall(r'href="(/[^"#?]*)', response.content.decode()):
                        links[role].setdefault(href, url)
                    if _unlabelled(response):
                        unlabelled[name] = _unlabelled(response)
    broken = {}
    for role, user in _users(worlds).items():
        session = Session(client, user)
        for href, page in links[role].items():
            if href.startswith(("/static/", "/quan-tri-django/", "/dang-xuat/")):
                continue
            if href not in seen[role]:
                seen[role][href], response, _ = session.request("GET", href)
                if role not in ("anon", "admin") and _leaks(response):
                    leaks[(href, role, "link")] = _leaks(response)
            if seen[role][href].startswith(("404", "500")):
                broken[(role, href)] = (page, seen[role][href])
    print(f"{cells} cells")
    _report({
        "wrong (url, role, tree): (got, expected)": [f"{k}: {v}" for k, v in sorted(wrong.items())],
        "refused, yet the data changed (url, role, tree)": [str(k) for k in changed],
        "pages naming Sở B's objects": [f"{k}: {v}" for k, v in sorted(leaks.items())],
        "links to a 404 (role, href): (page, status)": [f"{k}: {v}" for k, v in sorted(broken.items())],
        "form fields without a label (page: fields)": [f"{k}: {v}" for k, v in sorted(unlabelled.items())],
    })


def _generic_body(worlds: dict, side: str) -> dict:
    """What a form could carry to change the other tree if a view forgot to refuse: a state to
    move to, a reason, files, numbers and dates."""
    pk = worlds[side]["pk"]
    return {
        "to": "under_review", "target": "submitted", "decision": "accept", "outcome": "approved", "active": "0",
        "role": "unit_head", "organisation": pk["unit"], "result": pk["result"], "reason": "Thử", "comments": "Thử",
        "title": "Thử", "kind": "submission", "file": _pdf("tep.pdf"), "minutes": _pdf("bien-ban.pdf"),
        "until": "20/12/2026", "number": "5", "notation": "QĐ-TD", "issue_date": "01/11/2026",
        "signer_title": "Giám đốc", "signer_name": "Nguyễn Văn Ký", "reference": "1/QĐ-UBND", "issuer_name": "UBND",
        "decided_on": "01/11/2026", "held_on": "01/12/2026", "place": "Hội trường", "yes": "3", "no": "0",
        "abstain": "0",
    }


def test_posts_to_the_other_trees_objects_are_refused_and_change_nothing(client, pinned):
    """Every URL that takes an object, POSTed by each non-admin role of Sở A to Sở B's object with a
    body that would change something: 403 or 404 (a POST-only URL: the table's code), and Sở B's
    data — every row of every table — as it was."""
    worlds = pinned
    wrong: dict[tuple, tuple] = {}
    changed: list[tuple] = []
    cells = 0
    for role, user in _users(worlds).items():
        if role in ("anon", "admin"):
            continue
        session = Session(client, user)
        column = ROLES.index(role)
        for name, row in ROWS.items():
            if row.obj is None or row.obj in GLOBAL:
                continue
            expected = expected_other(row).split()[column] if row.method == "POST" else "403/404"
            url = reverse(name, args=_args(worlds, row, "other"))
            body = {**_generic_body(worlds, "other"), **_body(worlds, row, "other")}
            status, _response, after = session.request("POST", url, body, inside=fingerprint)
            cells += 1
            if status not in expected.split("/"):
                wrong[(name, role)] = (status, expected)
            if after is not None and after != session.before:
                changed.append((name, role))
    print(f"{cells} cells")
    _report({
        "wrong (url, role): (got, expected)": [f"{k}: {v}" for k, v in sorted(wrong.items())],
        "the other tree changed (url, role)": [str(k) for k in changed],
    })


def test_attachments_go_only_to_the_units_own_report(client, pinned):
    """Another unit of the same issuer (the health centre's staff) does not see the hospital's
    report; the secretariat sees it but does not add to it."""
    from indicators.models import SubmissionAttachment

    worlds = pinned
    url = reverse("indicators:report-attachment", args=worlds["own"]["args"]["report"])
    count = SubmissionAttachment.objects.count
    before = count()
    for who, expected in (("outsider", "404"), ("other_staff", "404"), ("secretariat", "403")):
        status, _response, after = Session(client, worlds["cast"][who]).request(
            "POST", url, {"file": _pdf("x.pdf")}, inside=count)
        assert (status, after) == (expected, before), who


def _report(found: dict[str, list]) -> None:
    for key, lines in found.items():
        print(key, *lines, sep="\n  ")
    assert found == {key: [] for key in found}
