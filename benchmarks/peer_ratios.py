#!/usr/bin/env python3
"""peer_ratios.py -- match targetscore's JMH benchmarks against the PyTorch peer.

Reads the peer's JSON lines (shared/peer-bench/peer_bench.py --cases env,lj,dw,mc) and JMH
JSON result files (java -jar benchmarks/target/benchmarks.jar EnergyBenchmark
ScoreEstimatorBenchmark -rf json; --jmh may be given several times) and prints Markdown tables.

Section `energy` (EnergyBenchmark vs the peer's *_energy_grad_* cases):

1. configs/s (one config = one energy plus its full gradient, float64) for
   lj13/lj55/dw4 x B in {1, 64, 1024}: the peer's `analytic` and `autograd` variants, ours on
   one thread and on two threads, and ours-best / peer-best;
2. pair operations per second for Lennard-Jones (n(n-1)/2 pairs per config), with ns and
   cycles per pair and GFLOP/s at ~20 flops per pair, to see how far from the arithmetic
   limit each side is;
3. the spread of every number (JMH 99.9% error, the peer's rep min..max).

Section `mc` (ScoreEstimatorBenchmark vs the peer's mc_score_* cases: B=256 noisy points,
K=500, sigma=0.5, self-normalised importance sampling of the target score identity):

1. score estimates/s for dw4 and lj13: the peer's `analytic` and `autograd` variants in
   float64, ours (float64, SNIS-TSI) on one and two threads, ours-best / peer-best, and the
   same ratio against the peer's best float32 figure;
2. energy+gradient evaluations/s inside the estimator, and (when EnergyBenchmark results are
   in the same files) the share of the raw batch energy+gradient throughput at B=1024 that
   the estimator keeps;
3. other posterior samplers of ScoreEstimatorBenchmark (e.g. MALA at an equal gradient budget),
   ours only, and the spread.

Each section is printed only when its data is present (`--section` picks one). Standard
library only.  Usage:

    /usr/bin/python3 benchmarks/peer_ratios.py --peer peer.jsonl --jmh jmh.json [--jmh more.json]
        [--meta meta.env] [--section all|energy|mc]
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
ENERGY_CLASS = "EnergyBenchmark"
MC_CLASS = "ScoreEstimatorBenchmark"
MC_SYSTEMS = ("dw4", "lj13")
MC_PEER_CASE = re.compile(r"^mc_score_(?P<sys>dw4|lj13)_(?P<var>[a-z_]+)/B=(?P<B>\d+),K=(?P<K>\d+)/"
                          r"(?P<dt>float\d+)$")
MC_OURS_B, MC_OURS_K = 256, 500  # ScoreEstimatorBenchmark.POINTS and .K
MC_METRICS = {"score_estimates_per_s": "estimates", "energy_grad_evals_per_s": "evals"}


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


def peer_records(path):
    """The JSON records of a peer_bench.py output file, one per non-empty line."""
    with open(path) as f:
        for line in f:
            line = line.strip()
            if line:
                yield json.loads(line)


def load_peer(path):
    """Energy rates {(sys, B, dtype, variant): rec}, env {metric: value}."""
    rates, env = {}, {}
    for rec in peer_records(path):
        if rec.get("case") == "env":
            env[rec["metric"]] = rec["value"]
            continue
        if rec.get("metric") != "configs_per_s":
            continue
        m = PEER_CASE.match(rec["case"])
        if m:
            rates[(m["sys"], int(m["B"]), m["dt"], m["var"])] = rec
    return rates, env


def jmh_runs(paths):
    """All JMH run records of the given -rf json files, in order."""
    runs = []
    for path in paths:
        with open(path) as f:
            runs.extend(json.load(f))
    return runs


def jmh_class(run):
    """Simple class name of a JMH run: io.x.EnergyBenchmark.singleThread -> EnergyBenchmark."""
    parts = run["benchmark"].rsplit(".", 2)
    return parts[-2] if len(parts) >= 2 else ""


def load_jmh(runs):
    """(system, B, '1t'|'2t') -> dict(value=configs/s, err=configs/s or nan, source=...)."""
    out = {}
    for run in runs:
        method = run["benchmark"].rsplit(".", 1)[-1]
        if method not in OURS_VARIANTS or jmh_class(run) != ENERGY_CLASS:
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


def load_peer_mc(path):
    """{(sys, dtype, variant, 'estimates'|'evals'): rec} of the peer's mc_score_* cases."""
    out = {}
    for rec in peer_records(path):
        metric = MC_METRICS.get(rec.get("metric"))
        if metric is None:
            continue
        m = MC_PEER_CASE.match(rec.get("case", ""))
        if m:
            out[(m["sys"], m["dt"], m["var"], metric)] = rec
    return out


def load_jmh_mc(runs):
    """{(sys, sampler, '1t'|'2t'): dict(estimates, estimates_err, evals, evals_err, ...)}."""
    out = {}
    for run in runs:
        method = run["benchmark"].rsplit(".", 1)[-1]
        if method not in OURS_VARIANTS or jmh_class(run) != MC_CLASS:
            continue
        params = run.get("params", {})
        sec = run.get("secondaryMetrics", {})
        rec = dict(forks=run.get("forks"), iterations=run.get("measurementIterations"),
                   iter_time=run.get("measurementTime"), calls=fnum(run["primaryMetric"]["score"]))
        for name in ("estimates", "evals"):
            m = sec.get(name)
            if m is None or not m.get("scoreUnit", "").endswith("/s"):
                raise SystemExit("%s: secondary metric %r missing or not per second (run with "
                                 "-bm thrpt -tu s)" % (run["benchmark"], name))
            rec[name] = fnum(m["score"])
            rec[name + "_err"] = fnum(m.get("scoreError"))
        out[(params.get("energy"), params.get("sampler", "snis"), OURS_VARIANTS[method])] = rec
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


def print_energy(rates, env, ours, meta, ghz):
    """The energy + gradient tables (EnergyBenchmark vs the peer's *_energy_grad_* cases)."""
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


def mc_peer_best(peer_mc, sysname, dtype, metric="estimates"):
    """(value, variant, rec) of the peer's best mc variant for a dtype, or (None, None, None)."""
    cands = [(rec["value"], var, rec) for (s, dt, var, m), rec in peer_mc.items()
             if s == sysname and dt == dtype and m == metric]
    if not cands:
        return None, None, None
    return max(cands, key=lambda c: c[0])


def print_mc(peer_mc, ours_mc, env, ours, meta, standalone, peer_ref=None, peer_ref_name=None):
    """The Monte Carlo score-estimator tables (ScoreEstimatorBenchmark vs mc_score_*)."""
    p = print
    goal = 10.0
    rec0 = next(iter(peer_mc.values()), {})
    if standalone:
        p("# targetscore vs PyTorch peer: Monte Carlo score estimator (`mc`)")
    else:
        p("# Monte Carlo score estimator (`mc`)")
    p()
    p("Workload: B=%s noisy points y (lj13: jittered lattice clusters, dw4: 2·N(0, I)), K=%s "
      "proposals x_k = y + σξ_k per point, σ=%s, α=1, β=1; self-normalised importance sampling "
      "of the target score identity, ŝ(y) = Σ_k softmax_k(−U(x_k)) (−∇U(x_k)) (iDEM's "
      "∇_y logsumexp). Fresh draws on every call on both sides (RNG inside the timing). "
      "Peer: torch %s, %s torch threads, eager CPU, median of %s reps; `analytic` = "
      "hand-written gradient + softmax weights, `autograd` = backprop through the logsumexp. "
      "Ours: JMH `ScoreEstimatorBenchmark` (sampler `snis`), float64, mean of the measurement "
      "iterations, secondary metric `estimates` (score estimates/s)."
      % (rec0.get("B", "?"), rec0.get("K", "?"), rec0.get("sigma", "?"),
         env.get("torch_version", "?"), env.get("torch_num_threads", "?"),
         rec0.get("n_rep", "?")))
    if standalone and meta:
        p("Machine: %s, %s cores, nominal %s MHz; %s; run %s (git %s%s)%s."
          % (meta.get("host_cpu", "?"), meta.get("nproc", "?"), meta.get("cpu_mhz", "?"),
             meta.get("java", "?"), meta.get("date_utc", "?"), meta.get("git_head", "?"),
             ", uncommitted changes" if meta.get("git_dirty", "0") not in ("", "0") else "",
             ", QUICK smoke run" if meta.get("quick") == "1" else ""))
    comparable = not rec0 or (rec0.get("B") == MC_OURS_B and rec0.get("K") == MC_OURS_K)
    if not comparable:
        p()
        p("**Warning:** the peer ran B=%s, K=%s (its --quick sizes); ours always runs B=%d, "
          "K=%d. Per-estimate rates are not comparable at different K, so no ratios are given."
          % (rec0.get("B"), rec0.get("K"), MC_OURS_B, MC_OURS_K))
    p()
    p("## Score estimates per second (goal: ours ≥ %.0f× the peer)" % goal)
    p()
    p("| system | peer analytic f64 | peer autograd f64 | ours 1 thread | ours 2 threads "
      "| ours best / peer best f64 | ≥ %.0f×? | peer best f32 | ours best / peer best f32 |"
      % goal)
    p("|---|---:|---:|---:|---:|---:|:---:|---:|---:|")
    for s in MC_SYSTEMS:
        an = peer_mc.get((s, "float64", "analytic", "estimates"))
        ag = peer_mc.get((s, "float64", "autograd", "estimates"))
        best64, _, _ = mc_peer_best(peer_mc, s, "float64")
        best32, name32, _ = mc_peer_best(peer_mc, s, "float32")
        o1 = ours_mc.get((s, "snis", "1t"))
        o2 = ours_mc.get((s, "snis", "2t"))
        if not (an or ag or best32 or o1 or o2):
            continue
        vals = [o["estimates"] for o in (o1, o2) if o and not math.isnan(o["estimates"])]
        our_best = max(vals) if vals else None
        r64 = our_best / best64 if (our_best and best64 and comparable) else None
        r32 = our_best / best32 if (our_best and best32 and comparable) else None
        ok = "n/a" if r64 is None else ("yes" if r64 >= goal else "**no**")
        p("| %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            s, si(an["value"]) if an else "n/a", si(ag["value"]) if ag else "n/a",
            si(o1["estimates"]) if o1 else "n/a", si(o2["estimates"]) if o2 else "n/a",
            fmt_ratio(r64), ok, ("%s (%s)" % (si(best32), name32)) if best32 else "n/a",
            fmt_ratio(r32)))
    p()
    p("Ours is float64 only; the float32 columns are the peer's faster single-precision "
      "figures, for reference.")
    p()
    if peer_ref:
        p("Against an earlier peer run, `%s` (not this sitting; it shows whether this "
          "sitting's peer numbers were slowed by other load):" % peer_ref_name)
        p()
        p("| system | peer best f64 this sitting | peer best f64 earlier run | this / earlier "
          "| ours best / earlier peer best f64 |")
        p("|---|---:|---:|---:|---:|")
        for s in MC_SYSTEMS:
            now, name_now, _ = mc_peer_best(peer_mc, s, "float64")
            ref, name_ref, ref_rec = mc_peer_best(peer_ref, s, "float64")
            if ref is None:
                continue
            ref_ok = ref_rec.get("B") == MC_OURS_B and ref_rec.get("K") == MC_OURS_K
            vals = [o["estimates"] for o in (ours_mc.get((s, "snis", "1t")),
                                             ours_mc.get((s, "snis", "2t")))
                    if o and not math.isnan(o["estimates"])]
            p("| %s | %s | %s (%s) | %s | %s |" % (
                s, ("%s (%s)" % (si(now), name_now)) if now else "n/a", si(ref), name_ref,
                ("%.2f" % (now / ref)) if now and comparable and ref_ok else "n/a",
                fmt_ratio(max(vals) / ref) if vals and ref_ok else "n/a"))
        p()

    # --- evaluations --------------------------------------------------------------------------
    p("## Energy + gradient evaluations per second inside the estimator")
    p()
    p("B·K evaluations per call on both sides for SNIS. `raw batch` is our EnergyBenchmark "
      "1-thread configs/s at B=1024 from the same files (the bare energy+gradient kernel); "
      "`kept` = estimator evals/s ÷ raw batch, i.e. the share of the kernel's throughput left "
      "after drawing the proposals, the per-point set-up and the weighting.")
    p()
    p("| system | peer best f64 | ours 1 thread | ours 2 threads | ours raw batch B=1024 1t "
      "| kept 1t |")
    p("|---|---:|---:|---:|---:|---:|")
    for s in MC_SYSTEMS:
        best64, name64, _ = mc_peer_best(peer_mc, s, "float64", "evals")
        o1 = ours_mc.get((s, "snis", "1t"))
        o2 = ours_mc.get((s, "snis", "2t"))
        if not (best64 or o1 or o2):
            continue
        raw = ours.get((s, 1024, "1t"))
        raw_v = raw["value"] if raw and not math.isnan(raw["value"]) else None
        kept = (o1["evals"] / raw_v) if (o1 and raw_v) else None
        p("| %s | %s | %s | %s | %s | %s |" % (
            s, ("%s (%s)" % (si(best64), name64)) if best64 else "n/a",
            si(o1["evals"]) if o1 else "n/a", si(o2["evals"]) if o2 else "n/a",
            si(raw_v), ("%.0f%%" % (100 * kept)) if kept else "n/a"))
    p()

    # --- other samplers -------------------------------------------------------------------------
    others = sorted({(s, smp) for (s, smp, _) in ours_mc if smp != "snis"},
                    key=lambda k: (MC_SYSTEMS.index(k[0]) if k[0] in MC_SYSTEMS else 99, k[1]))
    if others:
        p("## Other posterior samplers (ours only; the peer has no counterpart)")
        p()
        p("Same points, σ, identity (TSI) and estimator; only the posterior sampler differs. "
          "`grads/point` = evals/s ÷ estimates/s, the measured gradient budget per estimate "
          "(SNIS: K=500). MCMC estimates are not statistically equivalent to SNIS ones at the "
          "same budget (correlated draws); this is a cost comparison only.")
        p()
        p("| system | sampler | grads/point | ours 1t estimates/s | ours 2t estimates/s "
          "| ours 1t evals/s | ours 2t evals/s | best / peer best SNIS f64 |")
        p("|---|---|---:|---:|---:|---:|---:|---:|")
        for s, smp in others:
            o1 = ours_mc.get((s, smp, "1t"))
            o2 = ours_mc.get((s, smp, "2t"))
            o = o1 or o2
            gpp = o["evals"] / o["estimates"] if o and o["estimates"] else None
            vals = [x["estimates"] for x in (o1, o2) if x and not math.isnan(x["estimates"])]
            best64, _, _ = mc_peer_best(peer_mc, s, "float64")
            r = max(vals) / best64 if (vals and best64 and comparable) else None
            p("| %s | %s | %s | %s | %s | %s | %s | %s |" % (
                s, smp, "%.0f" % gpp if gpp else "n/a",
                si(o1["estimates"]) if o1 else "n/a", si(o2["estimates"]) if o2 else "n/a",
                si(o1["evals"]) if o1 else "n/a", si(o2["evals"]) if o2 else "n/a",
                fmt_ratio(r)))
        p()

    # --- spread ---------------------------------------------------------------------------------
    p("## Spread (mc)")
    p()
    it = next(iter(ours_mc.values()), {})
    p("Ours: ± JMH 99.9%% confidence half-width of `estimates` (%s fork(s), %s measurement "
      "iterations of %s). Peer: min..max over its repetitions (the median is reported above)."
      % (it.get("forks", "?"), it.get("iterations", "?"), it.get("iter_time", "?")))
    p()
    p("| system | sampler | ours 1t | ours 2t | peer analytic f64 | peer autograd f64 |")
    p("|---|---|---:|---:|---:|---:|")
    keys = sorted({(s, smp) for (s, smp, _) in ours_mc} | {(s, "snis") for (s, _, _, _) in peer_mc},
                  key=lambda k: (k[1] != "snis", MC_SYSTEMS.index(k[0])
                                 if k[0] in MC_SYSTEMS else 99, k[1]))
    for s, smp in keys:
        def err(o):
            if not o:
                return "n/a"
            if math.isnan(o["estimates_err"]):
                return "± n/a"
            return "± %.1f%%" % (100 * o["estimates_err"] / o["estimates"])
        peer_cols = ("n/a", "n/a")
        if smp == "snis":
            peer_cols = (rel_spread(peer_mc.get((s, "float64", "analytic", "estimates"))),
                         rel_spread(peer_mc.get((s, "float64", "autograd", "estimates"))))
        p("| %s | %s | %s | %s | %s | %s |" % (s, smp, err(ours_mc.get((s, smp, "1t"))),
                                              err(ours_mc.get((s, smp, "2t"))), *peer_cols))
    p()
    if meta:
        keys = [k for k in ("peer_wall_s", "peer_steal_pct", "peer_idle_pct", "peer_load_before",
                            "peer_load_after", "jmh_mc_wall_s", "jmh_mc_steal_pct",
                            "jmh_mc_idle_pct", "jmh_mc_load_before", "jmh_mc_load_after")
                if k in meta]
        if keys:
            p("Machine state during the run: " + ", ".join("%s=%s" % (k, meta[k]) for k in keys)
              + ". (peer_* covers the whole peer run, all its cases; jmh_mc_* the "
              "ScoreEstimatorBenchmark phase. idle% is the share of all cores left idle; load "
              "average includes other users.)")
            p()


def load_peer_mlp(path):
    """Peer MLP training steps {(arch, d): rec} (ms per step)."""
    steps = {}
    for rec in peer_records(path):
        m = re.match(r"mlp_train_step_(w\d+x\d+)/d=(\d+)/batch=512/float32$", rec.get("case", ""))
        if m and rec.get("metric") == "time_per_step":
            steps[(m.group(1), int(m.group(2)))] = rec
    return steps


def load_jmh_mlp(runs):
    """Our MLP training steps {(arch, d, threads): dict(value=ms, err=ms)}."""
    out = {}
    for run in runs:
        if jmh_class(run) != "MlpTrainingBenchmark":
            continue
        p = run["params"]
        pm = run["primaryMetric"]
        out[(p["architecture"], int(p["dimension"]), p["threads"])] = dict(
            value=pm["score"], err=pm.get("scoreError", float("nan")))
    return out


def print_mlp(peer_mlp, ours_mlp, meta):
    """Markdown table: ms per training step, ours (best thread setting) against the peer."""
    print("## MLP training step (batch 512, float32, Adam), ms per step\n")
    if meta.get("date_utc"):
        print("Sitting %s, git %s; peer run with its own settings (%s).\n"
              % (meta.get("date_utc"), meta.get("git_head", "?"), meta.get("peer_mlp_args", "")))
    print("| network | d | peer ms (min..max) | ours ms, ND4J threads omp×blas | ours best | peer / ours |")
    print("|---|---|---|---|---|---|")
    for (arch, d), rec in sorted(peer_mlp.items()):
        mine = {t: v for (a, dd, t), v in ours_mlp.items() if a == arch and dd == d}
        cells = ", ".join("%s: %.2f ± %.2f" % (t, v["value"], v["err"]) for t, v in sorted(mine.items()))
        best = min((v["value"] for v in mine.values()), default=float("nan"))
        print("| %s | %d | %.2f (%.2f..%.2f) | %s | %.2f | %s |" % (
            arch, d, rec["value"], rec.get("rep_min", float("nan")), rec.get("rep_max", float("nan")),
            cells or "n/a", best, fmt_ratio(rec["value"] / best) if mine else "n/a"))
    print()


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--peer", required=True, help="peer_bench.py JSON lines")
    ap.add_argument("--jmh", required=True, action="append",
                    help="JMH -rf json result (repeat for several files)")
    ap.add_argument("--meta", help="meta.env written by peer-compare.sh (optional)")
    ap.add_argument("--clock-ghz", type=float, default=None,
                    help="clock for cycles/pair (default: cpu_mhz from --meta or /proc/cpuinfo)")
    ap.add_argument("--peer-ref", help="an earlier peer JSONL (e.g. shared/peer-bench/"
                    "results-reference.jsonl): the mc table adds its best float64 figure and "
                    "the ratio to it, to show when this sitting's peer numbers were disturbed")
    ap.add_argument("--section", choices=("all", "energy", "mc", "mlp"), default="all",
                    help="which tables: energy (EnergyBenchmark), mc (ScoreEstimatorBenchmark) "
                         "or all (default: each one whose data is present)")
    args = ap.parse_args()
    if args.section == "mlp":
        print_mlp(load_peer_mlp(args.peer), load_jmh_mlp(jmh_runs(args.jmh)),
                  load_meta(args.meta))
        return 0

    rates, env = load_peer(args.peer)
    runs = jmh_runs(args.jmh)
    ours = load_jmh(runs)
    peer_mc = load_peer_mc(args.peer)
    ours_mc = load_jmh_mc(runs)
    peer_ref = load_peer_mc(args.peer_ref) if args.peer_ref else None
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

    energy = args.section == "energy" or (args.section == "all" and (ours or rates))
    mc = args.section == "mc" or (args.section == "all" and (ours_mc or peer_mc))
    if energy:
        print_energy(rates, env, ours, meta, ghz)
    if mc:
        print_mc(peer_mc, ours_mc, env, ours, meta, standalone=not energy, peer_ref=peer_ref,
                 peer_ref_name=args.peer_ref)
    if not (energy or mc):
        raise SystemExit("peer_ratios.py: no matching peer or JMH results in the given files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
