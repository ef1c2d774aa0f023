"""Find (or install) Debian's Chromium and drive it headless with Playwright; also a screenshot tool.

Playwright's own browser download is never used: the tests launch the system Chromium by path.

    python tests/browser/chromium.py reports/guanajuato.html reports/guanajuato.png
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

__all__ = ["ARGS", "chromium_path", "ensure_chromium", "screenshot"]

HERE = Path(__file__).resolve().parent
INSTALLER = HERE / "install_chromium.sh"

#: headless, and no background connections (the closed network refuses them and Chromium waits)
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    """The Chromium binary: $RECONCILE_CHROMIUM, else Debian's, else None."""
    candidates = [os.environ.get("RECONCILE_CHROMIUM", ""), "/usr/bin/chromium", "/usr/bin/chromium-browser"]
    for candidate in candidates:
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    found = shutil.which("chromium")
    return found


def ensure_chromium() -> tuple[str | None, str]:
    """Chromium's path, installing it once if missing; else None and the reason it cannot be had."""
    path = chromium_path()
    if path:
        return path, ""
    try:
        proc = subprocess.run(["sh", str(INSTALLER)], capture_output=True, text=True, timeout=900)
        said = proc.stderr.strip().splitlines()
    except (OSError, subprocess.TimeoutExpired) as exc:
        said = [f"install_chromium.sh did not run: {exc}"]
    path = chromium_path()
    if path:
        return path, ""
    return None, said[-1] if said else "Chromium is missing and install_chromium.sh could not install it"


def screenshot(html_path: str | Path, png_path: str | Path, *, width: int = 1280, height: int = 900) -> None:
    """Open a report in headless Chromium, choose its first contradiction (or finding), save a PNG."""
    from playwright.sync_api import sync_playwright

    path, reason = ensure_chromium()
    if path is None:
        raise SystemExit(f"screenshot: {reason}")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=path, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(Path(html_path).resolve().as_uri())
            page.wait_for_selector("body[data-ready='1']")
            first = page.locator("button.finding").first
            if first.count():
                first.click()
            page.screenshot(path=str(png_path))
        finally:
            browser.close()


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit("usage: python tests/browser/chromium.py REPORT.html SHOT.png")
    screenshot(sys.argv[1], sys.argv[2])
