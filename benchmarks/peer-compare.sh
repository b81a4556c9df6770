#!/usr/bin/env bash
# peer-compare.sh -- time targetscore's energies against the PyTorch peer in one sitting.
#
#   benchmarks/peer-compare.sh            # full run: peer (about 1.5 min) + JMH (about 3 min)
#   benchmarks/peer-compare.sh --quick    # smoke run, under a minute
#
# It runs, one after the other on the same machine:
#   (a) the PyTorch peer  shared/peer-bench/peer_bench.py --cases env,lj,dw   -> peer.jsonl
#   (b) our JMH EnergyBenchmark (-rf json)                                     -> jmh.json
#   (c) benchmarks/peer_ratios.py, which matches the workloads (lj13/lj55/dw4 x B in {1,64,1024},
#       float64, energy + gradient) and prints a Markdown table              -> energy-ratios.md
#
# Raw files go to benchmarks/results/raw/<UTC timestamp>/ (git-ignored). A full run also copies
# the table to benchmarks/results/energy-ratios.md.
#
# Options:
#   --quick          short run: JMH -wi 1 -i 2 -w 500ms -r 500ms, peer --quick (float32 only:
#                    the table then falls back to the peer's float32 numbers and says so)
#   --out DIR        where the raw files go (default benchmarks/results/raw/<timestamp>)
#   --rebuild        rebuild benchmarks/target/benchmarks.jar even if it exists
#   --skip-peer FILE reuse an existing peer JSONL instead of running the peer (not one sitting!)
#   --peer-args "A"  extra arguments for peer_bench.py (e.g. "--omp-wait-policy passive")
#   -- ARGS...       everything after -- goes to JMH (e.g. -- -p energy=lj13)
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
jmh_extra=()
while (($#)); do
    case "$1" in
        --quick) quick=1 ;;
        --rebuild) rebuild=1 ;;
        --out) out=${2:?--out needs a directory}; shift ;;
        --skip-peer) peer_file=${2:?--skip-peer needs a file}; shift ;;
        --peer-args) peer_args=${2?--peer-args needs a string}; shift ;;
        --) shift; jmh_extra=("$@"); break ;;
        -h|--help) sed -n '2,30p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "peer-compare.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
    esac
    shift
done

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
    "$python" "$peer" --cases env,lj,dw "${qflag[@]}" $peer_args | tee "$out/peer.jsonl" \
        | "$python" -c 'import sys, json
for line in sys.stdin:
    r = json.loads(line)
    if r.get("metric") == "configs_per_s":
        print("   peer %-45s %12.0f configs/s" % (r["case"], r["value"]), flush=True)'
}

run_jmh() {
    local opts=()
    ((quick)) && opts=(-wi 1 -i 2 -w 500ms -r 500ms)  # JMH's TimeValue takes no fractions
    echo "== (b) JMH: $java -jar $jar EnergyBenchmark ${opts[*]} ${jmh_extra[*]} -rf json -rff $out/jmh.json"
    "$java" -jar "$jar" EnergyBenchmark "${opts[@]}" "${jmh_extra[@]}" \
        -rf json -rff "$out/jmh.json" 2>&1 | tee "$out/jmh.log"
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
    echo "== (a) PyTorch peer: $python $peer --cases env,lj,dw$qtxt $peer_args"
    phase peer run_peer
fi
phase jmh run_jmh
stop_sampler

echo "== (c) ratios"
"$python" "$here/peer_ratios.py" --peer "$out/peer.jsonl" --jmh "$out/jmh.json" \
    --meta "$meta" >"$out/energy-ratios.md"
cat "$out/energy-ratios.md"
if ((quick == 0)) && [[ -z $peer_file && ${#jmh_extra[@]} -eq 0 ]]; then
    cp "$out/energy-ratios.md" "$here/results/energy-ratios.md"
    echo "== table copied to $here/results/energy-ratios.md"
fi
