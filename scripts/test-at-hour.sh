#!/usr/bin/env bash
# Runs jest with the machine's clock faked to an IST hour and the process in another time zone:
#   scripts/test-at-hour.sh 02:30 America/Los_Angeles [jest arguments…]
# The suite must not care: every rule that depends on the hour reads an injected clock. Redis keeps
# the machine's clock (redis-server does not run under libfaketime): nothing may compare an instant
# of ours with Redis's own time; TTLs and BullMQ's delays are relative.
set -euo pipefail
cd "$(dirname "$0")/.."
hour="$1" zone="$2"
shift 2

# The instant: that IST hour on Monday 7 December 2026, as seconds since the epoch.
instant=$(date -d "2026-12-07T${hour}:00+05:30" +%s)
# faketime reads its start time in the local zone of the process it runs, so it is written in that zone.
start=$(TZ="$zone" date -d "@${instant}" '+%Y-%m-%d %H:%M:%S')
echo "jest at ${hour} IST, TZ=${zone} (faked clock ${start})"
TZ="$zone" faketime -f "@${start}" npx jest "$@"
