#!/usr/bin/env python3
"""Commit-like write latency on this disk: append 8 KB and fdatasync, N times with GAP ms between (as PostgreSQL's
WAL flush at a commit); prints percentiles. Usage: fsynclat.py DIR N GAP_MS"""
import os, sys, time
d, n, gap = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]) / 1000
p = os.path.join(d, 'h10t-fsync.tmp'); fd = os.open(p, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
buf = os.urandom(8192); os.write(fd, b'\0' * 8192 * (n + 1)); os.fsync(fd); lat = []
for i in range(n):
    time.sleep(gap); os.lseek(fd, 8192 * i, 0)
    t = time.perf_counter_ns(); os.write(fd, buf); os.fdatasync(fd); lat.append(time.perf_counter_ns() - t)
os.close(fd); os.unlink(p); lat.sort(); q = lambda x: lat[min(n - 1, int(x * n))] / 1e6
print(f"{n} x (8 KB write + fdatasync), gap {gap*1000:g} ms, in {d}: p50 {q(.5):.2f} ms, p90 {q(.9):.2f}, p99 {q(.99):.2f}, max {lat[-1]/1e6:.2f} ms")
