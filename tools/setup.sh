#!/bin/sh
# Install what carbon-advisor needs on Debian 12 (as root), then build it.
# Safe to run again: installed packages are kept, the build is updated.
set -eu
cd "$(dirname "$0")/.."

packages="build-essential autoconf automake pkg-config help2man
  libgsl-dev libcsv-dev libjson-c-dev check libsubunit-dev python3 locales
  chromium parallel python3-distributed"

missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' \
    || missing="$missing $p"
done
if [ -n "$missing" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: need root to install:$missing" >&2
    exit 1
  fi
  echo "setup: installing$missing" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

# A comma-decimal locale, so the tests can show numbers stay '.' in it.
if ! locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'; then
  if [ "$(id -u)" -eq 0 ]; then
    localedef -i de_DE -f UTF-8 de_DE.UTF-8 || echo "setup: no de_DE locale" >&2
  fi
fi

[ -x configure ] || ./autogen.sh
[ -f Makefile ] || ./configure --enable-werror --enable-unit-tests
make -j2
