#!/usr/bin/env bash
# Runs a command with a private D-Bus session and a fresh, unlocked GNOME Keyring, so tests use the
# real Secret Service, never the developer's own keyring and never a fake. Used by npm test.
set -euo pipefail
if [ "${YARDSTICK_IN_KEYRING:-}" = "1" ]; then exec "$@"; fi
export YARDSTICK_IN_KEYRING=1
keyring_home=$(mktemp -d)
trap 'rm -rf "$keyring_home"' EXIT
export YARDSTICK_KEYRING_HOME="$keyring_home"
dbus-run-session -- bash -c '
  # The keyring files go to a throw-away folder; a new login keyring is created with this password.
  printf "yardstick-test" | XDG_DATA_HOME="$YARDSTICK_KEYRING_HOME" gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1 \
    || { echo "gnome-keyring-daemon could not start" >&2; exit 1; }
  "$@"' bash "$@"
