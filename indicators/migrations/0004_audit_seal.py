"""Audit rows are sealed after their transaction commits (common.audit.seal): seal_seq, the rows'
place in the chain; the rows already chained get theirs in id order; the trigger lets an unsealed
row be sealed once and refuses every other UPDATE."""

from django.db import migrations

from common.audit_migrations import seal_operations


class Migration(migrations.Migration):

    dependencies = [
        ("indicators", "0003_audit_chain"),
    ]

    operations = seal_operations("indicators", "SubmissionEvent")
