#!/bin/bash
# cityfin-healthcheck PORT PATH: exit 0 when http://127.0.0.1:PORT/PATH answers 200, 1 otherwise.
# For the compose health checks: the JRE image may have neither curl nor wget, bash's /dev/tcp is enough.
# The Actuator health groups answer 200 when UP and 503 when DOWN or OUT_OF_SERVICE.
set -u
port=${1:?usage: cityfin-healthcheck PORT PATH}
path=${2:?usage: cityfin-healthcheck PORT PATH}
exec 3<>"/dev/tcp/127.0.0.1/${port}" || exit 1
printf 'GET %s HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\nConnection: close\r\n\r\n' "$path" >&3
IFS= read -r -t 5 status <&3 || exit 1
exec 3<&-
case "$status" in
  "HTTP/1."?" 200 "*) exit 0 ;;
  *) exit 1 ;;
esac
