#!/usr/bin/env bash
# Installs Debian's Chromium for the UI browser test (Playwright drives /usr/bin/chromium;
# it never downloads a browser of its own). Idempotent; needs root and Debian's package mirror.
# This is the one change to the system that the tests make (README, "What bin/test changes").
#
# usage: install-chromium.sh          install when missing (announced on stderr first)
#        install-chromium.sh --plan   only say whether a run would install it (bin/test says so up front)
# env:   LTX2_NO_APT=1  never install: the UI test is then reported as skipped (exit 3 here)
set -euo pipefail
packages=(chromium chromium-driver fonts-dejavu-core)
[ -x /usr/bin/chromium ] && exit 0

if [ "${LTX2_NO_APT:-0}" = 1 ]; then
  echo "» Chromium is missing and LTX2_NO_APT=1: the UI browser test will be skipped" \
    "(to run it: apt-get install ${packages[*]})" >&2
  exit 3
fi
if [ "${1:-}" = "--plan" ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "» system change ahead: the UI browser test will install the Debian packages ${packages[*]}" \
      "with apt-get (as root). To avoid it: install them yourself, or set LTX2_NO_APT=1 (the UI test is then skipped)." >&2
  fi
  exit 0
fi
echo "» changing the system: apt-get install ${packages[*]} (for the UI browser test; LTX2_NO_APT=1 skips this)" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
/usr/bin/chromium --version
