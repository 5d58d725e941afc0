from django.apps import AppConfig


class DevtoolsConfig(AppConfig):
    name = "devtools"
    verbose_name = "Công cụ phát triển (dữ liệu minh họa, đo tốc độ)"
