"""Views of one list of findings: text, diff (and, later, JSON, SARIF, GitHub, rdjson)."""
