"""Fixtures for the browser tests: one headless Chromium per session, a fresh page per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .chromium import ARGS, ensure_chromium


@pytest.fixture(scope="session")
def chromium_browser() -> Iterator[Any]:
    """Debian's Chromium, headless, driven by Playwright (installed on first use where possible)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("the playwright package is not installed (pip install -e '.[test]')")
    path, reason = ensure_chromium()
    if path is None:
        pytest.skip(f"Chromium cannot be installed here: {reason}")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=path, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture()
def open_report(chromium_browser: Any, tmp_path: Path) -> Iterator[Any]:
    """open_report(html, width=1280) -> a Playwright page showing it; records errors and requests."""
    contexts = []

    def _open(page_html: str, *, width: int = 1280, height: int = 900) -> Any:
        context = chromium_browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        page = context.new_page()
        page.errors = []  # type: ignore[attr-defined]
        page.requests = []  # type: ignore[attr-defined]
        page.dialogs = []  # type: ignore[attr-defined]
        page.on("pageerror", lambda exc: page.errors.append(str(exc)))
        page.on("request", lambda req: page.requests.append(req.url))

        def _dialog(dialog: Any) -> None:
            page.dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", _dialog)
        target = tmp_path / f"report-{len(contexts)}.html"
        target.write_text(page_html, encoding="utf-8")
        page.goto(target.as_uri())
        page.wait_for_selector("body[data-ready='1']")
        return page

    yield _open
    for context in contexts:
        context.close()
