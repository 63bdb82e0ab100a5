"""pytest: the page scripts and the router run Streamlit at import; collecting them for doctests would
execute them outside a Streamlit run. They are tested with AppTest in tests/test_app_pages.py."""

collect_ignore = ["main.py"]
collect_ignore_glob = ["screens/*.py"]
