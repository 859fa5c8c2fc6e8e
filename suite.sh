#!/usr/bin/env bash
# Runs the operator suite locally: on the cluster of KUBECONFIG when it is set, else on the local
# control plane built from Kubernetes' Go modules (e2e/cluster). Installs the CRDs, applies the seed
# example, and starts the three operators as processes watching the namespace "foreman".
#   ./suite.sh up       start (idempotent) and print what runs
#   ./suite.sh status   the operators, the cluster and the suite's resources
#   ./suite.sh down     stop the operators, and the local cluster if this script started it
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
state=$root/.cluster
operators=(pulp-operator smart-proxy-operator foreman-operator)
namespace=${SUITE_NAMESPACE:-foreman}

log() { echo "suite: $*" >&2; }

kubectl_bin() { "$root/e2e/cluster/build.sh" | tail -n 1; }

use_cluster() {
  if [[ -n ${KUBECONFIG:-} ]]; then
    log "using the cluster of KUBECONFIG=$KUBECONFIG"
    return
  fi
  if ! "$root/e2e/cluster/cluster.sh" status --dir "$state/cluster" >/dev/null 2>&1; then
    "$root/e2e/cluster/cluster.sh" down --dir "$state/cluster" >/dev/null 2>&1 || true
    log "starting the local control plane in $state/cluster (the first run builds it: several minutes)"
    "$root/e2e/cluster/cluster.sh" up --dir "$state/cluster" >/dev/null
  fi
  export KUBECONFIG=$state/cluster/kubeconfig
}

jar_of() { local jar=$root/$1/target/$1.jar; [[ -f $jar ]] && echo "$jar"; }

build_jars() {
  for op in "${operators[@]}"; do
    if [[ -z $(jar_of "$op") ]]; then
      log "building the operators (mvn package)"
      (cd "$root" && mvn -B -q -DskipTests -DskipITs install)
      return
    fi
  done
}

start_operator() {
  local op=$1 pidfile=$state/pids/$1
  if [[ -f $pidfile ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    return
  fi
  mkdir -p "$state/pids" "$state/logs"
  : >"$state/logs/$op.log"
  WATCH_NAMESPACES=$namespace HTTP_PORT=0 KUBECONFIG=$KUBECONFIG \
    setsid java -jar "$(jar_of "$op")" >"$state/logs/$op.log" 2>&1 </dev/null &
  echo $! >"$pidfile"
  for _ in $(seq 1 60); do
    if grep -q "side port" "$state/logs/$op.log"; then
      log "$op running (pid $(cat "$pidfile"), $(grep -o 'side port [0-9]*' "$state/logs/$op.log"), log $state/logs/$op.log)"
      return
    fi
    if ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
      log "$op failed to start:"; cat "$state/logs/$op.log" >&2; return 1
    fi
    sleep 0.5
  done
  log "$op did not report its side port within 30 s; see $state/logs/$op.log"; return 1
}

cmd_up() {
  use_cluster
  build_jars
  local kubectl; kubectl=$(kubectl_bin)/kubectl
  "$kubectl" apply --server-side -f "$root/install/crds/" >/dev/null
  "$kubectl" wait --for condition=Established --timeout=60s -f "$root/install/crds/" >/dev/null
  "$kubectl" get namespace "$namespace" >/dev/null 2>&1 || "$kubectl" create namespace "$namespace" >/dev/null
  "$kubectl" apply -f "$root/samples/foreman-seed.yaml"
  for op in "${operators[@]}"; do start_operator "$op"; done
  cmd_status
  log "KUBECONFIG=$KUBECONFIG; stop with: ./suite.sh down"
}

cmd_status() {
  for op in "${operators[@]}"; do
    if [[ -f $state/pids/$op ]] && kill -0 "$(cat "$state/pids/$op")" 2>/dev/null; then
      echo "$op: running (pid $(cat "$state/pids/$op"))"
    else
      echo "$op: stopped"
    fi
  done
  [[ -n ${KUBECONFIG:-} ]] || export KUBECONFIG=$state/cluster/kubeconfig
  [[ -f $KUBECONFIG ]] && "$(kubectl_bin)/kubectl" get theforeman -n "$namespace" -o wide 2>/dev/null || true
}

cmd_down() {
  for op in "${operators[@]}"; do
    local pidfile=$state/pids/$op
    if [[ -f $pidfile ]]; then
      kill "$(cat "$pidfile")" 2>/dev/null || true
      rm -f "$pidfile"
    fi
  done
  if [[ -d $state/cluster ]]; then
    "$root/e2e/cluster/cluster.sh" down --dir "$state/cluster"
  fi
  log "stopped"
}

case ${1:-} in
  up) cmd_up ;;
  status) cmd_status ;;
  down) cmd_down ;;
  *) echo "usage: $0 up|status|down" >&2; exit 2 ;;
esac
