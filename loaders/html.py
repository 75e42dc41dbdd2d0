"""Saved web pages: the main text, title and date, by trafilatura (a maintained
main-text extractor), so menus, scripts and comment blocks never reach extraction."""
from __future__ import annotations

import re
from typing import Optional

_TAGS = re.compile(r"<script\b.*?</script>|<style\b.*?</style>|<[^>]+>", re.S | re.I)


def html_to_article(html: str) -> tuple[str, Optional[str], Optional[str]]:
    """(text, title, date) of a saved page; text is "" when the page has none."""
    import trafilatura

    document = trafilatura.bare_extraction(html, include_comments=False, include_tables=True,
                                           with_metadata=True, favor_recall=True)
    if document is None:
        return _strip_tags(html), None, None
    text = document.text or ""
    title = document.title or None
    date = document.date or None
    if title and text and not text.startswith(title):
        text = f"{title}\n{text}"
    return text, title, date


def _strip_tags(html: str) -> str:
    import html as html_lib

    return html_lib.unescape(_TAGS.sub("\n", html))
