#!/usr/bin/env python3
"""H-10t: per-run figures from a tail.sh folder: python3 analyse.py /tmp/h10t/TAG [run ...]"""
import sys, re, collections, statistics, os
out = sys.argv[1]
runs = {}
for line in open(out + '/runs'):
    m = re.match(r'(\S+) (start|end) (\d\d):(\d\d):(\d\d\.\d+)', line)
    if m:
        t = int(m[3]) * 3600 + int(m[4]) * 60 + float(m[5])
        runs.setdefault(m[1], {})[m[2]] = t
def tsec(s):
    h, m, x = s.split(':'); return int(h) * 3600 + int(m) * 60 + float(x)
def access(name):
    rows = []
    p = f'{out}/{name}-access.log'
    if not os.path.exists(p): return rows
    for line in open(p):
        f = line.split()
        if len(f) < 6: continue
        end = tsec(f[0]); d = int(f[1]) / 1e6
        rows.append((end - d, end, d, f[2], f[3], f[4], f[5]))
    return rows
def pct(xs, q):
    xs = sorted(xs)
    if not xs: return float('nan')
    return xs[min(len(xs) - 1, int(q * len(xs)))]
def wrk(name):
    r = {}
    for line in open(f'{out}/{name}.wrk'):
        m = re.match(r'\s+(50|90|99)%\s+(\S+)', line)
        if m:
            v = m[2]; k = 1e-3 if v.endswith('us') else (1 if v.endswith('ms') else 1e3)
            r[m[1]] = float(re.sub('[a-z]+$', '', v)) * k
        m = re.match(r'\s+(\d+) requests in', line)
        if m: r['n'] = int(m[1])
        m = re.match(r'Requests/sec:\s+(\S+)', line)
        if m: r['rate'] = float(m[1])
    return r
def snap(path):
    d = {}
    for line in open(path):
        f = line.split()
        if len(f) < 6: continue
        d[(f[0], f[1])] = (re.sub(r'[0-9#]+', '', f[2]), int(f[3]), int(f[4]), int(f[5]))
    return d
P = access('proc'); T = access('tariff')
sel = sys.argv[2:] or [k for k in runs if k.startswith('half') or k in ('max', 'getonly')]
for name in sel:
    if name not in runs or 'end' not in runs[name]: continue
    a, b = runs[name]['start'], runs[name]['end']
    w = wrk(name); n = w.get('n', 1)
    print(f"== {name}: wrk {w.get('rate')}/s n={n} p50 {w.get('50'):.1f} p90 {w.get('90'):.1f} p99 {w.get('99'):.1f} ms")
    po = [r for r in P if a <= r[0] <= b and r[4] == 'POST' and r[5] == '/api/purchase-orders']
    pg = [r for r in P if a <= r[0] <= b and r[4] == 'GET']
    tq = [r for r in T if a <= r[0] <= b and r[4] == 'POST']
    for lab, rs in (('procurement POST orders', po), ('procurement GET', pg), ('tariff POST quotes', tq)):
        if rs:
            ds = [r[2] * 1000 for r in rs]
            print(f"  server {lab}: n={len(rs)} p50 {pct(ds,.5):.1f} p90 {pct(ds,.9):.1f} p99 {pct(ds,.99):.1f} max {max(ds):.1f} ms")
    # in flight at arrival (procurement orders) and latency by it
    if po:
        starts = sorted(po)
        infl = []
        for r in starts:
            k = sum(1 for x in starts if x[0] < r[0] < x[1])
            infl.append((k, r[2] * 1000))
        by = collections.defaultdict(list)
        for k, d in infl: by[min(k, 8)].append(d)
        print('  in flight at arrival -> count, server p50/p99 ms: ' + '; '.join(f"{k}{'+' if k == 8 else ''}: {len(v)}, {pct(v,.5):.1f}/{pct(v,.99):.1f}" for k, v in sorted(by.items())))
        slow = sorted(infl, key=lambda x: -x[1])[:max(1, len(infl) // 50)]
        print(f"  slowest 2% ({len(slow)}): mean in flight at arrival {statistics.mean(k for k, _ in slow):.1f} (all: {statistics.mean(k for k, _ in infl):.1f})")
        # tariff matched FIFO: each tariff quote to the earliest-started open order containing it
        pos = sorted(po); used = [None] * len(pos); j0 = 0
        for t in sorted(tq):
            for i in range(j0, len(pos)):
                if used[i] is None and pos[i][0] <= t[0] and pos[i][1] >= t[1]:
                    used[i] = t; break
        m = [(p, t) for p, t in zip(pos, used) if t]
        print(f"  matched {len(m)} of {len(pos)} orders to a quote")
        if m:
            m.sort(key=lambda x: -x[0][2]); k = max(1, len(m) // 50)
            for lab, grp in (('slowest 2%', m[:k]), ('slowest 1%', m[:max(1, len(m)//100)]), ('median band', m[len(m)//2 - k//2: len(m)//2 + k//2 + 1])):
                tot = statistics.mean(p[2] for p, t in grp) * 1000
                before = statistics.mean(t[0] - p[0] for p, t in grp) * 1000
                tar = statistics.mean(t[2] for p, t in grp) * 1000
                after = statistics.mean(p[1] - t[1] for p, t in grp) * 1000
                print(f"  {lab} ({len(grp)}): server {tot:.1f} ms = before the quote call {before:.1f} + tariff server {tar:.1f} (+ hops) + after {after:.1f}")
    # schedstat
    s0, s1 = f'{out}/{name}.s0', f'{out}/{name}.s1'
    if os.path.exists(s0):
        A, B = snap(s0), snap(s1)
        grp = collections.defaultdict(lambda: [0, 0, 0]); kind = collections.defaultdict(lambda: [0, 0, 0])
        for key, v in B.items():
            u = A.get(key, (v[0], 0, 0, 0))
            dc, dw, ds = v[1] - u[1], v[2] - u[2], v[3] - u[3]
            for acc in (grp[key[0]], kind[(key[0], v[0])]):
                acc[0] += dc; acc[1] += dw; acc[2] += ds
        print('  per order: ' + '; '.join(f"{g} CPU {c/1e6/n:.2f} ms, run-queue wait {w/1e6/n:.2f} ms, {s/n:.1f} switches-in" for g, (c, w, s) in sorted(grp.items())))
        top = sorted(kind.items(), key=lambda kv: -kv[1][1])[:8]
        print('  run-queue wait by thread kind (ms/order, CPU ms/order, avg wait per switch-in us): ' + '; '.join(f"{g}/{k} {w/1e6/n:.2f} ({c/1e6/n:.2f}, {w/max(s,1)/1e3:.0f})" for (g, k), (c, w, s) in top))
    vm = f'{out}/{name}.vmstat'
    if os.path.exists(vm):
        rows = [l.split() for l in open(vm) if re.match(r'\s*\d', l)][2:-1]
        if rows:
            r = [int(x[0]) for x in rows]; idle = [int(x[14]) for x in rows]; cs = [int(x[11]) for x in rows]
            print(f"  vmstat: runnable mean {statistics.mean(r):.1f} max {max(r)}; idle {statistics.mean(idle):.0f}%; cs/s {statistics.mean(cs):.0f} = {statistics.mean(cs)/w.get('rate',1):.0f} per order")
