from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "indicators"
    verbose_name = "Chỉ tiêu"

    def ready(self) -> None:
        from campaigns.signals import plan_copied
        from indicators import services

        # A plan copied forward brings its indicator table (campaigns cannot import indicators).
        plan_copied.connect(services.copy_campaign_indicators, dispatch_uid="indicators-copy-plan")
