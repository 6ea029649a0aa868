#!/usr/bin/env bash
# Tools the tests use besides npm packages: chromium (index page test, via puppeteer),
# poppler-utils (pdftotext/pdffonts/pdftoppm), qpdf (--check), LibreOffice Writer (opens the
# .docx files as Word would). On Debian as root they are installed; otherwise we say what to do.
set -euo pipefail
declare -A need=([chromium]=chromium [pdftotext]=poppler-utils [qpdf]=qpdf [soffice]=libreoffice-writer-nogui)
missing=()
for tool in "${!need[@]}"; do command -v "$tool" >/dev/null 2>&1 || missing+=("${need[$tool]}"); done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Cài các gói hệ thống cho kiểm thử: ${missing[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" fonts-liberation2 >/dev/null
else
  echo "Thiếu công cụ cho kiểm thử: ${missing[*]}. Cài bằng: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
