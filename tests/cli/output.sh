#!/bin/sh
# Copyright (C) 2026 the carbon-advisor authors.
# SPDX-License-Identifier: GPL-3.0-or-later (see COPYING).
# --output: what is replaced and what is written in place.  A regular
# file (or the one a symlink leads to) is replaced atomically and keeps
# its mode and owner; a device, a FIFO or /dev/stdout is written
# directly, never renamed over; a directory is an error.  Before the fix
# every case here but the plain new file failed: the symlink, the device
# and the FIFO were replaced by regular files, the mode became 644, and a
# directory left a temporary file behind.
. "$CARBON_ADVISOR_TESTS/cli/lib.sh"

job="estimate --instance m5.xlarge --region eu-north-1 --runtime 36h
  --load 50 --format csv"
# The figures themselves are checked in estimate.sh; here only where they
# go.
"$CARBON_ADVISOR" $job >"$work/want" || fail "reference run"

# run NAME TARGET: the program writes to TARGET, exits 0, prints nothing.
run ()
{
  cases=$((cases + 1))
  status=0
  "$CARBON_ADVISOR" $job --output "$2" >"$work/out" 2>"$work/err" \
    || status=$?
  [ "$status" -eq 0 ] || fail "$1: exit status $status"
  [ -s "$work/out" ] && fail "$1: unexpected stdout"
  [ -s "$work/err" ] && fail "$1: unexpected stderr: $(cat "$work/err")"
}

# temporaries DIR: no temporary file left in DIR.
temporaries ()
{
  if ls -a "$2" | grep -q '\.[A-Za-z0-9]\{6\}$'; then
    fail "$1: temporary file left in $2: $(ls -a "$2")"
  fi
}

mkdir "$work/o"

# A symlink is followed: the file it leads to is replaced, the link
# stays, and so does the file's mode.
echo old >"$work/o/real"
chmod 600 "$work/o/real"
ln -s real "$work/o/link"
run symlink "$work/o/link"
[ -L "$work/o/link" ] || fail "symlink: the link was replaced"
cmp -s "$work/want" "$work/o/real" || fail "symlink: target not written"
mode=$(stat -c %a "$work/o/real")
[ "$mode" = 600 ] || fail "symlink: mode $mode, expected 600"
temporaries symlink "$work/o"

# A symlink to a symlink in another directory, relative, and a dangling
# one (the file it names is created).
mkdir "$work/o/sub"
ln -s ../link "$work/o/sub/link2"
echo old >"$work/o/real"
run symlink-chain "$work/o/sub/link2"
[ -L "$work/o/sub/link2" ] && [ -L "$work/o/link" ] \
  || fail "symlink-chain: a link was replaced"
cmp -s "$work/want" "$work/o/real" || fail "symlink-chain: not written"
ln -s new "$work/o/dangling"
run dangling "$work/o/dangling"
[ -L "$work/o/dangling" ] || fail "dangling: the link was replaced"
cmp -s "$work/want" "$work/o/new" || fail "dangling: target not created"

# An existing file keeps its mode (and owner, where permitted).
echo old >"$work/o/kept"
chmod 640 "$work/o/kept"
if [ "$(id -u)" -eq 0 ]; then
  chown 4321:4322 "$work/o/kept"
fi
run mode "$work/o/kept"
cmp -s "$work/want" "$work/o/kept" || fail "mode: not written"
mode=$(stat -c %a "$work/o/kept")
[ "$mode" = 640 ] || fail "mode: $mode, expected 640"
if [ "$(id -u)" -eq 0 ]; then
  owner=$(stat -c %u:%g "$work/o/kept")
  [ "$owner" = 4321:4322 ] || fail "owner: $owner, expected 4321:4322"
fi

# A FIFO is written to, with a reader at the other end.
mkfifo "$work/o/fifo"
cat "$work/o/fifo" >"$work/fromfifo" &
reader=$!
run fifo "$work/o/fifo"
if [ -p "$work/o/fifo" ]; then
  wait "$reader"
else
  # Replaced: nothing will ever open the FIFO the reader waits on.
  fail "fifo: replaced by a regular file"
  kill "$reader"
fi
cmp -s "$work/want" "$work/fromfifo" || fail "fifo: reader got other text"
temporaries fifo "$work/o"

# A device node (a null device made here, never the real /dev): needs
# root to make; CI runs as root, so there it must not be left out.
if mknod "$work/o/null" c 1 3 2>/dev/null; then
  run device "$work/o/null"
  [ -c "$work/o/null" ] || fail "device: replaced by a regular file"
  temporaries device "$work/o"
  # A full device (as /dev/full): a write error, status 1, and the device
  # stays.  Before the fix the result went to a temporary file renamed
  # over the device: exit 0.
  mknod "$work/o/full" c 1 7
  expect_error device-full 1 \
    "carbon-advisor: $work/o/full: No space left on device" \
    $job --output "$work/o/full"
  [ -c "$work/o/full" ] || fail "device-full: replaced by a regular file"
elif [ "${CI:-}" = true ]; then
  fail "device: cannot make a device node (CI must run as root)"
fi

# /dev/stdout is the descriptor the shell opened: written in place.  The
# test uses a link of its own to /proc/self/fd/1, as /dev/stdout is, so
# that a program with the defect replaces only that link, never the
# machine's /dev/stdout.
ln -s /proc/self/fd/1 "$work/o/stdout"
cases=$((cases + 1))
"$CARBON_ADVISOR" $job --output "$work/o/stdout" >"$work/o/file" \
  2>"$work/err" || fail "dev-stdout: exit status $?"
[ -L "$work/o/stdout" ] || fail "dev-stdout: the link was replaced"
cmp -s "$work/want" "$work/o/file" || fail "dev-stdout: stdout differs"
[ -L "$work/o/stdout" ] || ln -sf /proc/self/fd/1 "$work/o/stdout"
out=$("$CARBON_ADVISOR" $job --output "$work/o/stdout" | cat) \
  || fail "dev-stdout-pipe: failed"
[ "$out" = "$(cat "$work/want")" ] || fail "dev-stdout-pipe: text differs"

# A directory is an error, and nothing is left in it or beside it.
mkdir "$work/o/dir"
expect_error directory 1 \
  "carbon-advisor: $work/o/dir: is a directory; --output needs a file name" \
  $job --output "$work/o/dir"
[ -z "$(ls -A "$work/o/dir")" ] || fail "directory: something written in it"
temporaries directory "$work/o"
ln -s dir "$work/o/dirlink"
expect_error directory-link 1 \
  "carbon-advisor: $work/o/dirlink: is a directory; --output needs a file name" \
  $job --output "$work/o/dirlink"
temporaries directory-link "$work/o"

finish
