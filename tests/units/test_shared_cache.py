"""With CACHE_URL, every app server reads sessions through one Redis (login failures are counted in
the database: tests/units/test_login_limits.py)."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

REDIS = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
pytestmark = pytest.mark.django_db


def test_cache_url_selects_the_redis_cache_and_cached_sessions():
    code = ("import django; from django.conf import settings; django.setup(); "
            "print(settings.CACHES['default']['BACKEND'], settings.SESSION_ENGINE)")
    env = {**os.environ, "CACHE_URL": REDIS, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True,
                         cwd=settings.BASE_DIR).stdout.split()
    assert out == ["django.core.cache.backends.redis.RedisCache", "django.contrib.sessions.backends.cached_db"]
