#!/bin/sh
# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
# Install what carbon-advisor needs on Debian 12 (as root), then build it.
# Safe to run again: installed packages are kept, the build is updated.
set -eu
cd "$(dirname "$0")/.."

packages="build-essential autoconf automake pkg-config help2man groff-base
  libgsl-dev libcsv-dev libjson-c-dev libxxhash-dev check libsubunit-dev python3 locales
  chromium clang clang-format libclang-rt-dev parallel python3-distributed"

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

# A comma-decimal locale, so the tests can show numbers stay '.' in it
# (in CI its absence fails them).  The package locales brings the sources
# (/usr/share/i18n/locales/de_DE, charmaps/UTF-8.gz) and locale-gen; on
# a fresh Debian 12 nothing is generated until /etc/locale.gen asks.
has_de ()
{
  locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'
}
if ! has_de && [ "$(id -u)" -eq 0 ]; then
  if [ -f /etc/locale.gen ] && command -v locale-gen >/dev/null; then
    sed -i 's/^# *\(de_DE\.UTF-8 UTF-8\)/\1/' /etc/locale.gen
    grep -q '^de_DE\.UTF-8 UTF-8' /etc/locale.gen \
      || echo 'de_DE.UTF-8 UTF-8' >>/etc/locale.gen
    locale-gen >/dev/null 2>&1 || true
  fi
  has_de || localedef -c -i de_DE -f UTF-8 de_DE.UTF-8 || true
fi
if ! has_de; then
  echo "setup: no de_DE.UTF-8 locale (as root: apt-get install locales," \
    "then locale-gen with de_DE.UTF-8 in /etc/locale.gen)" >&2
  [ "${CI:-}" != true ] || exit 1
fi

[ -x configure ] || ./autogen.sh
[ -f Makefile ] || ./configure --enable-werror --enable-unit-tests
make -j2
