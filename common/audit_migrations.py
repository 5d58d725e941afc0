"""What the apps' migrations call to make an audit table append-only and chained (common/audit.py).

Kept here, not copied into each migration, because the chain of an upgraded database must be
computed by the very function that `manage.py verify_audit` checks it with."""

from common.audit import chain_hash

FUNCTION_SQL = """
CREATE OR REPLACE FUNCTION thidua_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'Nhật ký chỉ được ghi thêm: không được % dòng % của bảng %.',
        CASE TG_OP WHEN 'UPDATE' THEN 'sửa' ELSE 'xóa' END, OLD.id, TG_TABLE_NAME
        USING HINT = 'Dòng nhật ký là bằng chứng; một sai sót được sửa bằng một dòng mới.';
END;
$$;
"""


def fill_chain(model, batch: int = 2000) -> None:
    """Chain the rows already there, in id order, so an upgraded database verifies. Runs before
    the trigger exists (the only UPDATE these tables ever receive)."""
    prev = ""
    pending = []
    for row in model.objects.order_by("id").iterator(chunk_size=batch):
        row.prev_hash = prev
        row.chain_hash = prev = chain_hash(row, prev)
        pending.append(row)
        if len(pending) >= batch:
            model.objects.bulk_update(pending, ["prev_hash", "chain_hash"])
            pending = []
    if pending:
        model.objects.bulk_update(pending, ["prev_hash", "chain_hash"])


def install_append_only(schema_editor, table: str) -> None:
    """On PostgreSQL, refuse UPDATE and DELETE of the table's rows. TRUNCATE is left alone: the
    test suite empties tables with it, and `verify_audit` cannot see a table emptied whole
    (docs/architecture.md, "Nhật ký")."""
    if schema_editor.connection.vendor != "postgresql":
        return
    quoted = schema_editor.quote_name(table)
    trigger = schema_editor.quote_name(f"{table}_append_only")
    schema_editor.execute(FUNCTION_SQL, None)  # None: its % are PL/pgSQL's, not parameters
    schema_editor.execute(f"DROP TRIGGER IF EXISTS {trigger} ON {quoted}")
    schema_editor.execute(f"CREATE TRIGGER {trigger} BEFORE UPDATE OR DELETE ON {quoted} "
                          "FOR EACH ROW EXECUTE FUNCTION thidua_audit_append_only()")


def remove_append_only(schema_editor, table: str) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP TRIGGER IF EXISTS {schema_editor.quote_name(table + '_append_only')} "
                          f"ON {schema_editor.quote_name(table)}")


def operations(app_label: str, model_name: str) -> list:
    """The RunPython steps of one audit table's migration: chain its rows, then lock them."""
    from django.db import migrations

    def forward(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        fill_chain(model)
        install_append_only(schema_editor, model._meta.db_table)

    def backward(apps, schema_editor):
        remove_append_only(schema_editor, apps.get_model(app_label, model_name)._meta.db_table)

    return [migrations.RunPython(forward, backward, elidable=False)]
