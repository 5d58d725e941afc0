from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AwardsConfig(AppConfig):
    name = "awards"
    verbose_name = "Khen thưởng"

    def ready(self) -> None:
        from awards import catalogue

        # The catalogue is reference data every installation needs; after a migrate (and after a
        # test's flush) it is put back where missing.
        post_migrate.connect(catalogue.ensure, sender=self, dispatch_uid="awards-catalogue")
