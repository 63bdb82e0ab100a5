"""The Streamlit app for participants: ``app/main.py`` is the router, ``app/pages/`` the pages."""
