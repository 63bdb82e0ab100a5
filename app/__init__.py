"""The Streamlit app for participants: ``app/main.py`` is the router, ``app/screens/`` the pages."""
