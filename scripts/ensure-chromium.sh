#!/bin/sh
# Browser tests drive Debian's Chromium through Playwright (Playwright cannot download its own browser here).
set -e
if [ -x /usr/bin/chromium ]; then
    exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's chromium for the browser tests…"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
    echo "WARNING: /usr/bin/chromium is missing and cannot be installed without root;"
    echo "         browser tests will be skipped. Install it with: sudo apt-get install chromium"
fi
