from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


@pytest.mark.django_db
def test_models_and_migrations_agree():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


@pytest.mark.django_db(transaction=True)
def test_campaign_migrations_run_forward_on_a_database_holding_data():
    """Rewind campaigns to its first migration, put a plan in it, and migrate forward again."""
    start = [("campaigns", "0001_initial")]
    executor = MigrationExecutor(connection)
    executor.migrate(start)
    old = executor.loader.project_state(start).apps
    Organisation = old.get_model("units", "Organisation")
    Campaign = old.get_model("campaigns", "Campaign")
    LegalBasis = old.get_model("campaigns", "LegalBasis")
    root = Organisation.objects.create(name="Sở Y tế", code="SYT", kind="department", path="0000001.")
    campaign = Campaign.objects.create(issuer=root, title="Kế hoạch cũ", year=2021, status="closed", number=5,
                                       notation="KH-SYT", issue_date=date(2021, 3, 1))
    LegalBasis.objects.create(campaign=campaign, text="Luật Thi đua, khen thưởng")

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    from campaigns.models import Campaign as Current

    current = Current.objects.get(title="Kế hoạch cũ")
    assert current.number_line == "Số: 05/KH-SYT"
    assert current.legal_bases.get().separator == ""
