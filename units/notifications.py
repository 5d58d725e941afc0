"""E-mail to a unit's people about its own work (a report or a nomination returned, a decision):
its staff and head with an address, after the transaction commits, with a link to the page when
settings.SITE_URL is set (services run without a request). User text goes in the plain-text body
as data; the subject is cut to one line."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction

from units.models import Membership, Organisation


def email_unit(organisation: Organisation, subject: str, body: str, path: str = "") -> list[str]:
    """The addresses written to (none when nobody in the unit has one)."""
    if path and settings.SITE_URL:
        body += f"\nXem tại: {settings.SITE_URL.rstrip('/')}{path}\n"
    emails = sorted(set(Membership.objects.filter(
        organisation=organisation, role__in=[Membership.Role.UNIT_STAFF, Membership.Role.UNIT_HEAD],
        user__is_active=True).exclude(user__email="").values_list("user__email", flat=True)))
    # One line: a title with a line break would be refused by the mail library (header injection).
    subject = " ".join(subject.split())[:200]
    if emails:
        transaction.on_commit(lambda: send_mail(subject, body, None, emails, fail_silently=True))
    return emails
