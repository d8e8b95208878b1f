"""Imports flow one way: streamlit_app.py -> dashboard/ -> analysis/; analysis/ never imports the UI."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    roots: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def test_analysis_never_imports_streamlit_or_dashboard():
    offenders = {
        str(path.relative_to(ROOT)): sorted(imported_roots(path) & {"streamlit", "dashboard", "plotly", "kaleido"})
        for path in (ROOT / "analysis").rglob("*.py")
    }
    assert {name: found for name, found in offenders.items() if found} == {}


def test_dashboard_never_imports_the_entry_point():
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "dashboard").rglob("*.py")
        if "streamlit_app" in imported_roots(path)
    ]
    assert offenders == []
