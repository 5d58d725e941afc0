"""The development tooling (devtools/) stays out of production: no product module imports it, and
the settings install it only with DEBUG on or DJANGO_DEVTOOLS=true."""

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRODUCT_APPS = ["common", "units", "campaigns", "indicators", "awards", "reports", "config"]
# The URL hook imports the bare bench page only under BENCH_BARE_PAGE, and only with devtools installed.
GUARDED = {Path("config/urls.py")}


def _imported_modules(tree: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute | ast.Name)
              and getattr(node.func, "attr", getattr(node.func, "id", "")) == "import_module"
              and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            names.add(node.args[0].value)
    return names


def _devtools_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return {name for name in _imported_modules(tree) if name == "devtools" or name.startswith("devtools.")}


def test_the_scan_sees_a_devtools_import():
    """The check below would catch one (guards against a scan that can never fail)."""
    tree = ast.parse("import devtools.history\nfrom devtools.demo import units\nfrom os import path\n"
                     "def f():\n    from devtools import history\n")
    assert _imported_modules(tree) >= {"devtools.history", "devtools.demo", "devtools"}
    assert _devtools_imports(ROOT / "config/urls.py") == {"devtools.bench_views"}


def test_no_product_module_imports_devtools():
    files = [path for app in PRODUCT_APPS for path in sorted((ROOT / app).rglob("*.py"))]
    assert len(files) > 100
    offenders = {str(path.relative_to(ROOT)): sorted(found) for path in files
                 if path.relative_to(ROOT) not in GUARDED and (found := _devtools_imports(path))}
    assert offenders == {}


def _installed_apps(**env: str) -> list[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "BENCH_"))}
    clean.update({"DJANGO_SETTINGS_MODULE": "config.settings.base", "DJANGO_SECRET_KEY": "boundary-test",
                  "DATABASE_URL": "", **env})
    code = "from django.conf import settings; print(' '.join(settings.INSTALLED_APPS), settings.DEVTOOLS)"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True,
                          timeout=60, check=True)
    return done.stdout.split()


@pytest.mark.parametrize(("env", "installed"), [
    ({}, False),                                                    # DEBUG off by default: production
    ({"DJANGO_DEBUG": "false"}, False),
    ({"DJANGO_DEBUG": "false", "DJANGO_DEVTOOLS": ""}, False),
    ({"DJANGO_DEBUG": "true"}, True),                               # make run's .env
    ({"DJANGO_DEBUG": "true", "DJANGO_DEVTOOLS": "false"}, False),
    ({"DJANGO_DEBUG": "false", "DJANGO_DEVTOOLS": "true"}, True),   # the server manage.py bench starts
])
def test_the_settings_install_devtools_only_when_wanted(env, installed):
    words = _installed_apps(**env)
    assert ("devtools" in words[:-1]) is installed
    assert words[-1] == str(installed)


def test_the_test_settings_always_install_it(settings):
    assert "devtools" in settings.INSTALLED_APPS
