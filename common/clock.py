"""The one clock. Rules take "today" as an argument; views and services ask here.

settings.APP_TODAY pins the date (tests, demos, browser tests against live_server).
"""

from datetime import date, datetime, time

from django.conf import settings
from django.utils import timezone


def today() -> date:
    return settings.APP_TODAY or timezone.localdate()


def now() -> datetime:
    """Aware current time; on a pinned day, that day at the current wall-clock time."""
    current = timezone.now()
    if settings.APP_TODAY is None:
        return current
    local = timezone.localtime(current)
    return timezone.make_aware(datetime.combine(settings.APP_TODAY, local.time().replace(tzinfo=None)))


def start_of_day(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))
