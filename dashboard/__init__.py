"""ActorLens dashboard: Streamlit pages over the analysed tables (entry point: streamlit_app.py)."""
