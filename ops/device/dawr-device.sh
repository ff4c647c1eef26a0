#!/usr/bin/env bash
# Dawr kiosk / display launcher (Linux: Raspberry Pi OS, Debian, Ubuntu on a mini PC).
#
# Opens the device's Dawr page in Chromium kiosk mode and keeps it there for years: waits until
# the server answers, keeps the screen from blanking or sleeping, clears Chromium's "restore
# pages?" state, and starts Chromium again whenever it exits or crashes.
#
#   dawr-device [URL]
#   URL: the page with its pairing token the first time, e.g.
#        http://192.168.1.10:3000/display/?token=dev_…       (hall display)
#        http://192.168.1.10:3000/kiosk/?token=dev_…         (ticket kiosk)
#        http://192.168.1.10:3000/counter-display/?counter=3  (a counter's screen)
#   or DAWR_URL in ~/.config/dawr/device.env. The page keeps its token after the first start, so
#   the URL may drop ?token=… later.
#
# Settings (~/.config/dawr/device.env, all optional but DAWR_URL):
#   DAWR_URL=…                  the page
#   DAWR_HEALTH_URL=…           what to wait for (default: <server>/api/health)
#   DAWR_BROWSER=chromium       the browser binary (default: chromium, chromium-browser, google-chrome)
#   DAWR_PROFILE_DIR=…          Chromium's profile (default: ~/.config/dawr/chromium)
#   DAWR_EXTRA_FLAGS="…"        more Chromium flags (e.g. --force-device-scale-factor=1.5)
#   DAWR_RESTART_PAUSE_S=2      pause before starting the browser again
#   DAWR_BACKOFF_STEP_S=5       added to the pause for each crash within 30 s of its start (max 60)
# See docs/install.md, "Kiosks and displays".

set -u

CONFIG="${DAWR_DEVICE_ENV:-$HOME/.config/dawr/device.env}"
if [ -r "$CONFIG" ]; then
  # shellcheck source=/dev/null
  . "$CONFIG"
fi

URL="${1:-${DAWR_URL:-}}"
if [ -z "$URL" ]; then
  echo "usage: dawr-device URL   (or set DAWR_URL in $CONFIG)" >&2
  exit 2
fi
ORIGIN="$(printf '%s' "$URL" | sed -E 's#^(https?://[^/?#]+).*#\1#')"
HEALTH="${DAWR_HEALTH_URL:-$ORIGIN/api/health}"
PROFILE="${DAWR_PROFILE_DIR:-$HOME/.config/dawr/chromium}"

BROWSER="${DAWR_BROWSER:-}"
if [ -z "$BROWSER" ]; then
  for candidate in chromium chromium-browser google-chrome; do
    if command -v "$candidate" >/dev/null 2>&1; then
      BROWSER="$candidate"
      break
    fi
  done
fi
if [ -z "$BROWSER" ]; then
  echo "dawr-device: no Chromium found: sudo apt install chromium (or chromium-browser)" >&2
  exit 1
fi

log() { echo "dawr-device: $*"; }

# The screen never blanks, never sleeps.
keep_screen_on() {
  if [ -n "${DISPLAY:-}" ] && command -v xset >/dev/null 2>&1; then
    xset s off || true
    xset s noblank || true
    xset -dpms || true
  fi
  if [ -n "${WAYLAND_DISPLAY:-}" ]; then
    log "Wayland: turn screen blanking off in the desktop settings (raspi-config: Display Options > Screen Blanking > No)"
  fi
}

# Waits until the server answers its health check, so Chromium never shows an error page.
wait_for_server() {
  local delay=2
  until curl -fsS --max-time 5 -k "$HEALTH" >/dev/null 2>&1; do
    log "waiting for the server at $HEALTH"
    sleep "$delay"
    if [ "$delay" -lt 15 ]; then delay=$((delay + 2)); fi
  done
}

# A crashed Chromium asks to restore pages on its next start: tell it the last exit was clean.
clean_crash_state() {
  local prefs="$PROFILE/Default/Preferences"
  if [ -f "$prefs" ]; then
    sed -i -e 's/"exit_type":"[^"]*"/"exit_type":"Normal"/' -e 's/"exited_cleanly":false/"exited_cleanly":true/' "$prefs" || true
  fi
}

CHILD=""
stop() {
  log "stopping"
  if [ -n "$CHILD" ]; then kill "$CHILD" 2>/dev/null || true; fi
  exit 0
}
trap stop TERM INT

mkdir -p "$PROFILE"
keep_screen_on
# Also hide the mouse pointer on a touchscreen, where unclutter is installed (X11).
if [ -n "${DISPLAY:-}" ] && command -v unclutter >/dev/null 2>&1; then
  unclutter -idle 1 -root >/dev/null 2>&1 &
fi

# Block the system's idle sleep while the page is up, where logind can be asked (and answers:
# without a session bus systemd-inhibit fails, and the browser must start all the same).
INHIBIT=()
if command -v systemd-inhibit >/dev/null 2>&1 && systemd-inhibit --what=idle:sleep --who=dawr-device --why=check true >/dev/null 2>&1; then
  INHIBIT=(systemd-inhibit --what=idle:sleep --who=dawr-device --why="a Dawr screen is showing" --mode=block)
fi

# Word splitting of the extra flags is wanted.
# shellcheck disable=SC2206
EXTRA=(${DAWR_EXTRA_FLAGS:-})

failures=0
while true; do
  wait_for_server
  clean_crash_state
  keep_screen_on
  started=$(date +%s)
  log "starting $BROWSER on $URL"
  "${INHIBIT[@]}" "$BROWSER" \
    --kiosk \
    --noerrdialogs \
    --disable-session-crashed-bubble \
    --disable-infobars \
    --no-first-run \
    --no-default-browser-check \
    --password-store=basic \
    --autoplay-policy=no-user-gesture-required \
    --check-for-update-interval=31536000 \
    --disable-features=Translate,TranslateUI,MediaRouter \
    --overscroll-history-navigation=0 \
    --disable-pinch \
    --user-data-dir="$PROFILE" \
    "${EXTRA[@]}" \
    "$URL" &
  CHILD=$!
  wait "$CHILD"
  code=$?
  CHILD=""
  # A browser that dies at once, again and again, is given a little more time each turn.
  if [ $(($(date +%s) - started)) -lt 30 ]; then failures=$((failures + 1)); else failures=0; fi
  pause=$((failures * ${DAWR_BACKOFF_STEP_S:-5}))
  if [ "$pause" -gt 60 ]; then pause=60; fi
  pause=$((pause + ${DAWR_RESTART_PAUSE_S:-2}))
  log "the browser exited ($code); starting it again in $pause s"
  sleep "$pause"
done
