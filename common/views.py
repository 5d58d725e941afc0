"""Small helpers the apps' views share."""

from django.core.paginator import Paginator
from django.http import HttpRequest

PAGE_SIZE = 25


def paginate(request: HttpRequest, queryset, per_page: int = PAGE_SIZE):
    """A page of results; a bad page number gives the nearest valid page, never an error."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))
