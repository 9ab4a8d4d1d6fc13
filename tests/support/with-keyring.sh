#!/bin/sh
# Runs a command inside a private D-Bus session with an unlocked, throw-away gnome-keyring
# (PLATFORM-NOTES.md). Used by tests labelled KEYRING.
set -e
export HOME="$(mktemp -d)"
trap 'rm -rf "$HOME"' EXIT
unset XDG_CURRENT_DESKTOP DESKTOP_SESSION KDE_SESSION_VERSION KDE_FULL_SESSION DISPLAY
exec dbus-run-session -- sh -c 'echo -n throwaway | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"' sh "$@"
