#!/usr/bin/env python3
"""Clusters of slow orders (server time > 30 ms, starts within 60 ms) in a tail.sh folder started with JFR_START=1, each
next to: quotes > 25 ms, new WAL segments (birth time), young GC pauses, JFR socket reads/writes >= 15 ms.
Usage: stalls.py FOLDER RUN..."""
import sys, time, re, json, subprocess
exec(open('/tmp/h10t/analyse.py').read().split("P = access('proc')")[0].replace("out = sys.argv[1]", "out = sys.argv[1]"))
def hms(ep):
    t = time.gmtime(ep); return t.tm_hour * 3600 + t.tm_min * 60 + t.tm_sec + ep % 1
wal = [(hms(float(l.split()[0])), l.split()[-1][-8:]) for l in open(out + '/pg_wal.txt')]
gc = {}
for svc in ('app', 'tariff'):
    gc[svc] = []
    for l in open(f'{out}/gc-{svc}.log'):
        m = re.match(r'\[\d+-\d+-\d+T(\d+):(\d+):([\d.]+)\+\d+\]\[(\d+)ms\] GC\(\d+\) Pause (\S+).* ([\d.]+)ms', l)
        if m: gc[svc].append((int(m[1]) * 3600 + int(m[2]) * 60 + float(m[3]), m[5], float(m[6])))
def dur_ms(d):
    m = re.match(r'PT(?:(\d+)M)?([\d.]+)S', d); return (int(m.group(1) or 0) * 60 + float(m.group(2))) * 1000
def jt(s):
    m = re.match(r'\d+-\d+-\d+T(\d+):(\d+):([\d.]+)', s); return int(m[1]) * 3600 + int(m[2]) * 60 + float(m[3])
js = {}
for svc in ('app', 'tariff'):
    r = subprocess.run(['jfr', 'print', '--json', '--stack-depth', '1', '--events', 'jdk.SocketRead,jdk.SocketWrite,jdk.SafepointBegin', f'{out}/{svc}-stall.jfr'], capture_output=True, text=True)
    js[svc] = [(jt(e['values']['startTime']), dur_ms(e['values']['duration']), e['type'].split('.')[-1], (e['values'].get('eventThread') or {}).get('javaName')) for e in json.loads(r.stdout)['recording']['events']]
P = access('proc'); T = access('tariff')
for name in sys.argv[2:]:
    a, b = runs[name]['start'], runs[name]['end']
    print('=====', name, 'start', time.strftime('%H:%M:%S', time.gmtime(a)))
    slow = sorted(r for r in P if a <= r[0] <= b and r[4] == 'POST' and r[2] > 0.030)
    cl = []
    for r in slow:
        if cl and r[0] - cl[-1][-1][0] < 0.06: cl[-1].append(r)
        else: cl.append([r])
    for c in cl:
        s0 = c[0][0]; s1 = max(r[1] for r in c)
        ts = [r for r in T if r[0] < s1 and r[1] > s0 and r[2] > 0.025]
        w = [(round(x[0] - a, 3), x[1]) for x in wal if s0 - 0.2 <= x[0] <= s1 + 0.05]
        g = [(svc, round(t - a, 3), d) for svc in gc for (t, k, d) in gc[svc] if s0 - 0.1 <= t <= s1 + 0.05]
        j = sorted({(svc, round(t - a, 3), round(d), ty, th) for svc in js for (t, d, ty, th) in js[svc] if t <= s1 and t + d / 1000 >= s0 - 0.05 and d >= 15})
        print(f"  {s0-a:7.3f}-{s1-a:7.3f}: {len(c)} slow orders (max {max(r[2] for r in c)*1000:.0f} ms), {len(ts)} quotes > 25 ms; new WAL segment {w}; GC pause {g}; JFR >= 15 ms {j[:5]}")
