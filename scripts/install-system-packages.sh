#!/bin/sh
# Optional system packages (Debian/Ubuntu): poppler-utils and tesseract-ocr for scanned PTRs.
# Skipped quietly where apt-get is unavailable or we are not root; nothing in `make demo` needs them.
command -v apt-get >/dev/null 2>&1 || exit 0
[ "$(id -u)" = "0" ] || exit 0
command -v pdftoppm >/dev/null 2>&1 && command -v tesseract >/dev/null 2>&1 && exit 0
(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils tesseract-ocr >/dev/null) \
  || echo "note: could not install poppler-utils/tesseract-ocr; OCR of paper PTRs will be unavailable" >&2
