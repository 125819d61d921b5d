#!/bin/sh
# Optional system packages (Debian/Ubuntu): poppler-utils and tesseract-ocr for scanned PTRs, and
# chromium for the web app's browser tests (Playwright drives /usr/bin/chromium; nothing downloads a
# browser). Skipped quietly where apt-get is unavailable or we are not root; `make demo` needs none.
command -v apt-get >/dev/null 2>&1 || exit 0
[ "$(id -u)" = "0" ] || exit 0
missing=""
command -v pdftoppm >/dev/null 2>&1 || missing="$missing poppler-utils"
command -v tesseract >/dev/null 2>&1 || missing="$missing tesseract-ocr"
[ -x /usr/bin/chromium ] || missing="$missing chromium"
[ -z "$missing" ] && exit 0
(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null) \
  || echo "note: could not install$missing: OCR of paper PTRs or the browser tests will be unavailable" >&2
