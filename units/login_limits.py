"""Limits on password guessing, applied to every authentication (our login page, the Django admin's,
anything that calls django.contrib.auth.authenticate) by units.backends.AccountBackend.

Two counters, both rows of LoginCounter so that every worker and every app server shares them:

- per account: LOGIN_MAX_FAILURES wrong passwords pause the account for LOGIN_PAUSE_SECONDS. The
  key is the account the name resolves to (so "ＴＴ.Ａ", "tt.a" and "TT.A" are one count), or the
  normalised name when no account has it (a guesser learns nothing from a different answer).
- per client address: past LOGIN_ADDRESS_FREE_FAILURES failures in LOGIN_ADDRESS_WINDOW_SECONDS,
  attempts from that address are spaced LOGIN_ADDRESS_SPACING_SECONDS apart. It only slows down,
  never locks out: a whole office shares one address behind its proxy.

An attempt is counted as a failure *before* the password is checked, under a row lock, and taken
back when the password is right. Counting after the check lets simultaneous tries all pass the
limit (40 parallel wrong passwords were checked 32 times against a limit of 5); reserving first
makes the limit exact whatever the concurrency.

django-axes was considered: it checks the lock before authenticating and records the failure
afterwards (the race above), locks addresses out rather than slowing them, and would add a second
user-lookup path beside ours. The whole rule fits in this module.
"""

from __future__ import annotations

import hashlib
import ipaddress
import math
import random
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from units.models import LoginCounter


@dataclass(frozen=True)
class Refusal:
    """Why an attempt was not even checked, and how long to wait."""

    reason: str  # "account" or "address"
    seconds: int

    @property
    def minutes(self) -> int:
        return max(1, math.ceil(self.seconds / 60))


def normalise_username(username: str) -> str:
    """The name as authentication matches it: NFKC (as Django's UsernameField), trimmed."""
    return unicodedata.normalize("NFKC", username or "").strip()


def account_key(user_id: int | None, username: str) -> str:
    if user_id is not None:
        return f"user:{user_id}"
    # Hashed: the column is short and the name may be anything that was typed.
    digest = hashlib.sha256(normalise_username(username).casefold().encode("utf-8", "replace")).hexdigest()
    return "name:" + digest[:64]


def client_address(request) -> str | None:
    """The client's address: from the proxy header settings.CLIENT_IP_HEADER names as trusted (the
    entry our proxy appended, i.e. the last of X-Forwarded-For), else the socket's peer."""
    if request is None:
        return None
    meta = request.META
    header = getattr(settings, "CLIENT_IP_HEADER", "")
    candidate = ""
    if header:
        raw = meta.get("HTTP_" + header.upper().replace("-", "_"), "")
        candidate = raw.split(",")[-1].strip() if raw else ""
    for value in (candidate, meta.get("REMOTE_ADDR", "")):
        try:
            return str(ipaddress.ip_address(value))
        except ValueError:
            continue
    return None


def _now() -> datetime:
    # Real time, not common.clock: a demo's pinned day must not freeze or jump the pauses.
    return timezone.now()


def _counter(key: str, now: datetime) -> LoginCounter:
    row, _created = LoginCounter.objects.select_for_update().get_or_create(
        key=key, defaults={"window_started": now})
    return row


def begin(*, user_id: int | None, username: str, address: str | None) -> Refusal | None:
    """Reserve one attempt. Returns a Refusal when the password must not be checked at all."""
    now = _now()
    if random.random() < 0.01:
        purge()
    if address is not None:
        refusal = _reserve_address(address, now)
        if refusal is not None:
            return refusal
    return _reserve_account(account_key(user_id, username), now)


def _reserve_address(address: str, now: datetime) -> Refusal | None:
    window = timedelta(seconds=settings.LOGIN_ADDRESS_WINDOW_SECONDS)
    spacing = timedelta(seconds=settings.LOGIN_ADDRESS_SPACING_SECONDS)
    with transaction.atomic():
        row = _counter("addr:" + address, now)
        if now - row.window_started >= window:
            row.failures, row.window_started = 0, now
        if row.failures >= settings.LOGIN_ADDRESS_FREE_FAILURES and row.last_attempt is not None:
            wait = row.last_attempt + spacing - now
            if wait > timedelta(0):
                return Refusal("address", math.ceil(wait.total_seconds()))
        row.failures += 1
        row.last_attempt = now
        row.save(update_fields=["failures", "window_started", "last_attempt"])
    return None


def _reserve_account(key: str, now: datetime) -> Refusal | None:
    pause = timedelta(seconds=settings.LOGIN_PAUSE_SECONDS)
    with transaction.atomic():
        row = _counter(key, now)
        if row.locked_until is not None and row.locked_until > now:
            return Refusal("account", math.ceil((row.locked_until - now).total_seconds()))
        if row.locked_until is not None or now - row.window_started >= pause:
            # A pause served, or failures long ago: the count starts again.
            row.failures, row.window_started, row.locked_until = 0, now, None
        row.failures += 1
        row.last_attempt = now
        if row.failures >= settings.LOGIN_MAX_FAILURES:
            # Set now, taken back if this attempt's password is right: the next attempt may be
            # checked only after this one has finished.
            row.locked_until = now + pause
        row.save(update_fields=["failures", "window_started", "last_attempt", "locked_until"])
    return None


def succeeded(*, user_id: int, username: str, address: str | None) -> None:
    """The password was right: the account's count starts again; the address keeps its other
    failures (a right password for one account says nothing of the guesses at others)."""
    LoginCounter.objects.filter(key=account_key(user_id, username)).delete()
    if address is not None:
        from django.db.models import F

        LoginCounter.objects.filter(key="addr:" + address, failures__gt=0).update(failures=F("failures") - 1)


def paused_until(*, user_id: int) -> datetime | None:
    """When the account's login pause ends, if it is paused now (shown to whoever may reset it)."""
    until = LoginCounter.objects.filter(key=account_key(user_id, ""), locked_until__gt=_now()).values_list(
        "locked_until", flat=True).first()
    return until


def lift_pause(*, user_id: int) -> None:
    LoginCounter.objects.filter(key=account_key(user_id, "")).delete()


def purge(older_than: timedelta = timedelta(days=1)) -> int:
    """Counters nobody has touched for a day hold nothing that still applies."""
    cutoff = _now() - older_than
    deleted, _ = LoginCounter.objects.filter(last_attempt__lt=cutoff).delete()
    return deleted
