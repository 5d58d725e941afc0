"""Create the PostgreSQL database named in DATABASE_URL when it does not exist yet, so that
`make run` with DATABASE_URL needs nothing else. SQLite creates its file by itself."""

from django.core.management.base import BaseCommand
from django.db import DEFAULT_DB_ALIAS, OperationalError, connections


class Command(BaseCommand):
    help = "Tạo cơ sở dữ liệu PostgreSQL nếu chưa có."

    def handle(self, *args, **options):
        connection = connections[DEFAULT_DB_ALIAS]
        if connection.vendor != "postgresql":
            return
        try:
            connection.ensure_connection()
            return
        except OperationalError as exc:
            if "does not exist" not in str(exc):
                raise
        name = connection.settings_dict["NAME"]
        with connection._nodb_cursor() as cursor:
            cursor.execute(f"CREATE DATABASE {connection.ops.quote_name(name)} ENCODING 'UTF8'")
        self.stdout.write(f"Đã tạo cơ sở dữ liệu {name}.")
