"""`make run` without DATABASE_URL uses SQLite: it must migrate and load the demo data, with
names in Vietnamese order there too (the Python collation of common.db.sqlite_vi)."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from common.text import vi_collate, vi_sort_key

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_sqlite_default_migrates_and_loads_the_demo(tmp_path):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.base", "DATABASE_URL": "",
           "SQLITE_PATH": str(tmp_path / "demo.sqlite3"), "DJANGO_SECRET_KEY": "sqlite-smoke", "DJANGO_DEBUG": "true"}
    for command in (["migrate", "--no-input"], ["load_demo", "--today", "2026-11-23"], ["load_demo"]):
        result = subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, capture_output=True,
                                text=True, timeout=300)
        assert result.returncode == 0, result.stderr[-2000:]
    with sqlite3.connect(tmp_path / "demo.sqlite3") as db:
        # The column is declared COLLATE "vi-x-icu": register it as the engine does on every connection.
        db.create_collation("vi-x-icu", vi_collate)
        # The five seeds, the live campaign, the province's plan (the electronic dossier's receiver).
        assert db.execute("select count(*) from campaigns_campaign").fetchone()[0] == 7
        assert db.execute("select count(*) from units_user").fetchone()[0] == 14   # with ubnd.tdkt
        root = db.execute("select id from units_organisation where name = 'Sở Y tế Thái Nguyên'").fetchone()[0]
        names = [row[0] for row in db.execute(
            "select name from units_organisation where root_id = ? order by name", (root,))]
    assert names == sorted(names, key=vi_sort_key)
    assert names.index("Trạm Y tế xã Điềm Thụy") < names.index("Trạm Y tế xã Đức Lương") < names.index(
        "Trạm Y tế xã Kha Sơn")


def test_a_sqlite_database_url_gets_the_vietnamese_engine(tmp_path):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.base",
           "DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}", "DJANGO_SECRET_KEY": "sqlite-url"}
    code = ("import django; django.setup(); from django.conf import settings; "
            "print(settings.DATABASES['default']['ENGINE'])")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "common.db.sqlite_vi", result.stderr[-2000:]
