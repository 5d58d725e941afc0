"""Every audit row goes through common.audit.record, and every service that writes records one.

The memos of common/memo.py version what they cache by the newest audit row: a service that
changed data without a row through record() would leave stale figures on every app server.
Read from the source with ast, so a new service is held to it without a test of its own."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SERVICE_MODULES = sorted([*ROOT.glob("*/services.py"), *ROOT.glob("*/services/*.py")])

EVENT_MODELS = {"AuditEvent", "UnitEvent", "CampaignEvent", "SubmissionEvent", "NominationEvent", "AwardEvent",
                "ReportEvent"}
WRITE_METHODS = {"save", "create", "update", "delete", "bulk_create", "bulk_update", "get_or_create",
                 "update_or_create"}

# Public services that write without an audit row of their own, each with why.
EXEMPT = {
    # A Reminder row is itself the log of who reminded whom; it changes no figure a memo keeps.
    "indicators.services:remind",
}


def _called_name(call: ast.Call) -> str | None:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _is_write(call: ast.Call) -> bool:
    func = call.func
    if not isinstance(func, ast.Attribute):
        return False
    if func.attr in WRITE_METHODS:
        # dict.update / set.update on a local name are not writes; a queryset's update is
        # reached through a call or an attribute (X.objects.filter(...).update()).
        return not (func.attr == "update" and isinstance(func.value, ast.Name))
    return func.attr == "store" and isinstance(func.value, ast.Name) and func.value.id == "files"


RECORD = ("common.audit", "record")


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _calls(node: ast.AST) -> list[ast.Call]:
    return [n for n in ast.walk(node) if isinstance(n, ast.Call)]


class Services:
    """The service modules' top-level functions, and what each call in them resolves to, so a
    helper called `_record` in one app is not taken for another app's."""

    def __init__(self, sources: dict[str, str]):
        self.functions: dict[tuple[str, str], ast.FunctionDef] = {}
        self.imports: dict[str, dict[str, tuple[str, str]]] = {}
        for module, source in sources.items():
            tree = ast.parse(source, module)
            self.imports[module] = {}
            for node in ast.walk(tree):
                if isinstance(node, ast.ImportFrom) and node.module:
                    for alias in node.names:
                        self.imports[module][alias.asname or alias.name] = (node.module, alias.name)
            for node in tree.body:
                if isinstance(node, ast.FunctionDef):
                    self.functions[(module, node.name)] = node

    def resolve(self, module: str, call: ast.Call) -> tuple[str, str] | None:
        func = call.func
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
            target = self.imports[module].get(func.value.id)
            return (f"{target[0]}.{target[1]}", func.attr) if target else None
        if isinstance(func, ast.Name):
            return self._name(module, func.id, depth=0)
        return None

    def _name(self, module: str, name: str, depth: int) -> tuple[str, str] | None:
        if (module, name) in self.functions or depth > 5:
            return module, name
        target = self.imports.get(module, {}).get(name)
        if target is None:
            return None
        # Followed through a package's __init__ re-export to where the function is defined.
        return self._name(target[0], target[1], depth + 1) if target[0] in self.imports else target

    def closure(self, seed: set[tuple[str, str]]) -> set[tuple[str, str]]:
        """`seed` and every function that calls one of its members, directly or not."""
        found = set(seed)
        grown = True
        while grown:
            grown = False
            for key, fn in self.functions.items():
                if key not in found and any(self.resolve(key[0], c) in found for c in _calls(fn)):
                    found.add(key)
                    grown = True
        return found

    def recorders(self) -> set[tuple[str, str]]:
        return self.closure({RECORD})

    def writers(self) -> set[tuple[str, str]]:
        return self.closure({key for key, fn in self.functions.items() if any(_is_write(c) for c in _calls(fn))})


def _services() -> Services:
    return Services({_module_name(path): path.read_text() for path in SERVICE_MODULES})


def test_there_are_service_modules_to_walk():
    names = {str(p.relative_to(ROOT)) for p in SERVICE_MODULES}
    assert {"units/services.py", "campaigns/services.py", "indicators/services.py", "reports/services/summary.py",
            "reports/services/editions.py",
            "awards/services/_common.py"} <= names


def test_no_audit_row_is_written_outside_record():
    found = []
    for path in SERVICE_MODULES:
        for call in _calls(ast.parse(path.read_text())):
            func = call.func
            # Model.objects.create(...) / bulk_create / get_or_create on an event model
            if (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Attribute)
                    and isinstance(func.value.value, ast.Name) and func.value.value.id in EVENT_MODELS):
                found.append(f"{path.relative_to(ROOT)}:{call.lineno} {func.value.value.id}.objects.{func.attr}")
            # Event(...) built by hand and saved
            if isinstance(func, ast.Name) and func.id in EVENT_MODELS:
                found.append(f"{path.relative_to(ROOT)}:{call.lineno} {func.id}(...)")
    assert found == []


def test_every_public_service_that_writes_records_an_event():
    services = _services()
    recorders = services.recorders()
    missing = sorted(f"{module}:{name}" for module, name in services.writers() - recorders
                     if not name.startswith("_") and f"{module}:{name}" not in EXEMPT)
    assert missing == []


def test_the_walk_notices_a_writer_without_a_record():
    services = Services({
        "a.services": "from common import audit\n"
                      "def _record(): audit.record()\n"
                      "def good(x):\n    x.save()\n    _record()\n"
                      "def bad(x):\n    x.save()\n"
                      "def _helper(x):\n    x.delete()\n"
                      "def indirect(x):\n    _helper(x)\n",
        # Its own _record writes no row: the name alone does not count.
        "b.services": "def _record(): pass\n"
                      "def other(x):\n    x.save()\n    _record()\n",
        "c.services": "from a.services import _record\n"
                      "def imported(x):\n    x.save()\n    _record()\n",
    })
    names = sorted(name for _module, name in services.writers() - services.recorders())
    assert names == ["_helper", "bad", "indirect", "other"]
