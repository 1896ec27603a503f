#!/usr/bin/env bash
# What `npm test` needs beside Node: Redis on 127.0.0.1:6379 (started here when it is installed but not
# running), Debian's Chromium and a Devanagari font for the browser tests, and faketime for the runs at
# a faked hour. Installed with apt when this user can; otherwise one line says what to install.
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg -s fonts-lohit-deva >/dev/null 2>&1 || missing+=(fonts-lohit-deva)
command -v faketime >/dev/null 2>&1 || missing+=(faketime)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing what the tests need: ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "npm test needs: ${missing[*]} (Debian: sudo apt-get install -y ${missing[*]})" >&2
    exit 1
  fi
fi

if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  echo "starting Redis on 127.0.0.1:6379 for the tests"
  redis-server --daemonize yes --port 6379 --bind 127.0.0.1 --save '' --appendonly no >/dev/null
  for _ in $(seq 50); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && exit 0; sleep 0.1; done
  echo "Redis did not start on 127.0.0.1:6379" >&2
  exit 1
fi
