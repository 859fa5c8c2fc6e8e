#!/usr/bin/env bash
# Runs the operator suite locally: on the cluster of KUBECONFIG when it is set, else on the local
# control plane built from Kubernetes' Go modules (e2e/cluster). Installs the CRDs, starts the three
# operators as processes watching the namespace "foreman", applies the seed example and waits until
# every resource of the suite there is Ready, showing their conditions and pods while it waits.
#   ./suite.sh up       start (idempotent), wait for Ready, print what runs
#   ./suite.sh status   the operators, the cluster and the suite's resources
#   ./suite.sh down     stop the operators, and the local cluster if this script started it
# Settings: SUITE_NAMESPACE (default foreman), SUITE_READY_TIMEOUT seconds (default 300).
# The operators run outside the cluster, so they reach Foreman's API (status.internalUrl, a Service name)
# through the API server's port-forward: CLUSTER_ENDPOINTS=port-forward. On the local control plane
# nothing answers inside Foreman's fake web pods, so this script also runs the Foreman API stand-in of the
# tests (operator-common's test code) on 127.0.0.1 and has kwok forward port 3000 of the namespace's pods
# to it (a ClusterPortForward): the smart proxy and Pulp registrations then go where Foreman would be.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
state=$root/.cluster
operators=(pulp-operator smart-proxy-operator foreman-operator)
namespace=${SUITE_NAMESPACE:-foreman}
ready_timeout=${SUITE_READY_TIMEOUT:-300}
started_at=$(date +%s.%N)

if [[ -t 1 ]]; then bold=$'\e[1m' dim=$'\e[2m' reset=$'\e[0m' clear_line=$'\r\e[K'; else bold="" dim="" reset="" clear_line=""; fi

log() { echo "suite: $*"; }
die() { echo "suite: error: $*" >&2; exit 1; }
elapsed() { awk -v s="$started_at" -v n="$(date +%s.%N)" 'BEGIN { printf "%.1f", n - s }'; }

kubectl_bin() { "$root/e2e/cluster/build.sh" | tail -n 1; }
kc() { "$kubectl" "$@"; }

use_cluster() {
  if [[ -n ${KUBECONFIG:-} ]]; then
    log "using the cluster of KUBECONFIG=$KUBECONFIG"
    return
  fi
  if ! "$root/e2e/cluster/cluster.sh" status --dir "$state/cluster" >/dev/null 2>&1; then
    "$root/e2e/cluster/cluster.sh" down --dir "$state/cluster" >/dev/null 2>&1 || true
    log "starting the local control plane (the first run builds it from Go modules: several minutes)"
    "$root/e2e/cluster/cluster.sh" up --dir "$state/cluster" >/dev/null 2>"$state.up.log" \
      || { cat "$state.up.log" >&2; die "the local control plane did not start"; }
  fi
  export KUBECONFIG=$state/cluster/kubeconfig
  log "local control plane up after $(elapsed) s (kubeconfig $KUBECONFIG)"
}

jar_of() { local jar=$root/$1/target/$1.jar; [[ -f $jar ]] && echo "$jar"; }

build_jars() {
  for op in "${operators[@]}"; do
    if [[ -z $(jar_of "$op") ]]; then
      log "building the operators (mvn package, tests skipped; log $state/build.log)"
      (cd "$root" && mvn -B -q -Dstyle.color=never -DskipTests -P"!images" package >"$state/build.log" 2>&1) \
        || { tail -n 40 "$state/build.log" >&2; die "the build failed"; }
      return
    fi
  done
}

pid_of() { [[ -f $state/pids/$1 ]] && kill -0 "$(cat "$state/pids/$1")" 2>/dev/null && cat "$state/pids/$1"; }

# The JVM settings the benchmark validated and the install bundles carry (e2e/bench: the Smart Proxy
# operator keeps C2 for its RSA keys), with the jar's class-data archive when the build made one.
java_options() {
  local op=$1 jar options_file=$root/e2e/bench/jvm.options
  jar=$(jar_of "$op")
  [[ $op == smart-proxy-operator ]] && options_file=$root/e2e/bench/jvm-rsa.options
  local options; options=$(sed "s|{jar}|${jar%.jar}|g" "$options_file")
  [[ -f ${jar%.jar}.jsa ]] || options=$(sed 's/-XX:SharedArchiveFile=[^ ]*//' <<<"$options")
  echo "$options"
}

launch_operator() {
  local op=$1 logfile=$state/logs/$1.log
  pid_of "$op" >/dev/null && return
  mkdir -p "$state/pids" "$state/logs"
  : >"$logfile"
  # shellcheck disable=SC2046 # the options are words
  WATCH_NAMESPACES=$namespace HTTP_PORT=0 KUBECONFIG=$KUBECONFIG CLUSTER_ENDPOINTS=port-forward \
    setsid java $(java_options "$op") -jar "$(jar_of "$op")" >"$logfile" 2>&1 </dev/null &
  echo $! >"$state/pids/$op"
}

# The Foreman API stand-in, on the local control plane only (see the header).
local_plane() { [[ $KUBECONFIG == "$state/cluster/kubeconfig" ]]; }
launch_stand_in() {
  local_plane || return 0
  pid_of foreman-stand-in >/dev/null && return
  local port logfile=$state/logs/foreman-stand-in.log
  mkdir -p "$state/pids" "$state/logs"
  [[ -d $root/operator-common/target/test-classes ]] \
    || (cd "$root" && mvn -B -q -Dstyle.color=never -DskipTests -pl operator-common test-compile \
      >>"$state/build.log" 2>&1) || { tail -n 40 "$state/build.log" >&2; die "the build failed"; }
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  KUBECONFIG=$KUBECONFIG setsid java -Xmx128m \
    -cp "$root/operator-common/target/test-classes:$root/foreman-operator/target/lib/*" \
    org.theforeman.operator.common.foreman.ForemanStandInServer "$port" "$namespace" >"$logfile" 2>&1 </dev/null &
  echo $! >"$state/pids/foreman-stand-in"
  kc apply -f - >/dev/null <<EOF
apiVersion: kwok.x-k8s.io/v1alpha1
kind: ClusterPortForward
metadata: {name: suite-foreman-stand-in}
spec:
  selector: {matchNamespaces: [$namespace]}
  forwards:
  - ports: [3000]
    target: {address: 127.0.0.1, port: $port}
EOF
  log "Foreman API stand-in on 127.0.0.1:$port behind port 3000 of the pods of $namespace (log $logfile)"
}

await_operator() {
  local op=$1 logfile=$state/logs/$1.log
  for _ in $(seq 1 240); do
    grep -q "side port" "$logfile" && return
    if ! pid_of "$op" >/dev/null; then
      cat "$logfile" >&2
      die "$op failed to start (log $logfile)"
    fi
    sleep 0.25
  done
  die "$op did not report its side port within 60 s; see $logfile"
}

side_port() { grep -o 'side port [0-9]*' "$state/logs/$1.log" | head -n 1 | awk '{print $3}'; }

# One line per resource of the suite: kind/name, Ready, the reason and the components not ready yet.
view() {
  kc get foremen,smartproxies,pulps -n "$namespace" -o go-template --template '
{{- range .items -}}
{{ .kind }}/{{ .metadata.name }}
{{- $ready := "Unknown" }}{{ $reason := "" }}{{ $waiting := "" }}
{{- if .status }}{{ range .status.conditions }}
{{- if eq .type "Ready" }}{{ $ready = .status }}{{ $reason = .reason }}
{{- else if and (ne .status "True") (ne .type "Progressing") (ne .type "Degraded") }}{{ $waiting = printf "%s %s" $waiting .type }}{{ end }}
{{- end }}{{ end }}
{{- printf " Ready=%s" $ready }}{{ if $reason }} ({{ $reason }}){{ end }}{{ if $waiting }} waiting:{{ $waiting }}{{ end }}
{{ end }}' 2>/dev/null
}

pods_line() {
  kc get pods -n "$namespace" --no-headers 2>/dev/null \
    | awk '{ split($2, r, "/"); total++; if (r[1] == r[2] && $3 == "Running") ready++ } END { printf "pods ready %d/%d", ready, total }'
}

all_ready() {
  local lines; lines=$(view)
  [[ -n $lines ]] && ! grep -qv "Ready=True" <<<"$lines"
}

wait_ready() {
  local deadline=$(( $(date +%s) + ready_timeout )) last="" shown=0
  while :; do
    local now; now="$(view)"$'\n'"$(pods_line)"
    if [[ -n $clear_line ]]; then
      # Redraw the view in place on a terminal.
      ((shown)) && printf '\e[%dA' "$shown"
      shown=0
      while IFS= read -r line; do printf '%s  %s%s%s\n' "$clear_line" "$dim" "$line" "$reset"; shown=$((shown + 1)); done <<<"$now"
    elif [[ $now != "$last" ]]; then
      printf '%s\n' "$now" | sed "s/^/  [$(elapsed) s] /"
    fi
    last=$now
    all_ready && return 0
    (( $(date +%s) < deadline )) || return 1
    sleep 1
  done
}

cmd_up() {
  mkdir -p "$state"
  use_cluster
  kubectl=$(kubectl_bin)/kubectl
  build_jars
  kc apply --server-side -f "$root/install/crds/" >/dev/null
  kc wait --for condition=Established --timeout=60s -f "$root/install/crds/" >/dev/null
  kc get namespace "$namespace" >/dev/null 2>&1 || kc create namespace "$namespace" >/dev/null
  # The three JVMs start side by side; each is ready once it logs its side port.
  launch_stand_in
  for op in "${operators[@]}"; do launch_operator "$op"; done
  for op in "${operators[@]}"; do await_operator "$op"; done
  log "operators running after $(elapsed) s: $(for op in "${operators[@]}"; do printf '%s (pid %s, side port %s) ' "$op" "$(pid_of "$op")" "$(side_port "$op")"; done)"
  kc apply -f "$root/samples/foreman-seed.yaml" >/dev/null
  log "applied samples/foreman-seed.yaml after $(elapsed) s; waiting for Ready (up to ${ready_timeout} s):"
  if wait_ready; then
    log "${bold}Ready${reset} after $(elapsed) s"
    summary
  else
    summary
    die "not Ready after ${ready_timeout} s; the operators' logs are in $state/logs"
  fi
}

summary() {
  cat <<EOF
suite: what runs: the three operators (logs in $state/logs), watching namespace $namespace,
suite:   reaching in-cluster endpoints through port-forwards (CLUSTER_ENDPOINTS=port-forward)
suite: kubeconfig: $KUBECONFIG
suite: look:  KUBECONFIG=$KUBECONFIG $kubectl get theforeman -n $namespace
suite: stop:  ./suite.sh down
EOF
}

cmd_status() {
  for op in "${operators[@]}"; do
    if pid_of "$op" >/dev/null; then
      echo "$op: running (pid $(pid_of "$op"), side port $(side_port "$op"))"
    else
      echo "$op: stopped"
    fi
  done
  [[ -n ${KUBECONFIG:-} ]] || export KUBECONFIG=$state/cluster/kubeconfig
  if [[ -f $KUBECONFIG ]]; then
    kubectl=$(kubectl_bin)/kubectl
    view
    pods_line; echo
  fi
}

cmd_down() {
  for op in "${operators[@]}" foreman-stand-in; do
    local pidfile=$state/pids/$op
    if [[ -f $pidfile ]]; then
      local pid; pid=$(cat "$pidfile")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
      kill -9 "$pid" 2>/dev/null || true
      rm -f "$pidfile"
    fi
  done
  if [[ -d $state/cluster ]]; then
    "$root/e2e/cluster/cluster.sh" down --dir "$state/cluster" 2>/dev/null
  fi
  log "stopped"
}

case ${1:-} in
  up) cmd_up ;;
  status) cmd_status ;;
  down) cmd_down ;;
  *) echo "usage: $0 up|status|down" >&2; exit 2 ;;
esac
