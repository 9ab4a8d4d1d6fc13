#!/bin/sh
# Runs a command inside a private D-Bus session with an unlocked, throw-away gnome-keyring
# (PLATFORM-NOTES.md). Used by tests labelled KEYRING.
#
# The command starts only once the unlocked daemon owns the Secret Service name on the bus: a call
# made earlier would have D-Bus start a second daemon from its service file, whose login keyring is
# locked ("Object does not exist at path .../collection/login").
set -e
export HOME="$(mktemp -d)"
trap 'rm -rf "$HOME"' EXIT
unset XDG_CURRENT_DESKTOP DESKTOP_SESSION KDE_SESSION_VERSION KDE_FULL_SESSION DISPLAY
exec dbus-run-session -- sh -c '
echo -n throwaway | gnome-keyring-daemon --unlock --components=secrets >/dev/null || exit 1
tries=0
until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true"; do
    tries=$((tries + 1))
    if [ "$tries" -ge 100 ]; then
        echo "with-keyring.sh: the Secret Service did not appear on the session bus within 10 s" >&2
        exit 1
    fi
    sleep 0.1
done
exec "$@"' sh "$@"
