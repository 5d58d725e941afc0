"""Audit rows are append-only and chained: each is sealed into its table's chain once its
transaction has committed, `manage.py verify_audit` finds a row changed or removed behind the
application's back, PostgreSQL refuses DELETE and every UPDATE but the seal, and what the rows
describe (or who acted) can go without taking the rows along."""

import io
import threading
import time

import pytest
from django.contrib import admin
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, models, transaction

from common import audit
from common.audit_migrations import fill_chain, number_chained
from tests.factories import make_campaign
from units.access import SYSTEM
from units.models import AuditEvent

pytestmark = pytest.mark.django_db
postgresql_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger is PostgreSQL's")


def write(organisation, n: int = 1, **fields) -> list[AuditEvent]:
    """n rows, read back sealed: the test's transaction never commits, so the seal that would run
    after the commit (the transaction=True tests below see it run) is called here."""
    rows = [audit.record(AuditEvent, actor=SYSTEM, action="changed", target=organisation,
                         organisation=organisation, reason=f"ghi chú {i}", **fields) for i in range(n)]
    audit.seal(AuditEvent)
    return list(AuditEvent.objects.filter(pk__in=[row.pk for row in rows]).order_by("id"))


def behind_the_back(table: str, sql: str, params=()) -> None:
    """SQL run as someone with the database's password would: with the trigger switched off."""
    postgresql = connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        if postgresql:
            # The test's transaction still holds the rows' deferred foreign-key checks, and
            # ALTER TABLE waits for none.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(f"ALTER TABLE {table} DISABLE TRIGGER {table}_append_only")
        cursor.execute(sql, params)
        if postgresql:
            cursor.execute(f"ALTER TABLE {table} ENABLE TRIGGER {table}_append_only")


def verify() -> tuple[str, bool]:
    out = io.StringIO()
    try:
        call_command("verify_audit", stdout=out)
    except CommandError:
        return out.getvalue(), False
    return out.getvalue(), True


def test_rows_written_by_the_services_verify(tree):
    make_campaign(tree["A"], participants=[tree["A.BV"]])
    write(tree["A"], 3)
    out, ok = verify()
    assert ok, out
    assert "units_auditevent (nhật ký): OK" in out and "campaigns_campaignevent (lịch sử phong trào): OK" in out
    rows = list(AuditEvent.objects.order_by("seal_seq"))
    assert [row.seal_seq for row in rows] == list(range(1, len(rows) + 1))
    assert rows[0].prev_hash == "" and all(len(row.chain_hash) == 64 for row in rows)
    assert all(later.prev_hash == earlier.chain_hash for earlier, later in zip(rows, rows[1:], strict=False))


def test_a_row_changed_with_sql_is_found(tree):
    rows = write(tree["A"], 4)
    behind_the_back("units_auditevent", "UPDATE units_auditevent SET reason = %s WHERE id = %s",
                    ["đã sửa lén", rows[2].pk])
    out, ok = verify()
    assert not ok
    assert f"units_auditevent (nhật ký): HỎNG tại dòng id={rows[2].pk}: nội dung đã bị sửa" in out
    assert "campaigns_campaignevent (lịch sử phong trào): OK" in out


def test_a_row_rechained_after_its_change_still_breaks_the_next_link(tree):
    """Someone who recomputes the changed row's own hash still leaves the next row pointing at the old one."""
    rows = write(tree["A"], 3)
    changed = AuditEvent.objects.get(pk=rows[1].pk)
    changed.reason = "đã sửa lén"
    behind_the_back("units_auditevent", "UPDATE units_auditevent SET reason = %s, chain_hash = %s WHERE id = %s",
                    [changed.reason, audit.chain_hash(changed, changed.prev_hash), changed.pk])
    out, ok = verify()
    assert not ok
    assert f"dòng id={rows[2].pk}: liên kết bị đứt sau dòng id={rows[1].pk}" in out


def test_a_row_deleted_in_the_middle_is_found(tree):
    rows = write(tree["A"], 4)
    behind_the_back("units_auditevent", "DELETE FROM units_auditevent WHERE id = %s", [rows[1].pk])
    out, ok = verify()
    assert not ok
    assert f"HỎNG tại dòng id={rows[2].pk}: liên kết bị đứt sau dòng id={rows[0].pk}" in out


def test_the_first_rows_deleted_are_found(tree):
    rows = write(tree["A"], 3)
    behind_the_back("units_auditevent", "DELETE FROM units_auditevent WHERE id <= %s", [rows[0].pk])
    out, ok = verify()
    assert not ok
    assert f"dòng id={rows[1].pk}: là dòng đầu còn lại" in out


@postgresql_only
@pytest.mark.parametrize("sql, orm", [
    ("UPDATE units_auditevent SET reason = 'x'", lambda rows: rows.update(reason="x")),
    ("DELETE FROM units_auditevent", lambda rows: rows.delete()),
])
def test_postgresql_refuses_to_change_or_delete_a_row(tree, sql, orm):
    write(tree["A"])
    with pytest.raises(DatabaseError, match="Nhật ký chỉ được ghi thêm"), transaction.atomic(), \
            connection.cursor() as cursor:
        cursor.execute(sql)
    with pytest.raises(DatabaseError, match="Nhật ký chỉ được ghi thêm"), transaction.atomic():
        orm(AuditEvent.objects.all())
    assert AuditEvent.objects.filter(reason="ghi chú 0").count() == 1


def test_a_deleted_draft_campaign_keeps_its_history(tree, cast):
    from campaigns import services
    from campaigns.models import CampaignEvent

    draft = make_campaign(tree["A"], "Dự thảo sẽ xóa")
    kept = set(CampaignEvent.objects.filter(campaign_id=draft.pk).values_list("id", flat=True))
    assert kept
    services.delete_draft(by=cast["secretariat"], campaign=draft)
    assert set(CampaignEvent.objects.filter(campaign_id=draft.pk).values_list("id", flat=True)) == kept
    assert CampaignEvent.objects.get(pk=min(kept)).target_label == "Dự thảo sẽ xóa"
    out, ok = verify()
    assert ok, out


def test_an_account_that_acted_is_not_deleted_with_its_history():
    """Deleting it would blank actor (an UPDATE); accounts are locked instead (units services)."""
    from tests.factories import make_tree
    from units.models import User

    tree = make_tree()
    user = User.objects.create_user(username="nguoi.da.ghi", password="x")
    row = audit.record(AuditEvent, actor=user, action="changed", target=tree["A"], organisation=tree["A"])
    with pytest.raises(models.ProtectedError):
        user.delete()
    assert AuditEvent.objects.get(pk=row.pk).actor_id == user.pk


def test_the_admin_shows_audit_rows_read_only():
    for model in audit.chained_models():
        model_admin = admin.site._registry[model]
        assert not model_admin.has_change_permission(None) and not model_admin.has_delete_permission(None)
        assert not model_admin.has_add_permission(None)
    assert "delete_selected" not in dict(admin.site.actions)


def test_rows_there_before_the_upgrades_are_chained_and_numbered_by_the_migrations(tree):
    """A database older than the chain: 000N_audit_chain links its rows in id order (fill_chain),
    000N_audit_seal numbers them in that order (number_chained); new rows are sealed after them."""
    rows = write(tree["A"], 3)
    behind_the_back("units_auditevent", "UPDATE units_auditevent SET prev_hash = '', chain_hash = '', seal_seq = NULL")
    postgresql = connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        if postgresql:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("ALTER TABLE units_auditevent DISABLE TRIGGER units_auditevent_append_only")
        fill_chain(AuditEvent, batch=2)
        assert not AuditEvent.objects.exclude(seal_seq=None).exists()
        with connection.schema_editor(atomic=False) as schema_editor:
            number_chained(schema_editor, "units_auditevent")
        if postgresql:
            cursor.execute("ALTER TABLE units_auditevent ENABLE TRIGGER units_auditevent_append_only")
    newer = write(tree["A"])[0]
    out, ok = verify()
    assert ok, out
    chained = list(AuditEvent.objects.order_by("seal_seq"))
    assert [row.pk for row in chained] == sorted(row.pk for row in chained)
    assert chained[-1].pk == newer.pk and newer.prev_hash == chained[-2].chain_hash
    assert AuditEvent.objects.get(pk=rows[2].pk).prev_hash == AuditEvent.objects.get(pk=rows[1].pk).chain_hash


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite serialises writers anyway")
@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_make_one_valid_chain(tree):
    """Six transactions write rows of one table at once, each pausing between its rows: none waits
    for another, and the seals after their commits take turns, so every row links to the one
    sealed before it."""
    barrier = threading.Barrier(6)
    errors = []

    all_wrote_one = threading.Barrier(6, timeout=10)

    def writer(i):
        try:
            barrier.wait()
            with transaction.atomic():
                for k in range(3):
                    audit.record(AuditEvent, actor=SYSTEM, action="changed", target=tree["A"],
                                 organisation=tree["A"], reason=f"{i}-{k}")
                    if k == 0:
                        # Six open transactions, each holding a row: a lock held from a row to
                        # its commit would leave five of them waiting here for good.
                        all_wrote_one.wait()
                    time.sleep(0.005)
        except Exception as error:  # noqa: BLE001 – reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    before = AuditEvent.objects.count()
    threads = [threading.Thread(target=writer, args=(i,)) for i in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert AuditEvent.objects.count() == before + 18
    # Sealed by the writers' own callbacks, before anyone asks verify_audit.
    assert not AuditEvent.objects.filter(seal_seq=None).exists()
    assert list(AuditEvent.objects.order_by("seal_seq").values_list("seal_seq", flat=True)) == list(
        range(1, before + 19))
    out, ok = verify()
    assert ok, out


def test_verify_audit_seals_the_committed_rows_left_unsealed(tree):
    """A process stopped between a commit and its seal leaves rows unsealed: the next seal, at the
    next write of the table or at verification, takes them in."""
    rows = [audit.record(AuditEvent, actor=SYSTEM, action="changed", target=tree["A"], organisation=tree["A"])
            for _ in range(2)]
    assert not AuditEvent.objects.filter(pk__in=[row.pk for row in rows]).exclude(seal_seq=None).exists()
    out, ok = verify()
    assert ok, out
    sealed = list(AuditEvent.objects.filter(pk__in=[row.pk for row in rows]).order_by("seal_seq"))
    assert all(row.seal_seq for row in sealed) and sealed[1].prev_hash == sealed[0].chain_hash


@postgresql_only
def test_postgresql_lets_an_unsealed_row_be_sealed_once_and_nothing_else(tree):
    row = audit.record(AuditEvent, actor=SYSTEM, action="changed", target=tree["A"], organisation=tree["A"])
    unsealed = AuditEvent.objects.filter(pk=row.pk)
    with pytest.raises(DatabaseError, match="Nhật ký chỉ được ghi thêm"), transaction.atomic():
        unsealed.update(seal_seq=10**9, chain_hash="a" * 64, reason="sửa kèm khi niêm phong")
    with pytest.raises(DatabaseError, match="Nhật ký chỉ được ghi thêm"), transaction.atomic():
        unsealed.update(reason="sửa trước khi niêm phong")
    unsealed.update(seal_seq=10**9, prev_hash="b" * 64, chain_hash="a" * 64)
    with pytest.raises(DatabaseError, match="Nhật ký chỉ được ghi thêm"), transaction.atomic():
        unsealed.update(seal_seq=None, prev_hash="", chain_hash="")
    with pytest.raises(DatabaseError, match="Nhật ký chỉ được ghi thêm"), transaction.atomic():
        unsealed.update(seal_seq=10**9 + 1, chain_hash="c" * 64)
    assert AuditEvent.objects.get(pk=row.pk).chain_hash == "a" * 64


@pytest.mark.django_db(transaction=True)
def test_rows_are_sealed_once_the_service_has_committed(tree):
    from campaigns.models import CampaignEvent

    with transaction.atomic():
        campaign = make_campaign(tree["A"], participants=[tree["A.BV"]])
        rows = CampaignEvent.objects.filter(campaign_id=campaign.pk)
        assert rows.exists() and not rows.exclude(seal_seq=None).exists()
    assert not rows.filter(seal_seq=None).exists()
    chain = list(CampaignEvent.objects.order_by("seal_seq"))
    assert chain[0].prev_hash == "" and all(
        later.prev_hash == earlier.chain_hash for earlier, later in zip(chain, chain[1:], strict=False))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite serialises writers: no two at once")
@pytest.mark.django_db(transaction=True)
def test_a_row_committed_later_is_sealed_later_whatever_its_id(tree):
    """The chain's order is the order of sealing: the row of a transaction still open is passed
    over, and linked after the rows committed meanwhile."""
    first_written, second_committed = threading.Event(), threading.Event()
    written = {}

    def slow_transaction():
        try:
            with transaction.atomic():
                written["slow"] = audit.record(AuditEvent, actor=SYSTEM, action="changed", target=tree["A"],
                                               organisation=tree["A"], reason="mở lâu")
                first_written.set()
                second_committed.wait(timeout=10)
        finally:
            connection.close()

    thread = threading.Thread(target=slow_transaction)
    thread.start()
    first_written.wait(timeout=10)
    quick = audit.record(AuditEvent, actor=SYSTEM, action="changed", target=tree["A"], organisation=tree["A"],
                         reason="ghi xong ngay")
    assert AuditEvent.objects.get(pk=quick.pk).seal_seq is not None
    second_committed.set()
    thread.join()
    slow, quick = AuditEvent.objects.get(pk=written["slow"].pk), AuditEvent.objects.get(pk=quick.pk)
    assert slow.pk < quick.pk and slow.seal_seq == quick.seal_seq + 1 and slow.prev_hash == quick.chain_hash
    out, ok = verify()
    assert ok, out
