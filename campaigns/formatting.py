"""How quotas read in the plans ("05 tập thể và 10 cá nhân"). Pure: numbers in, text out."""

from common.text import two_digits


def quota_text(collective: int | None, individual: int | None, note: str = "") -> str:
    """None is "no quota" (not printed); 0 collectives with some individuals prints only the
    individuals, as seed 002's item 2.6 does ("10 cá nhân")."""
    parts = []
    if collective:
        parts.append(f"{two_digits(collective)} tập thể")
    if individual:
        parts.append(f"{two_digits(individual)} cá nhân")
    if parts:
        return " và ".join(parts)
    if collective == 0 and individual == 0:
        return "Không xét khen thưởng"
    return note


def per_programme_text(children_quotas: list[tuple[int | None, int | None]]) -> str:
    """Item 2.1: one quota for each national programme when they are all alike."""
    distinct = set(children_quotas)
    if len(distinct) == 1:
        collective, individual = distinct.pop()
        base = quota_text(collective, individual)
        if base:
            return f"{base} cho mỗi chương trình mục tiêu quốc gia"
    return "Theo từng chương trình" if children_quotas else ""
