"""What the browser tests share: the demo loaded as of a pinned day (restored from the process's
snapshot after the first load, tests/demo_snapshot.py), and logging in as a demo user through the
login form."""

from datetime import date

from tests import demo_snapshot

DEMO_TODAY = date(2026, 11, 23)


def load_demo(settings, today: date = DEMO_TODAY) -> None:
    settings.APP_TODAY = today
    demo_snapshot.load(today)


def login(page, base: str, username: str) -> None:
    page.goto(f"{base}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill("demo12345")
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_role("heading", name="Xin chào").wait_for()
