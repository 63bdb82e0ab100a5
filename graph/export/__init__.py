"""Exports: facilitator documents (Markdown, HTML, DOCX) and data dumps."""
