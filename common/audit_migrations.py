"""What the apps' migrations call to make an audit table append-only and chained (common/audit.py).

Kept here, not copied into each migration, because the chain of an upgraded database must be
computed by the very function that `manage.py verify_audit` checks it with."""

from common.audit import chain_hash

# DELETE is refused; UPDATE too, except the one that seals a row (common.audit.seal): from no
# seal to a seal, every other column unchanged. Read through jsonb so the function also serves a
# table whose seal_seq column its migration has not added yet (such an UPDATE is refused).
FUNCTION_SQL = """
CREATE OR REPLACE FUNCTION thidua_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    old_row jsonb;
    new_row jsonb;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        old_row := to_jsonb(OLD);
        new_row := to_jsonb(NEW);
        IF old_row ->> 'seal_seq' IS NULL AND old_row ->> 'chain_hash' = ''
                AND new_row ->> 'seal_seq' IS NOT NULL AND new_row ->> 'chain_hash' <> ''
                AND old_row - 'prev_hash' - 'chain_hash' - 'seal_seq'
                    = new_row - 'prev_hash' - 'chain_hash' - 'seal_seq' THEN
            RETURN NEW;
        END IF;
    END IF;
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


def number_chained(schema_editor, table: str) -> None:
    """Give the rows chained before seal_seq existed (in id order, fill_chain and the first
    record()) their place: seal_seq = their rank by id, so verify_audit walks them as they were
    linked and seal() chains new rows after the last of them. Runs with the trigger off."""
    quoted = schema_editor.quote_name(table)
    schema_editor.execute(
        f"UPDATE {quoted} SET seal_seq = ranked.n FROM (SELECT id, ROW_NUMBER() OVER (ORDER BY id) AS n "
        f"FROM {quoted} WHERE chain_hash <> '') AS ranked WHERE {quoted}.id = ranked.id")


def install_append_only(schema_editor, table: str) -> None:
    """On PostgreSQL, refuse DELETE of the table's rows, and UPDATE except sealing. TRUNCATE is left alone: the
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


def seal_operations(app_label: str, model_name: str) -> list:
    """The steps of one audit table's move to sealing after commit (common.audit.seal): the
    seal_seq column, the rows already chained numbered in id order, the trigger that lets a row
    be sealed once."""
    from django.db import migrations, models

    def forward(apps, schema_editor):
        table = apps.get_model(app_label, model_name)._meta.db_table
        remove_append_only(schema_editor, table)
        number_chained(schema_editor, table)
        install_append_only(schema_editor, table)

    return [
        migrations.AddField(
            model_name=model_name.lower(), name="seal_seq",
            field=models.BigIntegerField(blank=True, editable=False, null=True, unique=True),
        ),
        migrations.RunPython(forward, migrations.RunPython.noop, elidable=False),
    ]
