# shellcheck shell=bash
# Sourced by the bench scripts (bench/startup.sh and the module benches), from the repository's root.
# A service the bench starts must be the one that answers: a port already taken (a service left over from a killed
# run, another stack) would answer the readiness probe and the load instead, and the figures would be someone
# else's. So each port is checked free before the launch, and readiness counts only while the launched JVM lives.

# port_free PORT WHAT: exit 1 naming the port when something already listens on it
port_free() {
  if (exec 3<> "/dev/tcp/127.0.0.1/$1") 2>/dev/null || (exec 3<> "/dev/tcp/::1/$1") 2>/dev/null; then
    echo "bench: port $1 ($2) is already in use (a service left from an earlier run, or another stack: see" \
      "\`ss -ltnp 'sport = :$1'\`); nothing measured" >&2
    exit 1
  fi
}

# await_ready PORT PID LOG SECONDS: wait until http://localhost:PORT/q/health/ready answers 200 while PID lives;
# exit 1 saying which (the process ended, or not ready in time)
await_ready() {
  local port=$1 pid=$2 log=$3 limit=$4 deadline=$((SECONDS + $4))
  while ((SECONDS < deadline)); do
    kill -0 "$pid" 2>/dev/null || { echo "bench: the service for port $port ended before it was ready; see $log" >&2; exit 1; }
    curl -sf -m 2 -o /dev/null "http://localhost:$port/q/health/ready" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "bench: the service on port $port was not ready after $limit s; see $log" >&2
  exit 1
}
