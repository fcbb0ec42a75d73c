#!/usr/bin/env python3
"""wakeups.py OUT NAME ORDERS: per order, switch-ins (wake-ups), CPU ms and run-queue wait ms of procurement (app),
tariff and PostgreSQL (postmaster and its children), and by thread kind, between wakeups.sh's two snapshots."""
import re, sys, collections
out, name, n = sys.argv[1], sys.argv[2], float(sys.argv[3])
def load(f):
    d = {}
    for line in open(f):
        g, tid, comm, cpu, wait, sl = line.split()
        d[(g, tid)] = (comm, int(cpu), int(wait), int(sl))
    return d
a, b = load(f"{out}.{name}.s0"), load(f"{out}.{name}.s1")
proc = collections.defaultdict(lambda: [0, 0, 0]); kind = collections.defaultdict(lambda: [0, 0, 0])
for k, (comm, cpu, wait, sl) in b.items():
    c0 = a.get(k, (comm, 0, 0, 0))
    d = (cpu - c0[1], wait - c0[2], sl - c0[3])
    for acc in (proc[k[0]], kind[(k[0], re.sub(r'[0-9#]+', '', comm))]):
        for i in range(3): acc[i] += d[i]
tot = [0, 0, 0]
print(f"{name}: {n:.0f} orders; per order: switch-ins, CPU ms, run-queue wait ms")
# wrk left out: its second snapshot is taken after it ended (its threads are gone), so it does not count
for g in ("app", "tariff", "pg"):
    s = proc[g]; tot = [x + y for x, y in zip(tot, s)]
    print(f"  {g:7s} {s[2]/n:6.2f} {s[0]/n/1e6:6.2f} {s[1]/n/1e6:6.2f}")
print(f"  {'sum':7s} {tot[2]/n:6.2f} {tot[0]/n/1e6:6.2f} {tot[1]/n/1e6:6.2f}  (procurement = app, tariff, PostgreSQL)")
for (g, c), s in sorted(((k, v) for k, v in kind.items() if k[0] != "wrk"), key=lambda kv: -kv[1][2])[:14]:
    if s[2] / n >= 0.05: print(f"    {g:6s} {c:28s} {s[2]/n:6.2f} {s[0]/n/1e6:6.2f} {s[1]/n/1e6:6.2f}")
