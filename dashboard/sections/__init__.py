"""Panels the dashboard pages draw, one module per page plus the shared chart and download panels."""
