"""axe-core over every page type that four roles reach, taken from the permission matrix's table
(its GET rows where the role gets a 200 on its own tree's objects): no serious or critical violation
and no heading-order slip (issue 19, point 9). And the focus ring: axe has no rule for it, so the
ring's colour is measured against what lies behind it (WCAG 1.4.11: at least 3:1) while Tab moves
through a page.

Kept to well under a minute: one browser, one context per role (signed in by its session cookie,
not the login form), axe-core loaded into every page by an init script, and each URL pattern swept
once, as the role whose page offers the most controls (counted on the server's HTML first, which
costs a few milliseconds a page; a browser visit with axe costs half a second)."""

import re
import time
from datetime import date
from pathlib import Path
from unittest import mock

import axe_playwright_python
import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse

from tests.test_permission_matrix import GLOBAL, ROLES, ROWS, _stub_pdf, build_globals, build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TODAY = date(2026, 11, 10)
SWEPT_ROLES = ("secretariat", "leader", "head", "admin")
AXE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()
AXE_RUN = """() => axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations
  .filter(v => v.impact === "serious" || v.impact === "critical" || v.id === "heading-order")
  .map(v => [v.id, v.nodes.slice(0, 3).map(n => n.target.join(" ") + ": "
                                              + (n.failureSummary || "").split("\\n").slice(1, 2).join(""))]))"""
CONTROL = re.compile(r"<(?:input|button|select|textarea|form)\b")


def _is_page(name: str) -> bool:
    """Rows that answer with a file (PDF, Excel, an upload) are not pages."""
    return name not in ("healthz", "units:export") and not name.endswith(
        ("-pdf", "-xlsx", "-excel", "-file", "-template", "file-download"))


def pages_of(role: str, world: dict) -> dict[str, str]:
    """URL name → URL: the GET rows where the table gives `role` a 200 on its own tree."""
    column = ROLES.index(role)
    pages = {}
    for name, row in ROWS.items():
        if row.method == "GET" and _is_page(name) and row.own.split()[column] == "200":
            args = () if row.obj is None else world["global"][row.obj] if row.obj in GLOBAL \
                else world["own"]["args"][row.obj]
            pages[name] = reverse(name, args=args)
    return pages


def sweep_plan(world: dict) -> dict[str, dict[str, str]]:
    """Role → {URL name: URL}: each URL pattern once, given to the role whose page has the most
    controls (the secretariat's plan with its edit buttons, the unit's report with its inputs)."""
    best: dict[str, tuple[int, str, str]] = {}
    for role in SWEPT_ROLES:
        client = Client()
        client.force_login(world["cast"][role])
        for name, url in pages_of(role, world).items():
            response = client.get(url)
            if response.status_code != 200 or not response["Content-Type"].startswith("text/html") \
                    or response.streaming or response.has_header("Content-Disposition"):
                continue
            controls = len(CONTROL.findall(response.content.decode()))
            if name not in best or controls > best[name][0]:
                best[name] = (controls, role, url)
    plan: dict[str, dict[str, str]] = {role: {} for role in SWEPT_ROLES}
    for name, (_controls, role, url) in best.items():
        plan[role][name] = url
    return plan


@pytest.fixture
def world(settings):
    """The permission matrix's world of Sở A (campaign, reports, proposals, council, decisions…)."""
    from tests.factories import make_cast, make_tree

    settings.APP_TODAY = TODAY
    # Services that lock rows expect a transaction, as a request has one.
    with mock.patch("reports.pdf.render_pdf", _stub_pdf), transaction.atomic():
        tree = make_tree()
        cast = make_cast(tree)
        orgs = {"root": tree["A"], "office": tree["A.TCHC"], "unit": tree["A.BV"], "centre": tree["A.TT"]}
        own = build_world(orgs, key="a", tag="", requester=cast["secretariat"])
        return {"cast": cast, "own": own, "global": build_globals()}


def signed_in(browser, base: str, user):
    client = Client()
    client.force_login(user)
    context = browser.new_context(base_url=base)
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base}])
    context.add_init_script(script=AXE)
    return context


def test_no_serious_critical_or_heading_order_violation_on_any_page_a_role_reaches(live_server, browser, world):
    started = time.monotonic()
    plan = sweep_plan(world)
    assert len(plan["head"]) > 5 and len(plan["admin"]) > 5   # the unit's and the administrator's own pages
    found, visited = {}, 0
    for role, pages in plan.items():
        context = signed_in(browser, live_server.url, world["cast"][role])
        page = context.new_page()
        for name, url in pages.items():
            response = page.goto(url, wait_until="domcontentloaded")
            assert response.status == 200, (role, url)
            visited += 1
            for rule, nodes in page.evaluate(AXE_RUN):
                found.setdefault((rule, name), (role, nodes))
        context.close()
    print(f"{visited} pages in {time.monotonic() - started:.1f} s")
    assert found == {}, "\n".join(f"{k}: {v}" for k, v in sorted(found.items()))


# The focused element's ring and what lies behind it, as the browser paints them: the outline (behind
# it the parent's background, or the element's own when the outline is drawn inside it), else the
# widest box-shadow with a spread (Bootstrap's glow), its colour laid over the background when
# translucent; the WCAG contrast ratio of the two. No ring at all: 1.
RING = """el => {
  const parse = c => { const m = /rgba?\\(([^)]*)\\)/.exec(c || "");
    if (!m) return null;
    const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  const over = (top, below) => [0, 1, 2].map(i => top[i] * top[3] + below[i] * (1 - top[3])).concat([1]);
  const backdrop = start => {
    const layers = [];
    for (let n = start; n; n = n.parentElement) {
      const c = parse(getComputedStyle(n).backgroundColor);
      if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    return layers.reverse().reduce((below, top) => over(top, below), [255, 255, 255, 1]);
  };
  const lum = c => { const [r, g, b] = c.slice(0, 3).map(v => { v /= 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const contrast = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const s = getComputedStyle(el);
  const rings = [];
  if (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 1)
    rings.push([s.outlineColor, backdrop(parseFloat(s.outlineOffset) < 0 ? el : el.parentElement)]);
  const shadow = /(rgba?\\([^)]*\\))\\s+(-?[\\d.]+)px\\s+(-?[\\d.]+)px\\s+(-?[\\d.]+)px\\s+(-?[\\d.]+)px(\\s+inset)?/g;
  for (const m of s.boxShadow.matchAll(shadow))
    if (!m[6] && parseFloat(m[5]) >= 1) rings.push([m[1], backdrop(el.parentElement)]);
  const ratio = Math.max(1, ...rings.map(([colour, behind]) => contrast(over(parse(colour), behind), behind)));
  const name = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + " "
    + (el.textContent || el.name || "").trim().slice(0, 40);
  return {ratio: Math.round(ratio * 100) / 100, name, onTopBar: !!el.closest(".app-navbar")};
}"""


def rings_along_the_tab_order(page, limit: int = 80) -> list[dict]:
    seen, rings = set(), []
    for _ in range(limit):
        page.keyboard.press("Tab")
        key = page.evaluate("document.activeElement === document.body ? null : "
                            "document.activeElement.outerHTML.slice(0, 200) + document.activeElement.id")
        if key is None or key in seen:
            break
        seen.add(key)
        rings.append(page.evaluate(f"({RING})(document.activeElement)"))
    return rings


def test_the_focus_ring_contrasts_three_to_one_with_what_is_behind_it(live_server, browser, world):
    """The top bar (links, menus, the search box), the plan page (tabs, edit links, buttons), the
    unit's results grid (inputs) and a form: every element Tab reaches shows a ring of 3:1 or more."""
    urls = {
        "secretariat": [reverse("home"), reverse("campaigns:campaign-detail", args=world["own"]["args"]["campaign"]),
                        reverse("campaigns:campaign-update", args=world["own"]["args"]["campaign"])],
        "head": [reverse("indicators:report", args=world["own"]["args"]["report"])],
    }
    faint, on_top_bar, checked = [], 0, 0
    for role, paths in urls.items():
        context = signed_in(browser, live_server.url, world["cast"][role])
        page = context.new_page()
        for path in paths:
            page.goto(path)
            for ring in rings_along_the_tab_order(page):
                checked += 1
                on_top_bar += ring["onTopBar"]
                if ring["ratio"] < 3:
                    faint.append((path, ring["name"], ring["ratio"]))
        context.close()
    assert on_top_bar >= 8 and checked >= 60, (on_top_bar, checked)
    assert faint == []
