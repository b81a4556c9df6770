#!/usr/bin/env python3
"""peer_ratios.py -- match targetscore's JMH energy benchmarks against the PyTorch peer.

Reads the peer's JSON lines (shared/peer-bench/peer_bench.py --cases env,lj,dw) and a JMH
JSON result file (java -jar benchmarks/target/benchmarks.jar EnergyBenchmark -rf json) and
prints Markdown tables:

1. configs/s (one config = one energy plus its full gradient, float64) for
   lj13/lj55/dw4 x B in {1, 64, 1024}: the peer's `analytic` and `autograd` variants, ours on
   one thread and on two threads, and ours-best / peer-best;
2. pair operations per second for Lennard-Jones (n(n-1)/2 pairs per config), with ns and
   cycles per pair and GFLOP/s at ~20 flops per pair, to see how far from the arithmetic
   limit each side is;
3. the spread of every number (JMH 99.9% error, the peer's rep min..max).

Standard library only.  Usage:

    /usr/bin/python3 benchmarks/peer_ratios.py --peer peer.jsonl --jmh jmh.json [--meta meta.env]
"""
import argparse
import json
import math
import re
import sys

SYSTEMS = ("lj13", "lj55", "dw4")
BATCHES = (1, 64, 1024)
PARTICLES = {"lj13": 13, "lj55": 55, "dw4": 4}
FLOPS_PER_PAIR = 20.0
PEER_CASE = re.compile(r"^(?P<sys>lj13|lj55|dw4)_energy_grad_(?P<var>[a-z_]+)/B=(?P<B>\d+)/"
                       r"(?P<dt>float\d+)$")
OURS_VARIANTS = {"singleThread": "1t", "twoThreads": "2t"}


def fnum(x):
    """Parse a JMH number (JMH writes NaN as the string "NaN")."""
    try:
        return float(x)
    except (TypeError, ValueError):
        return float("nan")


def si(x, digits=3):
    """Compact human number: 1234567 -> 1.23M."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "n/a"
    for scale, suffix in ((1e9, "G"), (1e6, "M"), (1e3, "k")):
        if abs(x) >= scale:
            return "%.*g%s" % (digits, x / scale, suffix)
    return "%.*g" % (digits, x)


def fmt_ratio(r):
    if r is None:
        return "n/a"
    return ("%.0f×" % r) if r >= 100 else ("%.3g×" % r)


def load_peer(path):
    rates, env = {}, {}
    with open(path) as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            rec = json.loads(line)
            if rec.get("case") == "env":
                env[rec["metric"]] = rec["value"]
                continue
            if rec.get("metric") != "configs_per_s":
                continue
            m = PEER_CASE.match(rec["case"])
            if not m:
                continue
            key = (m["sys"], int(m["B"]), m["dt"], m["var"])
            rates[key] = rec
    return rates, env


def load_jmh(path):
    """(system, B, '1t'|'2t') -> dict(value=configs/s, err=configs/s or nan, source=...)."""
    with open(path) as f:
        runs = json.load(f)
    out = {}
    for run in runs:
        method = run["benchmark"].rsplit(".", 1)[-1]
        if method not in OURS_VARIANTS:
            continue
        params = run.get("params", {})
        sysname, batch = params.get("energy"), int(params.get("batch", "0"))
        sec = run.get("secondaryMetrics", {}).get("configs")
        prim = run["primaryMetric"]
        if sec is not None and sec.get("scoreUnit", "").endswith("/s"):
            value, err, src = fnum(sec["score"]), fnum(sec.get("scoreError")), "configs"
        else:  # primary is calls/s: one call = `batch` configs
            unit = prim.get("scoreUnit", "")
            if unit != "ops/s":
                raise SystemExit("unexpected JMH unit %r for %s (run with -bm thrpt -tu s)"
                                 % (unit, run["benchmark"]))
            value = fnum(prim["score"]) * batch
            err = fnum(prim.get("scoreError")) * batch
            src = "primary x batch"
        out[(sysname, batch, OURS_VARIANTS[method])] = dict(
            value=value, err=err, source=src, forks=run.get("forks"),
            iterations=run.get("measurementIterations"),
            iter_time=run.get("measurementTime"), threads=run.get("threads"),
            jvm=run.get("jvm"), vm_version=run.get("vmVersion"))
    return out


def load_meta(path):
    meta = {}
    if not path:
        return meta
    with open(path) as f:
        for line in f:
            if "=" in line:
                k, v = line.rstrip("\n").split("=", 1)
                meta[k] = v
    return meta


def peer_pick(rates, sysname, batch, variant):
    """The peer's record for float64 if present, else float32 (with a flag)."""
    for dt in ("float64", "float32"):
        rec = rates.get((sysname, batch, dt, variant))
        if rec is not None:
            return rec, dt
    return None, None


def rel_spread(rec):
    if rec is None or rec.get("rep_min") is None:
        return "n/a"
    v = rec["value"]
    return "%s..%s (-%.0f%%/+%.0f%%)" % (si(rec["rep_min"]), si(rec["rep_max"]),
                                        100 * (v - rec["rep_min"]) / v,
                                        100 * (rec["rep_max"] - v) / v)


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--peer", required=True, help="peer_bench.py JSON lines")
    ap.add_argument("--jmh", required=True, help="JMH -rf json result")
    ap.add_argument("--meta", help="meta.env written by peer-compare.sh (optional)")
    ap.add_argument("--clock-ghz", type=float, default=None,
                    help="clock for cycles/pair (default: cpu_mhz from --meta or /proc/cpuinfo)")
    args = ap.parse_args()

    rates, env = load_peer(args.peer)
    ours = load_jmh(args.jmh)
    meta = load_meta(args.meta)
    ghz = args.clock_ghz
    if ghz is None:
        mhz = meta.get("cpu_mhz")
        if not mhz:
            try:
                with open("/proc/cpuinfo") as f:
                    for line in f:
                        if line.startswith("cpu MHz"):
                            mhz = line.split(":", 1)[1].strip()
                            break
            except OSError:
                pass
        ghz = float(mhz) / 1000.0 if mhz else None

    p = print
    p("# targetscore vs PyTorch peer: energy + gradient throughput")
    p()
    p("Configs/s, one config = one energy plus its full gradient, float64 on both sides.")
    p("Peer: torch %s, %s torch threads (OpenBLAS %s), eager CPU, median of %s reps. "
      "Ours: JMH Throughput, mean of the measurement iterations, secondary metric `configs`."
      % (env.get("torch_version", "?"), env.get("torch_num_threads", "?"),
         env.get("openblas_num_threads", "?"),
         next((r.get("n_rep") for r in rates.values()), "?")))
    if meta:
        p("Machine: %s, %s cores, nominal %s MHz; %s; run %s (git %s%s)%s."
          % (meta.get("host_cpu", "?"), meta.get("nproc", "?"), meta.get("cpu_mhz", "?"),
             meta.get("java", "?"), meta.get("date_utc", "?"), meta.get("git_head", "?"),
             ", uncommitted changes" if meta.get("git_dirty", "0") not in ("", "0") else "",
             ", QUICK smoke run" if meta.get("quick") == "1" else ""))
    p()
    p("| workload | peer analytic | peer autograd | ours 1 thread | ours 2 threads "
      "| ours best / peer best |")
    p("|---|---:|---:|---:|---:|---:|")
    fell_back = False
    best_notes = []
    rows = {}
    for s in SYSTEMS:
        for b in BATCHES:
            an, dt_an = peer_pick(rates, s, b, "analytic")
            ag, dt_ag = peer_pick(rates, s, b, "autograd")
            idem, _ = peer_pick(rates, s, b, "autograd_idemstyle")
            o1 = ours.get((s, b, "1t"))
            o2 = ours.get((s, b, "2t"))
            if an is None and ag is None and o1 is None and o2 is None:
                continue
            cands = [(r["value"], name) for r, name in ((an, "analytic"), (ag, "autograd"),
                                                        (idem, "autograd_idemstyle")) if r]
            peer_best, peer_best_name = max(cands) if cands else (None, None)
            if peer_best_name == "autograd_idemstyle":
                best_notes.append("%s B=%d: the peer's best was autograd_idemstyle (%s)"
                                  % (s, b, si(peer_best)))
            our_vals = [o["value"] for o in (o1, o2) if o and not math.isnan(o["value"])]
            our_best = max(our_vals) if our_vals else None
            ratio = (our_best / peer_best) if (our_best and peer_best) else None
            flag = ""
            if "float32" in (dt_an, dt_ag):
                flag, fell_back = " (peer f32)", True
            rows[(s, b)] = dict(an=an, ag=ag, o1=o1, o2=o2, peer_best=peer_best,
                                our_best=our_best, best_name=peer_best_name)
            p("| %s B=%d%s | %s | %s | %s | %s | %s |" % (
                s, b, flag, si(an["value"]) if an else "n/a", si(ag["value"]) if ag else "n/a",
                si(o1["value"]) if o1 else "n/a", si(o2["value"]) if o2 else "n/a",
                fmt_ratio(ratio)))
    p()
    if fell_back:
        p("(peer f32): the peer file has no float64 numbers for this workload (its --quick run "
          "is float32 only), so the float32 numbers are shown; ours are float64.")
    for n in best_notes:
        p("Note: " + n + ".")
    p("Ours at B=1, 2 threads: a single configuration cannot be split, so it runs on the "
      "calling thread (same code path as 1 thread, plus the dispatch check).")
    p()

    # --- pair operations --------------------------------------------------------------------
    p("## Lennard-Jones pair operations per second")
    p()
    p("pairs/config = n(n-1)/2. ns/pair and cycles/pair are per thread, from the 1-thread "
      "numbers; cycles at the nominal clock%s; GFLOP/s counts %.0f flops per pair (r², "
      "1/r², s³, s⁶, energy and the 3-vector force update, one division). A scalar core "
      "retires at most ~2 double flops/cycle (≥ ~10 cycles/pair); 4-wide AVX2 ~2.5 and "
      "8-wide AVX-512 ~1.25 cycles/pair, before the division's throughput limit."
      % (" (%.2f GHz)" % ghz if ghz else " (unknown)", FLOPS_PER_PAIR))
    p()
    p("| workload | pairs/config | ours 1t pairs/s | ns/pair | cycles/pair | GFLOP/s 1t "
      "| ours 2t pairs/s | peer best pairs/s |")
    p("|---|---:|---:|---:|---:|---:|---:|---:|")
    for s in ("lj13", "lj55"):
        n = PARTICLES[s]
        pairs = n * (n - 1) // 2
        for b in BATCHES:
            r = rows.get((s, b))
            if r is None:
                continue
            o1, o2 = r["o1"], r["o2"]
            pp1 = o1["value"] * pairs if o1 else None
            pp2 = o2["value"] * pairs if o2 else None
            ns = 1e9 / pp1 if pp1 else None
            cyc = ns * ghz if (ns and ghz) else None
            gf = pp1 * FLOPS_PER_PAIR / 1e9 if pp1 else None
            peer_pp = r["peer_best"] * pairs if r["peer_best"] else None
            p("| %s B=%d | %d | %s | %s | %s | %s | %s | %s |" % (
                s, b, pairs, si(pp1), "%.3g" % ns if ns else "n/a",
                "%.3g" % cyc if cyc else "n/a", "%.3g" % gf if gf else "n/a",
                si(pp2), si(peer_pp)))
    p()

    # --- spread -----------------------------------------------------------------------------
    p("## Spread")
    p()
    it = next(iter(ours.values()), {})
    p("Ours: ± JMH 99.9%% confidence half-width (%s fork(s), %s measurement iterations of %s). "
      "Peer: min..max over its repetitions (the median is reported above)."
      % (it.get("forks", "?"), it.get("iterations", "?"), it.get("iter_time", "?")))
    p()
    p("| workload | ours 1t | ours 2t | peer analytic | peer autograd |")
    p("|---|---:|---:|---:|---:|")
    for (s, b), r in rows.items():
        def err(o):
            if not o:
                return "n/a"
            if math.isnan(o["err"]):
                return "± n/a"
            return "± %.1f%%" % (100 * o["err"] / o["value"])
        p("| %s B=%d | %s | %s | %s | %s |" % (s, b, err(r["o1"]), err(r["o2"]),
                                              rel_spread(r["an"]), rel_spread(r["ag"])))
    p()
    if meta:
        keys = [k for k in ("peer_wall_s", "peer_steal_pct", "peer_idle_pct",
                            "peer_load_before", "peer_load_after", "jmh_wall_s",
                            "jmh_steal_pct", "jmh_idle_pct", "jmh_load_before",
                            "jmh_load_after") if k in meta]
        if keys:
            p("Machine state during the run: " + ", ".join("%s=%s" % (k, meta[k]) for k in keys)
              + ". (idle% is the share of both cores left idle; a 1-thread phase leaves ~50% "
              "idle on 2 cores when nothing else runs. Load average includes other users.)")
            p()
    return 0


if __name__ == "__main__":
    sys.exit(main())
