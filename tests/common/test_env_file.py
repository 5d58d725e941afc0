"""The .env reader: .env.example copied as it is must give the values, not the comments."""

import os

from django.conf import settings

from config.env import load_dotenv


def test_env_example_copied_as_is_reads_values_not_comments(tmp_path, monkeypatch):
    example = (settings.BASE_DIR / ".env.example").read_text(encoding="utf-8")
    path = tmp_path / ".env"
    path.write_text(example + '\nQUOTED="a # b"\n', encoding="utf-8")
    for key in ("DJANGO_DEBUG", "DJANGO_CSRF_TRUSTED_ORIGINS", "DATABASE_URL", "QUOTED"):
        monkeypatch.delenv(key, raising=False)
    load_dotenv(path)
    assert os.environ["DJANGO_DEBUG"] == "false"
    assert os.environ["DJANGO_CSRF_TRUSTED_ORIGINS"] == ""
    assert os.environ["DATABASE_URL"] == ""
    assert os.environ["QUOTED"] == "a # b"
