#!/usr/bin/env python3
"""Wake-up latency: two processes ping-pong one byte over pipes; the sender sleeps GAP ms between pings so the
other side (and its CPU) goes idle, as a thread on the order's path does between hand-offs. Prints round-trip
percentiles (one round trip = two wake-ups). Usage: pingpong.py N GAP_MS [cpuA cpuB]"""
import os, sys, time
n, gap = int(sys.argv[1]), float(sys.argv[2]) / 1000
cpus = sys.argv[3:5]
a_r, b_w = os.pipe(); b_r, a_w = os.pipe()
pid = os.fork()
if pid == 0:
    if cpus: os.sched_setaffinity(0, {int(cpus[1])})
    while True:
        x = os.read(a_r, 1)
        if not x or x == b'q': os._exit(0)
        os.write(a_w, x)
if cpus: os.sched_setaffinity(0, {int(cpus[0])})
rt = []
for i in range(n):
    time.sleep(gap)
    t = time.perf_counter_ns(); os.write(b_w, b'x'); os.read(b_r, 1); rt.append(time.perf_counter_ns() - t)
os.write(b_w, b'q'); os.waitpid(pid, 0)
rt.sort(); p = lambda q: rt[min(len(rt) - 1, int(q * len(rt)))] / 1000
print(f"{n} round trips, gap {gap*1000:g} ms, cpus {cpus or 'any'}: p50 {p(.5):.0f} us, p90 {p(.9):.0f}, p99 {p(.99):.0f}, max {rt[-1]/1000:.0f} us")
