import sys, math, statistics
exec(open('/tmp/h10t/analyse.py').read().split("P = access('proc')")[0].replace("out = sys.argv[1]","out=sys.argv[1]"))
P=access('proc')
for name in sys.argv[2:]:
    if name not in runs: continue
    a,b=runs[name]['start'],runs[name]['end']
    st=sorted(r[0] for r in P if a+1<=r[0]<=b and r[4]=='POST')
    ia=[y-x for x,y in zip(st,st[1:])]
    m=statistics.mean(ia); cv=statistics.pstdev(ia)/m
    # arrivals in the 5 ms before each arrival
    cnt=[]; j=0
    for i,t in enumerate(st):
        while st[j]<t-0.005: j+=1
        cnt.append(i-j)
    lam=len(st)/(st[-1]-st[0]); exp=lam*0.005
    k6=sum(1 for c in cnt if c>=5)/len(cnt)
    pois=1-sum(math.exp(-exp)*exp**k/math.factorial(k) for k in range(5))
    print(f"{name}: {lam:.0f}/s inter-arrival CV {cv:.2f} (Poisson 1.0, even pacing 0); arrivals with >=5 others in the 5 ms before: {k6*100:.1f}% (Poisson at this rate {pois*100:.2f}%)")
