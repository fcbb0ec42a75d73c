#!/usr/bin/env bash
# quiet.sh CMD...: run CMD in a quiet window (brief rules): pause other Maven trees, wait for load < 1.5 (max 60 s), resume after
set -u
touch /tmp/quiet-window
PIDS=""
desc() { local p; for p in $(pgrep -P "$1"); do echo "$p"; desc "$p"; done; }
for m in $(pgrep -f plexus-classworlds); do PIDS="$PIDS $m $(desc $m)"; done
PIDS=$(echo $PIDS | tr ' ' '\n' | grep -v "^$$\$" | sort -u | tr '\n' ' ')
echo "quiet: pausing [$PIDS] at $(date +%T)" >&2
resume() { [ -n "$PIDS" ] && kill -CONT $PIDS 2>/dev/null; rm -f /tmp/quiet-window; echo "quiet: resumed [$PIDS] at $(date +%T)" >&2; }
trap resume EXIT
[ -n "$PIDS" ] && kill -STOP $PIDS 2>/dev/null
for _ in $(seq 60); do awk '{exit !($1 < 1.5)}' /proc/loadavg && break; sleep 1; done
echo "quiet: load $(cut -d' ' -f1-3 /proc/loadavg) at $(date +%T)" >&2
"$@"
