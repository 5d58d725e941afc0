"""Audit rows become append-only and chained (common/audit.py): the hash columns, filled for the rows
already there in id order; the history outlives what it describes (a link to the object neither
cascades nor constrains; organisations and acting accounts are protected); on PostgreSQL a trigger
refuses UPDATE and DELETE."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from common.audit_migrations import operations as chain_operations


class Migration(migrations.Migration):

    dependencies = [
        ("reports", "0005_document_edition"),
        ("units", "0004_audit_chain"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="reportevent",
            name="prev_hash",
            field=models.CharField(blank=True, editable=False, max_length=64),
        ),
        migrations.AddField(
            model_name="reportevent",
            name="chain_hash",
            field=models.CharField(blank=True, editable=False, max_length=64),
        ),
        migrations.AlterField(
            model_name="reportevent",
            name="actor",
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT,
                                    related_name="+", to=settings.AUTH_USER_MODEL, verbose_name="người thực hiện"),
        ),
        migrations.AlterField(
            model_name="reportevent",
            name="report",
            field=models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING,
                                    related_name="events", to="reports.report"),
        ),
    ] + chain_operations("reports", "ReportEvent")
