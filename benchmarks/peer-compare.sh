#!/usr/bin/env bash
# peer-compare.sh -- time targetscore against the PyTorch peer in one sitting: energies and the
# Monte Carlo score estimator.
#
#   benchmarks/peer-compare.sh            # full run: peer (~2 min) + JMH (~2.5 + ~2 min)
#   benchmarks/peer-compare.sh --quick    # smoke run, about a minute and a half
#
# It runs, one after the other on the same machine:
#   (a) the PyTorch peer  shared/peer-bench/peer_bench.py --cases env,lj,dw,mc -> peer.jsonl
#   (b) our JMH EnergyBenchmark (-rf json)                                      -> jmh.json
#   (b') our JMH ScoreEstimatorBenchmark (-rf json)                             -> jmh-mc.json
#   (c) benchmarks/peer_ratios.py, which matches the workloads and prints Markdown tables:
#       energy + gradient (lj13/lj55/dw4 x B in {1,64,1024}, float64)        -> energy-ratios.md
#       MC score estimator (dw4/lj13, B=256, K=500, sigma=0.5, SNIS-TSI; our MALA variant
#       at the same gradient budget; the peer's results-reference.jsonl for contrast) -> mc-ratios.md
#
# Raw files go to benchmarks/results/raw/<UTC timestamp>/ (git-ignored). A full run also copies
# the tables to benchmarks/results/energy-ratios.md and benchmarks/results/mc-ratios.md.
#
# Options:
#   --quick          short run: JMH -wi 1 -i 2 -w 500ms -r 500ms, peer --quick (float32 only:
#                    the energy table then falls back to the peer's float32 numbers and says
#                    so; the peer's quick mc case is B=32, K=100, so the mc table only warns)
#   --parts LIST     which comparisons, comma-separated: energy, mc, mlp (default energy,mc).
#                    mlp: the MLP training step (MlpTrainingBenchmark) against the peer's mlp
#                    case, which runs separately with --omp-wait-policy passive, its fast
#                    setting (-> peer-mlp.jsonl, jmh-mlp.json, mlp-ratios.md)
#   --out DIR        where the raw files go (default benchmarks/results/raw/<timestamp>)
#   --rebuild        rebuild benchmarks/target/benchmarks.jar even if it exists
#   --skip-peer FILE reuse an existing peer JSONL instead of running the peer (not one sitting!)
#   --peer-args "A"  extra arguments for peer_bench.py (e.g. "--omp-wait-policy passive")
#   -- ARGS...       everything after -- goes to both JMH runs (e.g. -- -p energy=lj13)
#
# Environment: TARGETSCORE_SHARED (default <repo>/../shared), PYTHON (default /usr/bin/python3),
# JAVA (default java), MVN (default mvn), MVN_BUILD_ARGS (default "-B -q -pl benchmarks -am
# package -DskipTests").
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
shared=${TARGETSCORE_SHARED:-$repo/../shared}
python=${PYTHON:-/usr/bin/python3}
java=${JAVA:-java}
mvn=${MVN:-mvn}
jar=$here/target/benchmarks.jar

quick=0
rebuild=0
out=""
peer_file=""
peer_args=""
parts="energy,mc"
jmh_extra=()
while (($#)); do
    case "$1" in
        --quick) quick=1 ;;
        --rebuild) rebuild=1 ;;
        --out) out=${2:?--out needs a directory}; shift ;;
        --skip-peer) peer_file=${2:?--skip-peer needs a file}; shift ;;
        --peer-args) peer_args=${2?--peer-args needs a string}; shift ;;
        --) shift; jmh_extra=("$@"); break ;;
        --parts) parts=${2:?--parts needs a list}; shift ;;
        -h|--help) sed -n '2,36p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "peer-compare.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
    esac
    shift
done

do_energy=0
do_mc=0
do_mlp=0
IFS=, read -r -a part_list <<<"$parts"
for part in "${part_list[@]}"; do
    case "$part" in
        energy) do_energy=1 ;;
        mc) do_mc=1 ;;
        mlp) do_mlp=1 ;;
        *) echo "peer-compare.sh: unknown part '$part' in --parts (energy, mc, mlp)" >&2; exit 2 ;;
    esac
done
((do_energy || do_mc || do_mlp)) || { echo "peer-compare.sh: --parts selects nothing" >&2; exit 2; }
peer_cases=env
((do_energy)) && peer_cases=$peer_cases,lj,dw
((do_mc)) && peer_cases=$peer_cases,mc

peer=$shared/peer-bench/peer_bench.py
if [[ -z $peer_file && ! -f $peer ]]; then
    echo "peer-compare.sh: peer benchmark not found at $peer (set TARGETSCORE_SHARED)" >&2
    exit 1
fi
if [[ ! -x $python ]] && ! command -v "$python" >/dev/null; then
    echo "peer-compare.sh: python interpreter '$python' not found (set PYTHON)" >&2
    exit 1
fi

stamp=$(date -u +%Y%m%dT%H%M%SZ)
if [[ -z $out ]]; then
    out=$here/results/raw/$stamp
    ((quick)) && out=$out-quick
fi
mkdir -p "$out"
out=$(cd "$out" && pwd)

if [[ ! -f $jar || $rebuild == 1 ]]; then
    echo "== building $jar"
    # shellcheck disable=SC2086
    (cd "$repo" && "$mvn" ${MVN_BUILD_ARGS:--B -q -pl benchmarks -am package -DskipTests})
fi
[[ -f $jar ]] || { echo "peer-compare.sh: build did not produce $jar" >&2; exit 1; }

# ---- machine state: steal time and load, and a light sampler of the busiest processes --------
cpu_jiffies() { awk '/^cpu /{t=0; for(i=2;i<=NF;i++) t+=$i; print t, $9, $5+$6}' /proc/stat; }
meta=$out/meta.env
{
    echo "date_utc=$stamp"
    echo "quick=$quick"
    echo "host_cpu=$(awk -F': ' '/^model name/{print $2; exit}' /proc/cpuinfo)"
    echo "cpu_mhz=$(awk -F': ' '/^cpu MHz/{print $2; exit}' /proc/cpuinfo)"
    echo "nproc=$(nproc)"
    echo "java=$("$java" -version 2>&1 | head -1 | tr -d '"')"
    echo "git_head=$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo "git_dirty=$(git -C "$repo" status --porcelain 2>/dev/null | grep -c . || true)"
    echo "jmh_extra=${jmh_extra[*]:-}"
    echo "peer_args=$peer_args"
    echo "parts=$parts"
} >"$meta"

sampler_pid=""
start_sampler() {
    (
        while :; do
            {
                echo "--- $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
                top -b -n 1 -o %CPU 2>/dev/null | sed -n '8,11p'
            } >>"$out/noise.log"
            sleep 15
        done
    ) &
    sampler_pid=$!
}
stop_sampler() { [[ -n $sampler_pid ]] && kill "$sampler_pid" 2>/dev/null || true; sampler_pid=""; }
trap stop_sampler EXIT

phase() { # phase NAME CMD... : runs CMD, records wall time, load and steal share into meta.env
    local name=$1; shift
    local t0 s0 b0 t1 s1 b1 w0 w1
    read -r t0 s0 b0 < <(cpu_jiffies)
    w0=$(date +%s)
    echo "${name}_load_before=$(cut -d' ' -f1 /proc/loadavg)" >>"$meta"
    "$@"
    read -r t1 s1 b1 < <(cpu_jiffies)
    w1=$(date +%s)
    {
        echo "${name}_load_after=$(cut -d' ' -f1 /proc/loadavg)"
        echo "${name}_wall_s=$((w1 - w0))"
        awk -v n="$name" -v t=$((t1 - t0)) -v s=$((s1 - s0)) -v i=$((b1 - b0)) \
            'BEGIN{ if (t>0) { printf "%s_steal_pct=%.1f\n%s_idle_pct=%.1f\n", n, 100*s/t, n, 100*i/t } }'
    } >>"$meta"
}

run_peer() {
    local qflag=()
    ((quick)) && qflag=(--quick)
    # shellcheck disable=SC2086
    "$python" "$peer" --cases "$peer_cases" "${qflag[@]}" $peer_args | tee "$out/peer.jsonl" \
        | "$python" -c 'import sys, json
units = {"configs_per_s": "configs/s", "score_estimates_per_s": "estimates/s"}
for line in sys.stdin:
    r = json.loads(line)
    if r.get("metric") in units:
        print("   peer %-45s %12.0f %s" % (r["case"], r["value"], units[r["metric"]]), flush=True)'
}

run_jmh() { # run_jmh LABEL BENCHMARK NAME: JMH results to $out/NAME.json, log to $out/NAME.log
    local label=$1 bench=$2 name=$3
    local opts=()
    ((quick)) && opts=(-wi 1 -i 2 -w 500ms -r 500ms)  # JMH's TimeValue takes no fractions
    echo "== ($label) JMH: $java -jar $jar $bench ${opts[*]} ${jmh_extra[*]} -rf json -rff $out/$name.json"
    "$java" -jar "$jar" "$bench" "${opts[@]}" "${jmh_extra[@]}" \
        -rf json -rff "$out/$name.json" 2>&1 | tee "$out/$name.log"
}

start_sampler
echo "== results in $out"
if [[ -n $peer_file ]]; then
    echo "== (a) reusing peer results $peer_file (not measured in this sitting)"
    cp "$peer_file" "$out/peer.jsonl"
    echo "peer_reused=$peer_file" >>"$meta"
else
    qtxt=""
    ((quick)) && qtxt=" --quick"
    echo "== (a) PyTorch peer: $python $peer --cases $peer_cases$qtxt $peer_args"
    phase peer run_peer
fi
if ((do_mlp)); then
    peer_mlp_args="--cases env,mlp --omp-wait-policy passive"
    echo "peer_mlp_args=$peer_mlp_args" >>"$meta"
    echo "== (a') PyTorch peer: $python $peer $peer_mlp_args"
    # shellcheck disable=SC2086
    phase peer_mlp "$python" "$peer" $peer_mlp_args >"$out/peer-mlp.jsonl"
fi
jmh_files=()
if ((do_mlp)); then
    phase jmh_mlp run_jmh "b''" '\.MlpTrainingBenchmark\.' jmh-mlp
fi
if ((do_energy)); then
    phase jmh run_jmh b EnergyBenchmark jmh
    jmh_files+=(--jmh "$out/jmh.json")
fi
if ((do_mc)); then
    # the pattern is anchored at the class name so that it matches nothing else
    phase jmh_mc run_jmh "b'" '\.ScoreEstimatorBenchmark\.' jmh-mc
    jmh_files+=(--jmh "$out/jmh-mc.json")
fi
stop_sampler

echo "== (c) ratios"
tables=()
if ((do_mlp)); then
    "$python" "$here/peer_ratios.py" --peer "$out/peer-mlp.jsonl" --jmh "$out/jmh-mlp.json" \
        --meta "$meta" --section mlp >"$out/mlp-ratios.md"
    cat "$out/mlp-ratios.md"
    ((quick == 0)) && [[ ${#jmh_extra[@]} -eq 0 ]] && cp "$out/mlp-ratios.md" "$here/results/mlp-ratios.md"
fi
((do_energy)) && tables+=(energy)
((do_mc)) && tables+=(mc)
# the mc table also quotes the peer's reference run, to flag a disturbed sitting
peer_ref=$shared/peer-bench/results-reference.jsonl
for table in "${tables[@]}"; do
    ref_args=()
    [[ $table == mc && -f $peer_ref ]] && ref_args=(--peer-ref "$peer_ref")
    "$python" "$here/peer_ratios.py" --peer "$out/peer.jsonl" "${jmh_files[@]}" \
        --meta "$meta" --section "$table" "${ref_args[@]}" >"$out/$table-ratios.md"
    cat "$out/$table-ratios.md"
done
if ((quick == 0)) && [[ -z $peer_file && ${#jmh_extra[@]} -eq 0 ]]; then
    for table in "${tables[@]}"; do
        cp "$out/$table-ratios.md" "$here/results/$table-ratios.md"
        echo "== table copied to $here/results/$table-ratios.md"
    done
fi
