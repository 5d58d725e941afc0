"""Small helpers the apps' views share."""

from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.db import connection
from django.http import HttpRequest, HttpResponse

from common.forms import parse_id

PAGE_SIZE = 25


def paginate(request: HttpRequest, queryset, per_page: int = PAGE_SIZE):
    """A page of results; a bad page number gives the nearest valid page, never an error. The
    number is read as an id is (ASCII digits): the Paginator's int() would take "٣" for 3."""
    return Paginator(queryset, per_page).get_page(parse_id(request.GET.get("page")))


@login_not_required
def healthz(request: HttpRequest) -> HttpResponse:
    """For the proxy and the monitor: the application answers and its database does (one query)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return HttpResponse("ok", content_type="text/plain")


def paginate_ids(request: HttpRequest, ids, queryset, per_page: int = PAGE_SIZE):
    """A page of `ids` (a sequence in display order), only its rows read in full from `queryset`:
    with a wide select_related (a nomination with its person, units, proposal and campaign)
    PostgreSQL otherwise joins and sorts every matching row at full width to keep fifty. The
    queryset still filters: an id it no longer holds (deleted, moved out of sight since `ids`
    was made) is left out of the page, never shown."""
    page = paginate(request, ids, per_page)
    wanted = list(page.object_list)
    rows = {row.pk: row for row in queryset.order_by().filter(pk__in=wanted)}
    page.object_list = [rows[pk] for pk in wanted if pk in rows]
    return page
