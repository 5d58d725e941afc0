"""With CACHE_URL, every app server counts login failures in one Redis: a password guessed on one
server is paused on all of them."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.cache.backends.redis import RedisCache
from django.urls import reverse

from tests.factories import PASSWORD
from units.forms import LoginForm

REDIS = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
pytestmark = pytest.mark.django_db


def test_cache_url_selects_the_redis_cache_and_cached_sessions():
    code = ("import django; from django.conf import settings; django.setup(); "
            "print(settings.CACHES['default']['BACKEND'], settings.SESSION_ENGINE)")
    env = {**os.environ, "CACHE_URL": REDIS, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True,
                         cwd=settings.BASE_DIR).stdout.split()
    assert out == ["django.core.cache.backends.redis.RedisCache", "django.contrib.sessions.backends.cached_db"]


def test_login_failures_on_one_server_pause_the_account_on_another(client, cast, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS,
                                   "KEY_PREFIX": "thidua-test"}}
    from django.core.cache import cache

    cache.clear()
    for _ in range(5):
        client.post(reverse("login"), {"username": "tt.a", "password": "sai-mat-khau"})
    # Another app server: its own connection to the same Redis.
    other_server = RedisCache(REDIS, {"KEY_PREFIX": "thidua-test"})
    assert other_server.get(LoginForm(data={"username": "tt.a"})._key()) == 5
    response = client.post(reverse("login"), {"username": "tt.a", "password": PASSWORD})
    assert "Đăng nhập sai quá nhiều lần" in response.content.decode()
    cache.clear()
