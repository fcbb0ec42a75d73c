import sys
exec(open('/tmp/h10t/analyse.py').read().split("P = access('proc')")[0].replace("out = sys.argv[1]","out=sys.argv[1]"))
P=access('proc')
for name in sys.argv[2:]:
    if name not in runs: continue
    a,b=runs[name]['start'],runs[name]['end']
    po=sorted(r for r in P if a<=r[0]<=b and r[4] in ('POST','GET') and not r[5].startswith('/q/'))
    ds=[r[2]*1000 for r in po]; rest=[r[2]*1000 for r in po[16:]]; late=[r[2]*1000 for r in po if r[0]-a>1.0]
    print(f"{name}: n={len(ds)} server p99 {pct(ds,.99):.1f} | without each connection's first request p99 {pct(rest,.99):.1f} | without the first second p99 {pct(late,.99):.1f}; p50 {pct(ds,.5):.1f}/{pct(late,.5):.1f}; p90 {pct(ds,.9):.1f}/{pct(late,.9):.1f}")
