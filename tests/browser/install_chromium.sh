#!/bin/sh
# Install Debian's chromium for the browser tests; quick and silent when it is already there.
# Never fails the build: when it cannot install, it says why and the browser tests skip with that reason.
set -u
for candidate in "${RECONCILE_CHROMIUM:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then
        exit 0
    fi
done
if ! command -v apt-get >/dev/null 2>&1; then
    echo "install_chromium: no apt-get on this machine; install Chromium and set RECONCILE_CHROMIUM" >&2
    exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        SUDO="sudo -n"
    else
        echo "install_chromium: not root and no password-less sudo; run: apt-get install -y chromium" >&2
        exit 0
    fi
fi
echo "install_chromium: installing Debian's chromium (once)..." >&2
export DEBIAN_FRONTEND=noninteractive
if $SUDO apt-get update -qq >/dev/null 2>&1 \
    && $SUDO apt-get install -y -qq chromium >/dev/null 2>&1; then
    echo "install_chromium: installed $(command -v chromium)" >&2
else
    echo "install_chromium: apt-get install chromium failed; the browser tests will skip" >&2
fi
exit 0
