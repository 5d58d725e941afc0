"""The demo data `manage.py load_demo` loads: units, the source documents' campaigns and the live
one, indicators, awards and reports, each through the services (or devtools.history)."""
