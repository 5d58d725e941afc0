from datetime import date

from django.db import migrations


def verified(apps, schema_editor):
    """domain.md §3.2 verifies the 2.340.000 đ base salary from 01/07/2024 (NĐ 73/2024/NĐ-CP): the
    catalogue seeded it as "cần xác minh" with the others, and every award amount rests on it."""
    BaseSalary = apps.get_model("awards", "BaseSalary")
    BaseSalary.objects.filter(effective_from=date(2024, 7, 1), amount=2340000).update(needs_verification=False)


class Migration(migrations.Migration):
    dependencies = [("awards", "0009_council_terms")]
    operations = [migrations.RunPython(verified, migrations.RunPython.noop)]
