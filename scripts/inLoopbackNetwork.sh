#!/bin/sh
# Runs a command inside a loopback-only network namespace, so WebRTC and LAN discovery in tests
# can reach nothing but 127.0.0.1 (see ../shared/ENVIRONMENT.md). Multicast and broadcast on lo
# are switched on for LAN discovery. Where no namespace can be made (no user namespaces, macOS),
# the command runs as it is and the tests that need the namespace skip with that reason.
set -eu
if [ "${HOLDFAST_LOOPBACK_NETNS:-}" = 1 ]; then exec "$@"; fi
if command -v unshare >/dev/null 2>&1 && unshare -rn true 2>/dev/null; then
  exec unshare -rn sh -c 'ip link set lo up && ip link set lo multicast on && ip route add 224.0.0.0/4 dev lo && HOLDFAST_LOOPBACK_NETNS=1 exec "$@"' sh "$@"
fi
echo "inLoopbackNetwork: could not create a network namespace (unshare -rn failed); WebRTC tests will skip." >&2
exec "$@"
