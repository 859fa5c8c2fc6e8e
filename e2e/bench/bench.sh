#!/usr/bin/env bash
# The Pulp operator benchmark: for each N, a fresh control plane (cluster.sh, audit log on), the
# operator as a process (java -jar pulp-operator/target/pulp-operator.jar, a cluster-admin
# ServiceAccount, WATCH_NAMESPACES=*), N Pulps (2Gi file claim, default components) in N namespaces;
# then a table of every result in the output directory and a PNG plot against N. With --seed, the
# Foreman seed example with the three operators (see e2e/bench/README.md).
#
#   e2e/bench/bench.sh [options] [--seed] N...
#     --label L        name of this variant in the table and plot (default: current)
#     --out DIR        results directory (default: target/bench); results of other labels stay
#     --steady S       seconds of steady state measured after all are Ready (default 60)
#     --java-opts "…"  JVM options of the operator (default: $BENCH_JAVA_OPTS)
#     --proxy-java-opts "…"  the Smart Proxy operator's in --seed (default: those of --java-opts)
#     --nodes K        fake nodes of 110 pods (default: 1 + 7N/100 rounded up, 8 for N=100)
#     --jar JAR        the operator's jar (default: pulp-operator/target/pulp-operator.jar)
#     --no-plot        no PNG (and no matplotlib install)
#     --smoke          N=1 as in CI: 5 s of steady state, no plot, the JVM options of jvm.options
#     --seed           also the Foreman seed example (samples/foreman-seed.yaml): the three operators as
#                      processes, the Foreman API stand-in; time to children created and to all Ready,
#                      writes, peak RSS and CPU per operator (needs mvn -B -q package -DskipTests and
#                      operator-common's test classes: mvn -B -q test-compile -pl operator-common -am)
#
# In --java-opts, {jar} is the operator's jar without ".jar": -XX:SharedArchiveFile={jar}.jsa uses its
# class-data archive (jvm.options does). jvm.options: C1 only (Pulp and Foreman operators); jvm-rsa.options:
# C2 for hot loops only, for the Smart Proxy operator and the all-in-one, which generate RSA keys (a 4096-bit
# SSH key takes 10-40 s with C1 alone).
# The plot needs matplotlib: installed once into a venv under ~/.cache/foreman-suite (pip from PyPI).
# Build the jar first: mvn -B -q package -DskipTests -pl pulp-operator -am
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
cache=${XDG_CACHE_HOME:-$HOME/.cache}/foreman-suite
label=current out=$root/target/bench steady=60 java_opts=${BENCH_JAVA_OPTS:-} nodes="" plot=true
jar=$root/pulp-operator/target/pulp-operator.jar smoke=false seed=false proxy_java_opts=""
counts=()

log() { echo "bench: $*" >&2; }
die() { log "error: $*"; exit 1; }

while (($#)); do
  case $1 in
    --label) label=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --steady) steady=$2; shift 2 ;;
    --java-opts) java_opts=$2; shift 2 ;;
    --proxy-java-opts) proxy_java_opts=$2; shift 2 ;;
    --nodes) nodes=$2; shift 2 ;;
    --jar) jar=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); shift 2 ;;
    --no-plot) plot=false; shift ;;
    --smoke) steady=5 plot=false smoke=true; counts+=(1); shift ;;
    --seed) seed=true; shift ;;
    -h | --help) sed -n '2,32s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; exit 0 ;;
    [0-9]*) counts+=("$1"); shift ;;
    *) die "unknown argument: $1" ;;
  esac
done
((${#counts[@]})) || $seed || die "which N? e.g. $0 1 10, or --seed"
[[ $label =~ ^[A-Za-z0-9._-]+$ ]] || die "--label: letters, digits, . _ - only"
if $smoke && [[ -z $java_opts ]]; then java_opts=$(cat "$here/jvm.options"); fi
((${#counts[@]} == 0)) || [[ -f $jar ]] || die "no $jar: run mvn -B -q package -DskipTests -pl pulp-operator -am"
mkdir -p "$out"
out=$(cd "$out" && pwd)

# matplotlib in a venv of the cache, installed once.
python=python3
if $plot; then
  venv=$cache/bench-venv
  if ! "$venv/bin/python" -c 'import matplotlib' 2>/dev/null; then
    log "installing matplotlib into $venv (once)"
    { python3 -m venv "$venv" && "$venv/bin/pip" install -q matplotlib; } >&2 \
      || { log "could not install matplotlib: the table only"; plot=false; }
  fi
  $plot && python=$venv/bin/python
fi

cluster_dir=""
cleanup() {
  [[ -z $cluster_dir ]] || "$root/e2e/cluster/cluster.sh" down --dir "$cluster_dir" >/dev/null 2>&1 || true
}
trap cleanup EXIT

status=0
for n in "${counts[@]}"; do
  k=${nodes:-$((1 + (7 * n + 99) / 100))}
  log "N=$n: a fresh control plane with $k node(s) and $((2 * n + 4)) volumes"
  cluster_dir=$(mktemp -d "${TMPDIR:-/tmp}/foreman-bench.XXXXXX")
  FOREMAN_SUITE_AUDIT_POLICY=$here/audit-policy.yaml FOREMAN_SUITE_VOLUMES=$((2 * n + 4)) \
    "$root/e2e/cluster/cluster.sh" up --dir "$cluster_dir/cluster" --nodes "$k" >/dev/null \
    || die "the control plane did not start"
  "$python" "$here/bench.py" run --cluster-dir "$cluster_dir/cluster" --n "$n" --nodes "$k" --jar "$jar" \
    --out "$out" --label "$label" --steady "$steady" --java-opts "$java_opts" || status=1
  "$root/e2e/cluster/cluster.sh" down --dir "$cluster_dir/cluster" >/dev/null 2>&1 || true
  rm -rf "$cluster_dir"
  cluster_dir=""
done

if $seed; then
  log "the Foreman seed example: a fresh control plane with ${nodes:-1} node(s)"
  cluster_dir=$(mktemp -d "${TMPDIR:-/tmp}/foreman-bench.XXXXXX")
  FOREMAN_SUITE_AUDIT_POLICY=$here/audit-policy.yaml FOREMAN_SUITE_VOLUMES=16 \
    "$root/e2e/cluster/cluster.sh" up --dir "$cluster_dir/cluster" --nodes "${nodes:-1}" >/dev/null \
    || die "the control plane did not start"
  "$python" "$here/bench.py" seed --cluster-dir "$cluster_dir/cluster" --out "$out" --label "$label" \
    --steady "$steady" --java-opts "$java_opts" --proxy-java-opts "$proxy_java_opts" || status=1
  "$root/e2e/cluster/cluster.sh" down --dir "$cluster_dir/cluster" >/dev/null 2>&1 || true
  rm -rf "$cluster_dir"
  cluster_dir=""
fi

args=(report --out "$out")
! $plot || args+=(--plot "$out/bench.png")
"$python" "$here/bench.py" "${args[@]}"
exit $status
