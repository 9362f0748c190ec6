#!/usr/bin/env bash
# Inside dbus-run-session and Xvfb: start the accessibility bus, the app, and the dumper; print the tree.
# Usage: session.sh DUMPER WANTED APP [ARGS...]
set -u
dumper=$1 wanted=$2; shift 2
/usr/libexec/at-spi-bus-launcher --launch-immediately &
launcher=$!
QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 "$@" &
app=$!
/usr/bin/python3 "$dumper" chery-viewer "$wanted"
status=$?
kill "$app" "$launcher" 2>/dev/null
wait "$app" "$launcher" 2>/dev/null
exit $status
