"""Development tooling, kept out of the product apps: the demo data (`manage.py load_demo`), the
province-scale generator and the benchmarks (`generate_scale`, `bench`, `benchmark_documents`,
`benchmark_imports`), the bench's bare page, and the history writers they use (devtools/history.py).

Dev-only: installed with DEBUG on or DJANGO_DEVTOOLS=true (config/settings/base.py), never in
production. No product module imports it (tests/test_devtools_boundary.py)."""
