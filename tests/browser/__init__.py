"""Browser tests: the HTML report in headless Chromium."""
