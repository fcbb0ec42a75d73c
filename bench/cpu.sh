# CPU clock ticks (user + system, getconf CLK_TCK per second) from /proc, sourced by the module benches
# (procurement-service/bench/run.sh, tariff-service/bench/run.sh) for their "CPU per request" figures:
# a path's own cost, which shows even on a busy machine where the rate does not. Linux only.

# ticks PID: the process's ticks so far (its live threads); 0 once it has ended
ticks() { awk '{t += $14 + $15} END {print t + 0}' "/proc/$1/stat" 2>/dev/null || echo 0; }

# pg_ticks POSTMASTER_PID: PostgreSQL's ticks so far: the postmaster, the children it reaped (cutime,
# cstime) and the ones alive now
pg_ticks() {
  local t c; t=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$1/stat")
  for c in $(pgrep -P "$1"); do t=$((t + $(ticks "$c"))); done
  echo "$t"
}
