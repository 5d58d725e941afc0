"""SQLite backend that knows the Vietnamese collation PostgreSQL calls "vi-x-icu".

Django's SQLite schema editor writes `COLLATE vi-x-icu` unquoted, which SQLite rejects, and
SQLite has no such collation. This engine quotes the name and registers a Python collation on
every new connection, so models declare `db_collation="vi-x-icu"` once for both databases.
"""

from django.db.backends.sqlite3 import base, schema

from common.text import vi_collate

VI_COLLATION = "vi-x-icu"


class DatabaseSchemaEditor(schema.DatabaseSchemaEditor):
    def _collate_sql(self, collation, old_collation=None, table_name=None):
        return "COLLATE " + self.quote_name(collation) if collation else ""


class DatabaseWrapper(base.DatabaseWrapper):
    SchemaEditorClass = DatabaseSchemaEditor

    def get_new_connection(self, conn_params):
        connection = super().get_new_connection(conn_params)
        connection.create_collation(VI_COLLATION, vi_collate)
        return connection
