#!/usr/bin/env bash
# Runs a throw-away Kubernetes control plane on 127.0.0.1 for the end-to-end tests: etcd,
# kube-apiserver (TLS, client certificates, Node+RBAC authorization, ServiceAccount tokens),
# kube-controller-manager, kube-scheduler and kwok, which plays the kubelet of N fake nodes.
# The binaries come from build.sh (built once from the Go modules pinned next to this script).
#
#   cluster.sh up [--dir DIR] [--nodes N] [--keep]  start; prints the kubeconfig path on stdout
#   cluster.sh down [--dir DIR] [--keep]            stop every process of DIR, then remove DIR
#   cluster.sh status [--dir DIR]                   exit 0 only if every component is up
#   cluster.sh kubeconfig [--dir DIR]               print the kubeconfig path
#   cluster.sh restart COMPONENT [--dir DIR]        stop one component and start it again on its ports
#
# Without --dir, down/status/kubeconfig use $CLUSTER_DIR. up without --dir creates a fresh
# directory under ${TMPDIR:-/tmp}. --keep keeps DIR (with its logs) after down or a failed up.
# Progress goes to stderr; stdout carries only the result.
# DIR holds: kubeconfig (admin), env (sourceable: KUBECONFIG, ports), pki/, logs/<name>.log,
# pids/<name> and the etcd data. Every process runs in its own session (setsid), so down can
# stop it together with anything it might have spawned by signalling its process group.
# Opt-in audit log: FOREMAN_SUITE_AUDIT_POLICY=FILE (an audit.k8s.io/v1 Policy) makes up copy FILE to
# DIR/run/audit-policy.yaml and kube-apiserver write JSON lines to DIR/logs/audit.log (AUDIT_LOG in
# DIR/env); restart keeps it. Unset (the default), nothing is audited.
# Opt-in: FOREMAN_SUITE_KCM_QPS=Q gives each controller of kube-controller-manager a client rate of Q
# requests/s (burst 1.5 Q) instead of the default 20 (burst 30), for the benchmark to show that limit.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
readonly here
readonly components=(etcd kube-apiserver kube-controller-manager kube-scheduler kwok)
readonly marker=.foreman-suite-cluster # written into DIR by up; down only deletes such dirs
readonly sa_issuer=https://kubernetes.default.svc.cluster.local
readonly service_cidr=10.96.0.0/16 # its first address, 10.96.0.1, is the kubernetes Service
readonly pod_cidr=10.244.0.0/16    # node i gets 10.244.i.0/24, so pod IPs differ per node

log() { echo "cluster.sh: $*" >&2; }
die() { log "error: $*"; exit 1; }
usage() { sed -n '7,15s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2; exit 2; }

# ---------------------------------------------------------------- arguments

cmd=${1:-}
[[ -n $cmd ]] || usage
shift
component=""
if [[ $cmd == restart ]]; then
  component=${1:-}
  [[ -n $component && $component != -* ]] || die "restart needs a component: ${components[*]}"
  shift
fi
keep_ports=false
dir=""
nodes=3
keep=false
while (($#)); do
  case $1 in
    --dir) dir=${2:?--dir needs a value}; shift 2 ;;
    --dir=*) dir=${1#--dir=}; shift ;;
    --nodes) nodes=${2:?--nodes needs a value}; shift 2 ;;
    --nodes=*) nodes=${1#--nodes=}; shift ;;
    --keep) keep=true; shift ;;
    -h | --help) usage ;;
    *) die "unknown argument: $1" ;;
  esac
done

# Makes $dir absolute; for the commands acting on an existing cluster it falls back to $CLUSTER_DIR.
resolve_dir() {
  if [[ -z $dir ]]; then
    dir=${CLUSTER_DIR:-}
    [[ -n $dir ]] || die "$cmd: no cluster directory: pass --dir DIR or set CLUSTER_DIR"
  fi
  [[ $dir == /* ]] || dir="$PWD/$dir"
  dir=${dir%/}
}

# ---------------------------------------------------------------- small helpers

pid_of() { cat "$dir/pids/$1" 2>/dev/null || true; }

# True if the process recorded for component $1 is alive and really ours: a pid can be reused
# after a reboot or a crash, so also check that its command line mentions our directory.
alive() {
  local pid
  pid=$(pid_of "$1")
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null &&
    [[ $(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) == *"$dir/"* ]]
}

# Loads the ports of a running cluster (written by up).
load_env() {
  [[ -f $dir/env ]] || return 1
  # shellcheck source=/dev/null
  source "$dir/env"
}

# curl against the apiserver as the admin user: api METHOD PATH [JSON-BODY]
api() {
  local args=(-sS --fail-with-body --max-time 10 --cacert "$dir/pki/ca.crt"
    --cert "$dir/pki/admin.crt" --key "$dir/pki/admin.key" -X "$1")
  [[ $# -lt 3 ]] || args+=(-H 'Content-Type: application/json' --data-binary "$3")
  curl "${args[@]}" "https://127.0.0.1:$APISERVER_PORT$2"
}

# Health of one component, answered by its own endpoint (all bound to 127.0.0.1).
# kube-controller-manager and kube-scheduler serve /healthz with a certificate they generate
# themselves, hence -k for those two loopback probes only.
healthy() {
  case $1 in
    etcd) [[ $(curl -fsS --max-time 2 "http://127.0.0.1:$ETCD_PORT/health" 2>/dev/null) == *'"health":"true"'* ]] ;;
    kube-apiserver) [[ $(api GET /readyz 2>/dev/null) == ok ]] ;;
    kube-controller-manager) [[ $(curl -ksS --max-time 2 "https://127.0.0.1:$KCM_PORT/healthz" 2>/dev/null) == ok ]] ;;
    kube-scheduler) [[ $(curl -ksS --max-time 2 "https://127.0.0.1:$SCHEDULER_PORT/healthz" 2>/dev/null) == ok ]] ;;
    kwok) [[ $(curl -fsS --max-time 2 "http://127.0.0.1:$KWOK_PORT/healthz" 2>/dev/null) == ok ]] ;;
  esac
}

# True if process $1 holds the listening socket of 127.0.0.1:$2. After a lost race for a port the
# health probe could be answered by someone else's server (etcd, say, of a cluster started at the
# same moment); this makes sure the answer comes from our process.
listens_on() {
  local inode
  inode=$(awk -v a="$(printf '0100007F:%04X' "$2")" '$2 == a && $4 == "0A" { print $10; exit }' /proc/net/tcp)
  [[ -n $inode && -n $(find "/proc/$1/fd" -lname "socket:\[$inode\]" -print -quit 2>/dev/null) ]]
}

# The port each component's health is probed on.
main_port() {
  case $1 in
    etcd) echo "$ETCD_PORT" ;;
    kube-apiserver) echo "$APISERVER_PORT" ;;
    kube-controller-manager) echo "$KCM_PORT" ;;
    kube-scheduler) echo "$SCHEDULER_PORT" ;;
    kwok) echo "$KWOK_PORT" ;;
  esac
}

# Prints $1 free TCP ports of 127.0.0.1. They are taken below the kernel's ephemeral range, so
# the outgoing connections of the components themselves (which get ephemeral source ports) cannot
# grab one before its server binds it; each candidate is checked with a real bind. Another
# process can still take a port before our server binds it: start_component retries then.
free_ports() {
  python3 - "$1" <<'EOF'
import random, socket, sys
wanted = int(sys.argv[1])
with open("/proc/sys/net/ipv4/ip_local_port_range") as f:
    ephemeral_low = int(f.read().split()[0])
candidates = list(range(10000, ephemeral_low)) if ephemeral_low > 12000 else []
random.shuffle(candidates)
found = []
def try_port(port):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        s.bind(("127.0.0.1", port))
        return s.getsockname()[1]
    except OSError:
        return None
    finally:
        s.close()
for port in candidates:
    if len(found) == wanted:
        break
    if try_port(port):
        found.append(port)
while len(found) < wanted:  # odd kernel setting: let the kernel pick
    port = try_port(0)
    if port and port not in found:
        found.append(port)
print(" ".join(map(str, found)))
EOF
}

# ---------------------------------------------------------------- certificates

# The cluster CA signs every certificate but the front proxy's (own CA, below).
# The admin key is RSA 2048: the fabric8 Java client reads a PKCS#8 kubeconfig key as RSA unless
# told otherwise, and fails on ECDSA ("Invalid DER: object is not integer"). Every other key is
# read only by the Go components and is ECDSA P-256, which is instant to generate, where RSA
# costs 0.1-0.5 s a key (checked: fabric8 works with the ECDSA CA and apiserver certificate).
new_key() {
  if [[ $1 == */admin.key ]]; then
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$1" 2>/dev/null
  else
    openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null
  fi
}

# sign NAME SUBJECT EXTENSIONS [CA]: writes pki/NAME.key and pki/NAME.crt signed by pki/CA.crt
# (default: the cluster CA, "ca").
sign() {
  local pki=$dir/pki ca=${4:-ca}
  openssl req -new -key "$pki/$1.key" -subj "$2" 2>/dev/null |
    openssl x509 -req -CA "$pki/$ca.crt" -CAkey "$pki/$ca.key" -set_serial "0x$(openssl rand -hex 16)" \
      -days 3650 -sha256 -out "$pki/$1.crt" -extfile <(printf '%s\n' "$3") 2>/dev/null
}

# All keys at once, in parallel (the RSA one takes the longest).
make_keys() {
  local name pids=() pid
  for name in "$@"; do
    new_key "$dir/pki/$name.key" &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid" || die "openssl could not generate a key"; done
}

make_pki() {
  local pki=$dir/pki client
  mkdir -p "$pki"
  chmod 700 "$pki"
  make_keys ca kube-apiserver admin kube-controller-manager kube-scheduler kwok \
    front-proxy-ca front-proxy-client sa
  openssl req -x509 -new -key "$pki/ca.key" -subj "/CN=foreman-suite-e2e-ca" -days 3650 -sha256 \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -out "$pki/ca.crt" 2>/dev/null
  sign kube-apiserver "/CN=kube-apiserver" "basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
subjectAltName=IP:127.0.0.1,IP:10.96.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local"
  client="basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=clientAuth"
  # Each component has its own certificate, so its requests are attributed to it in the logs.
  # The scheduler's identity is the one the bootstrap RBAC policy grants exactly its rights to.
  # The controller-manager's is too, but that role covers only its own bootstrap: it expects
  # every controller to call the API as its own ServiceAccount (--use-service-account-credentials),
  # which costs about 4.5 s of each up (a TokenRequest per controller, measured: ~10 s instead
  # of ~5.5 s) and tests nothing of the operators. So it is in system:masters instead.
  # kwok has no bootstrap role at all: it acts as the kubelet of every fake node (node and pod
  # status, leases, deleting pods), while the Node authorizer would confine a system:node:<name>
  # identity to one node; so it is in system:masters too. RBAC still applies to everyone else.
  sign admin "/O=system:masters/CN=admin" "$client"
  sign kube-controller-manager "/O=system:masters/CN=system:kube-controller-manager" "$client"
  sign kube-scheduler "/CN=system:kube-scheduler" "$client"
  sign kwok "/O=system:masters/CN=kwok" "$client"
  # The front proxy (request-header authentication) has a CA of its own, as in kubeadm: the
  # apiserver trusts X-Remote-User headers only from the front-proxy-client certificate. It is
  # what aggregated API servers authenticate the apiserver with, and the controller-manager and
  # the scheduler expect its CA in the extension-apiserver-authentication ConfigMap.
  openssl req -x509 -new -key "$pki/front-proxy-ca.key" -subj "/CN=foreman-suite-e2e-front-proxy-ca" \
    -days 3650 -sha256 -addext "basicConstraints=critical,CA:TRUE" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" -out "$pki/front-proxy-ca.crt" 2>/dev/null
  sign front-proxy-client "/CN=front-proxy-client" "$client" front-proxy-ca
  # ServiceAccount tokens: the apiserver signs with the private key and verifies with the public
  # one; the controller-manager gets the private key for legacy token Secrets.
  openssl pkey -in "$pki/sa.key" -pubout -out "$pki/sa.pub" 2>/dev/null
}

# write_kubeconfig FILE USER: a kubeconfig for USER's certificate, everything embedded.
write_kubeconfig() {
  local b64='base64 -w0'
  cat >"$1" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: e2e
  cluster:
    server: https://127.0.0.1:$APISERVER_PORT
    certificate-authority-data: $($b64 <"$dir/pki/ca.crt")
users:
- name: $2
  user:
    client-certificate-data: $($b64 <"$dir/pki/$2.crt")
    client-key-data: $($b64 <"$dir/pki/$2.key")
contexts:
- name: e2e
  context:
    cluster: e2e
    user: $2
    namespace: default
current-context: e2e
EOF
  chmod 600 "$1"
}

# ---------------------------------------------------------------- components

# Per component: pick_ports_<c> chooses its ports, args_<c> prints its command line (one word a
# line). Everything listens on 127.0.0.1 only.

pick_ports_etcd() { read -r ETCD_PORT ETCD_PEER_PORT < <(free_ports 2); }
args_etcd() {
  local client=http://127.0.0.1:$ETCD_PORT peer=http://127.0.0.1:$ETCD_PEER_PORT
  printf '%s\n' "$bin/etcd" --name=e2e --data-dir="$dir/etcd" \
    --listen-client-urls="$client" --advertise-client-urls="$client" \
    --listen-peer-urls="$peer" --initial-advertise-peer-urls="$peer" \
    --initial-cluster="e2e=$peer" --initial-cluster-state=new \
    --unsafe-no-fsync=true --log-level=warn
  # --unsafe-no-fsync: the data is thrown away after the run; fsync would only slow the tests.
  # etcd speaks plain HTTP, but only on 127.0.0.1 and only the apiserver is configured to use it.
}

pick_ports_kube_apiserver() { read -r APISERVER_PORT < <(free_ports 1); }
args_kube_apiserver() {
  local pki=$dir/pki
  printf '%s\n' "$bin/kube-apiserver" \
    --bind-address=127.0.0.1 --advertise-address=127.0.0.1 --secure-port="$APISERVER_PORT" \
    --etcd-servers="http://127.0.0.1:$ETCD_PORT" --etcd-prefix=/registry \
    --tls-cert-file="$pki/kube-apiserver.crt" --tls-private-key-file="$pki/kube-apiserver.key" \
    --client-ca-file="$pki/ca.crt" --cert-dir="$dir/run/kube-apiserver" \
    --requestheader-client-ca-file="$pki/front-proxy-ca.crt" --requestheader-allowed-names=front-proxy-client \
    --requestheader-username-headers=X-Remote-User --requestheader-group-headers=X-Remote-Group \
    --requestheader-extra-headers-prefix=X-Remote-Extra- \
    --proxy-client-cert-file="$pki/front-proxy-client.crt" --proxy-client-key-file="$pki/front-proxy-client.key" \
    --authorization-mode=Node,RBAC --enable-admission-plugins=NodeRestriction \
    --kubelet-preferred-address-types=InternalIP \
    --service-account-issuer="$sa_issuer" --api-audiences="$sa_issuer" \
    --service-account-key-file="$pki/sa.pub" --service-account-signing-key-file="$pki/sa.key" \
    --service-cluster-ip-range="$service_cidr" --allow-privileged=true \
    --endpoint-reconciler-type=none --profiling=false
  if [[ -f $dir/run/audit-policy.yaml ]]; then
    # Blocking mode: an event is written before the response, so a reader that saw the response finds it.
    printf '%s\n' --audit-policy-file="$dir/run/audit-policy.yaml" --audit-log-path="$dir/logs/audit.log" \
      --audit-log-format=json --audit-log-mode=blocking --audit-log-maxsize=0
  fi
  # --endpoint-reconciler-type=none: with a reconciler the apiserver refuses to start ("cannot use
  # public IP 127.0.0.1 with endpoint reconciler": it would publish a loopback address as the
  # endpoint of the kubernetes Service). No pod here really connects to that Service anyway.
}

pick_ports_kube_controller_manager() { read -r KCM_PORT < <(free_ports 1); }
args_kube_controller_manager() {
  local pki=$dir/pki kc=$dir/run/kube-controller-manager.kubeconfig
  printf '%s\n' "$bin/kube-controller-manager" \
    --kubeconfig="$kc" --authentication-kubeconfig="$kc" --authorization-kubeconfig="$kc" \
    --bind-address=127.0.0.1 --secure-port="$KCM_PORT" --cert-dir="$dir/run/kube-controller-manager" \
    --leader-elect=false --controllers='*' --node-monitor-period=1s \
    --use-service-account-credentials=false \
    --root-ca-file="$pki/ca.crt" --service-account-private-key-file="$pki/sa.key" \
    --cluster-signing-cert-file="$pki/ca.crt" --cluster-signing-key-file="$pki/ca.key" \
    --profiling=false
  # Opt-in (the benchmark): the client rate of each controller, default 20 requests/s (burst 30).
  if [[ -n ${FOREMAN_SUITE_KCM_QPS:-} ]]; then
    printf '%s\n' --kube-api-qps="$FOREMAN_SUITE_KCM_QPS" --kube-api-burst="$((FOREMAN_SUITE_KCM_QPS * 3 / 2))"
  fi
  # --use-service-account-credentials=false: see make_pki. With =true (as kubeadm does) and the
  # certificate outside system:masters, the controllers run as their own ServiceAccounts; without
  # system:masters, =false alone fails (forbidden; nodes keep their not-ready taint).
  # --root-ca-file: published as the kube-root-ca.crt ConfigMap in every namespace.
  # --cluster-signing-*: lets CertificateSigningRequests be signed by the cluster CA.
  # --node-monitor-period=1s (default 5s): new nodes carry the not-ready taint until the node
  # lifecycle controller sees them Ready; checking every second makes fresh nodes usable sooner.
}

pick_ports_kube_scheduler() { read -r SCHEDULER_PORT < <(free_ports 1); }
args_kube_scheduler() {
  local kc=$dir/run/kube-scheduler.kubeconfig
  printf '%s\n' "$bin/kube-scheduler" \
    --kubeconfig="$kc" --authentication-kubeconfig="$kc" --authorization-kubeconfig="$kc" \
    --bind-address=127.0.0.1 --secure-port="$SCHEDULER_PORT" --cert-dir="$dir/run/kube-scheduler" \
    --leader-elect=false --profiling=false
}

pick_ports_kwok() { read -r KWOK_PORT < <(free_ports 1); }
args_kwok() {
  printf '%s\n' "$bin/kwok" \
    --kubeconfig="$dir/run/kwok.kubeconfig" --config="$dir/run/kwok-stages.yaml" \
    --manage-all-nodes=false --manage-nodes-with-annotation-selector=kwok.x-k8s.io/node=fake \
    --node-lease-duration-seconds=40 --cidr="$pod_cidr" --node-ip=10.88.0.1 \
    --server-address="127.0.0.1:$KWOK_PORT" --enable-crds=ClusterPortForward
  # --server-address: kwok's own server: /healthz, and the kubelet API of every fake node (HTTPS with a
  # certificate of its own, which the apiserver does not verify without --kubelet-certificate-authority).
  # Without it kwok opens no port; with only --node-port it would listen on 0.0.0.0.
  # --enable-crds=ClusterPortForward: a test answers a fake pod's port-forward by creating a
  # ClusterPortForward (kwok.x-k8s.io/v1alpha1) that sends it to a local address (a stand-in server).
}

# Sends signal $2 to the process group of component $1; no-op if it is not running.
signal_component() {
  local pid
  alive "$1" || return 0
  pid=$(pid_of "$1")
  kill -"$2" -- "-$pid" 2>/dev/null || kill -"$2" "$pid" 2>/dev/null || true
}

# True when no live process is left in the session of component $1 (each component leads its
# own session). Zombies do not count: they hold no port and vanish once their parent reaps them.
# Reads /proc directly: slim images often lack ps.
group_gone() {
  local pid stat line state sid
  pid=$(pid_of "$1")
  [[ -z $pid ]] && return 0
  for stat in /proc/[0-9]*/stat; do
    read -r line 2>/dev/null <"$stat" || continue
    # after "pid (comm) " come: state ppid pgrp session ...
    read -r state _ _ sid _ <<<"${line##*) }"
    [[ $sid != "$pid" || $state == Z ]] || return 1
  done
  return 0
}

# stop_components TIMEOUT NAME...: SIGTERM to their process groups, up to TIMEOUT seconds of
# grace, then SIGKILL to whatever is left.
stop_components() {
  local timeout=$1 c left
  shift
  local deadline=$((SECONDS + timeout))
  for c in "$@"; do signal_component "$c" TERM; done
  while :; do
    left=()
    for c in "$@"; do group_gone "$c" || left+=("$c"); done
    ((${#left[@]})) || return 0
    if ((SECONDS >= deadline)); then
      log "still running after ${timeout} s, killing: ${left[*]}"
      for c in "${left[@]}"; do signal_component "$c" KILL; done
      sleep 0.5
      return 0
    fi
    sleep 0.1
  done
}

# Stops every component of $dir. etcd goes last: an apiserver that loses etcd while shutting
# down waits for it (to drop its lease) until the grace period runs out.
stop_all() {
  stop_components 10 kwok kube-scheduler kube-controller-manager kube-apiserver
  stop_components 10 etcd
  rm -f "$dir"/pids/* 2>/dev/null || true
}

tail_log() {
  [[ -f $dir/logs/$1.log ]] || return 0
  log "----- last lines of $dir/logs/$1.log -----"
  tail -n "${2:-40}" "$dir/logs/$1.log" >&2
  log "-----"
}

# start_component NAME TIMEOUT: starts NAME in its own session and waits until it is healthy.
# If it exits because its port was taken in the meantime, picks new ports and tries again.
start_component() {
  local name=$1 timeout=$2 fn=${1//-/_} attempt pid deadline argv
  blame=$name
  for attempt in 1 2 3; do
    # A restart keeps the ports the others know the component by.
    $keep_ports || "pick_ports_$fn"
    mapfile -t argv < <("args_$fn")
    : >"$dir/logs/$name.log"
    # Not a job-control shell, so the background child is no group leader and setsid makes it
    # a session (and process group) leader without forking: $! is the component itself.
    setsid "${argv[@]}" </dev/null >>"$dir/logs/$name.log" 2>&1 &
    pid=$!
    echo "$pid" >"$dir/pids/$name"
    deadline=$((SECONDS + timeout))
    while ! { healthy "$name" && listens_on "$pid" "$(main_port "$name")"; }; do
      if ! kill -0 "$pid" 2>/dev/null; then
        if ! $keep_ports && grep -q 'address already in use' "$dir/logs/$name.log" && ((attempt < 3)); then
          log "$name: port taken meanwhile, retrying with other ports"
          [[ $name != etcd ]] || rm -rf "$dir/etcd"
          continue 2
        fi
        die "$name exited during startup"
      fi
      ((SECONDS < deadline)) || die "$name not healthy after ${timeout}s"
      sleep 0.2
    done
    log "$name is up (pid $pid)"
    return 0
  done
}

# ---------------------------------------------------------------- cluster content

# The fake nodes: kwok manages exactly the nodes with the kwok.x-k8s.io/node=fake annotation.
# Status (capacity, addresses) can be given on creation for Nodes; kwok's node-ready stage keeps it.
# Every node's kubelet is the one kwok process on 127.0.0.1:$KWOK_PORT (address and daemonEndpoints):
# the apiserver proxies a pod's port-forward there, and kwok answers it as a ClusterPortForward says.
create_nodes() {
  local i name out
  blame=kube-apiserver
  for ((i = 0; i < nodes; i++)); do
    name=kwok-node-$i
    out=$(api POST /api/v1/nodes "$(
      cat <<EOF
{"apiVersion": "v1", "kind": "Node",
 "metadata": {"name": "$name",
   "annotations": {"kwok.x-k8s.io/node": "fake", "node.alpha.kubernetes.io/ttl": "0"},
   "labels": {"kubernetes.io/hostname": "$name", "kubernetes.io/os": "linux",
              "kubernetes.io/arch": "amd64", "type": "kwok"}},
 "spec": {"podCIDR": "10.244.$i.0/24", "podCIDRs": ["10.244.$i.0/24"]},
 "status": {
   "capacity": {"cpu": "32", "memory": "256Gi", "pods": "110"},
   "allocatable": {"cpu": "32", "memory": "256Gi", "pods": "110"},
   "addresses": [{"type": "InternalIP", "address": "127.0.0.1"},
                 {"type": "Hostname", "address": "$name"}],
   "daemonEndpoints": {"kubeletEndpoint": {"Port": $KWOK_PORT}}}}
EOF
    )") || die "could not create node $name: $out"
  done
}

# kwok's ClusterPortForward API, which kwok watches (--enable-crds) but does not install: a schema-less
# CRD is enough, kwok decodes the objects itself. Established before kwok starts, or its watch fails.
readonly port_forward_crd=clusterportforwards.kwok.x-k8s.io
create_port_forward_crd() {
  local out
  blame=kube-apiserver
  out=$(api POST /apis/apiextensions.k8s.io/v1/customresourcedefinitions '{"apiVersion": "apiextensions.k8s.io/v1",
 "kind": "CustomResourceDefinition", "metadata": {"name": "'"$port_forward_crd"'"},
 "spec": {"group": "kwok.x-k8s.io", "scope": "Cluster",
  "names": {"kind": "ClusterPortForward", "listKind": "ClusterPortForwardList",
            "plural": "clusterportforwards", "singular": "clusterportforward"},
  "versions": [{"name": "v1alpha1", "served": true, "storage": true, "subresources": {"status": {}},
                "schema": {"openAPIV3Schema": {"type": "object", "x-kubernetes-preserve-unknown-fields": true}}}]}}') \
    || die "could not create the ClusterPortForward CRD: $out"
  wait_until 30 "the ClusterPortForward CRD" port_forward_crd_established
}
port_forward_crd_established() {
  api GET "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/$port_forward_crd" 2>/dev/null |
    python3 -c 'import json, sys
sys.exit(0 if any(c["type"] == "Established" and c["status"] == "True"
                  for c in json.load(sys.stdin).get("status", {}).get("conditions", [])) else 1)'
}

# A pool of pre-provisioned PersistentVolumes without a class: there is no storage provisioner on fake
# nodes, so the controller-manager's binder gives each claim (of no class) one of these. Volumes
# released by a deleted claim are not recycled; the pool is sized for a test run.
readonly volume_pool_size=${FOREMAN_SUITE_VOLUMES:-80}
create_volume_pool() {
  local i out
  blame=kube-apiserver
  for ((i = 0; i < volume_pool_size; i++)); do
    out=$(api POST /api/v1/persistentvolumes "{\"apiVersion\": \"v1\", \"kind\": \"PersistentVolume\",
 \"metadata\": {\"name\": \"pool-volume-$i\", \"labels\": {\"e2e.theforeman.org/pool\": \"true\"}},
 \"spec\": {\"capacity\": {\"storage\": \"1Ti\"},
          \"accessModes\": [\"ReadWriteOnce\", \"ReadWriteMany\"],
          \"persistentVolumeReclaimPolicy\": \"Retain\", \"storageClassName\": \"\",
          \"hostPath\": {\"path\": \"$dir/volumes/pool-volume-$i\", \"type\": \"DirectoryOrCreate\"}}}") \
      || die "could not create volume pool-volume-$i: $out"
  done
}

# Number of fake nodes that are Ready and carry no not-ready/unreachable taint (the node
# lifecycle controller removes those a few seconds after Ready; until then nothing schedules).
ready_nodes() {
  api GET '/api/v1/nodes?labelSelector=type%3Dkwok' 2>/dev/null | python3 -c '
import json, sys
n = 0
for node in json.load(sys.stdin)["items"]:
    ready = any(c["type"] == "Ready" and c["status"] == "True" for c in node.get("status", {}).get("conditions", []))
    tainted = any(t["key"] in ("node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable")
                  for t in node.get("spec", {}).get("taints", []))
    n += ready and not tainted
print(n)' 2>/dev/null || echo 0
}

wait_until() { # wait_until TIMEOUT WHAT COMMAND...: polls COMMAND until it succeeds
  local timeout=$1 what=$2 deadline=$((SECONDS + $1))
  shift 2
  until "$@"; do
    ((SECONDS < deadline)) || die "timed out after ${timeout}s waiting for $what"
    sleep 0.25
  done
}

all_nodes_ready() { (($(ready_nodes) >= nodes)); }
default_sa_exists() { api GET /api/v1/namespaces/default/serviceaccounts/default >/dev/null 2>&1; }

# ---------------------------------------------------------------- commands

# On a failed up: show the log of the component(s) named in $blame, stop everything, clean up.
up_cleanup() {
  local rc=$? c
  trap - EXIT INT TERM
  ((rc != 0)) || return 0
  for c in ${blame:-}; do tail_log "$c"; done
  log "up failed; stopping what was started"
  stop_all
  if $keep; then
    log "kept $dir for inspection (--keep)"
  elif [[ -f $dir/$marker ]]; then
    rm -rf "$dir"
  fi
  exit "$rc"
}

cmd_up() {
  local start=$SECONDS c
  [[ $nodes =~ ^[0-9]+$ ]] && ((nodes >= 1 && nodes <= 200)) || die "--nodes must be 1..200"
  for c in openssl curl python3 setsid base64 awk find; do
    command -v "$c" >/dev/null || die "$c is required (Debian: apt-get install openssl curl python3 util-linux coreutils mawk findutils)"
  done

  bin=$("$here/build.sh" | tail -n 1) || die "build.sh failed"
  [[ -x $bin/kube-apiserver ]] || die "build.sh did not print a usable bin directory ($bin)"

  if [[ -z $dir ]]; then
    dir=$(mktemp -d "${TMPDIR:-/tmp}/foreman-suite-cluster.XXXXXX")
  else
    [[ $dir == /* ]] || dir="$PWD/$dir"
    dir=${dir%/}
    if [[ -e $dir ]] && [[ -n $(ls -A "$dir") ]]; then
      die "$dir is not empty (run 'cluster.sh down --dir $dir' first, or pick another directory)"
    fi
    mkdir -p "$dir"
  fi
  touch "$dir/$marker"
  blame=""
  trap up_cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  mkdir -p "$dir/logs" "$dir/pids" "$dir/run"
  log "starting a control plane in $dir"

  make_pki
  cp "$here/kwok-stages.yaml" "$dir/run/kwok-stages.yaml"
  if [[ -n ${FOREMAN_SUITE_AUDIT_POLICY:-} ]]; then
    [[ -f $FOREMAN_SUITE_AUDIT_POLICY ]] || die "FOREMAN_SUITE_AUDIT_POLICY: no such file: $FOREMAN_SUITE_AUDIT_POLICY"
    cp "$FOREMAN_SUITE_AUDIT_POLICY" "$dir/run/audit-policy.yaml"
    log "auditing to $dir/logs/audit.log (policy $FOREMAN_SUITE_AUDIT_POLICY)"
  fi

  start_component etcd 60
  start_component kube-apiserver 120
  write_kubeconfig "$dir/kubeconfig" admin
  for c in kube-controller-manager kube-scheduler kwok; do
    write_kubeconfig "$dir/run/$c.kubeconfig" "$c"
  done
  start_component kube-controller-manager 60
  start_component kube-scheduler 60
  create_port_forward_crd
  start_component kwok 60
  write_env

  create_nodes
  create_volume_pool
  blame="kwok kube-controller-manager" # kwok reports Ready, the controller-manager lifts the taint
  wait_until 90 "$nodes Ready node(s)" all_nodes_ready
  blame=kube-controller-manager
  wait_until 60 "the default ServiceAccount" default_sa_exists
  blame=""

  trap - EXIT INT TERM
  log "cluster up in $((SECONDS - start)) s with $nodes node(s); stop it with: $0 down --dir $dir"
  echo "$dir/kubeconfig"
}

# DIR/env: sourceable by scripts and read back by status.
write_env() {
  cat >"$dir/env" <<EOF
CLUSTER_DIR=$dir
KUBECONFIG=$dir/kubeconfig
APISERVER_URL=https://127.0.0.1:$APISERVER_PORT
APISERVER_PORT=$APISERVER_PORT
ETCD_PORT=$ETCD_PORT
ETCD_PEER_PORT=$ETCD_PEER_PORT
KCM_PORT=$KCM_PORT
SCHEDULER_PORT=$SCHEDULER_PORT
KWOK_PORT=$KWOK_PORT
BIN_DIR=$bin
AUDIT_LOG=$([[ -f $dir/run/audit-policy.yaml ]] && echo "$dir/logs/audit.log")
EOF
}

cmd_down() {
  local start=$SECONDS
  resolve_dir
  if [[ ! -d $dir ]]; then
    log "$dir does not exist; nothing to stop"
    return 0
  fi
  stop_all
  if $keep; then
    log "stopped; kept $dir"
  elif [[ -f $dir/$marker ]]; then
    rm -rf "$dir"
    log "stopped and removed $dir in $((SECONDS - start)) s"
  else
    log "stopped; not removing $dir: it was not created by cluster.sh up"
  fi
}

cmd_status() {
  local c state ok=true health
  resolve_dir
  [[ -d $dir ]] || die "$dir does not exist"
  load_env || die "$dir has no env file: not a (fully started) cluster"
  for c in "${components[@]}"; do
    if alive "$c"; then
      state="running (pid $(pid_of "$c"))"
      if healthy "$c" && listens_on "$(pid_of "$c")" "$(main_port "$c")"; then health=healthy; else health=unhealthy; ok=false; fi
    else
      state=stopped health=-
      ok=false
    fi
    printf '%-24s %-22s %s\n' "$c" "$state" "$health"
  done
  if [[ $(api GET /readyz 2>/dev/null) == ok ]]; then
    printf '%-24s %s\n' readyz ok
  else
    printf '%-24s %s\n' readyz failing
    ok=false
  fi
  $ok
}

# A component stopped (SIGTERM, then SIGKILL after 10 s) and started again with the same ports and
# data: what an apiserver or etcd restart looks like to the operators.
cmd_restart() {
  local start=$SECONDS
  [[ " ${components[*]} " == *" $component "* ]] || die "restart takes one of: ${components[*]}"
  resolve_dir
  load_env || die "$dir has no env file: not a (fully started) cluster"
  bin=$BIN_DIR
  stop_components 10 "$component"
  keep_ports=true
  start_component "$component" 120
  log "$component restarted in $((SECONDS - start)) s"
}

cmd_kubeconfig() {
  resolve_dir
  [[ -f $dir/kubeconfig ]] || die "no kubeconfig in $dir"
  echo "$dir/kubeconfig"
}

case $cmd in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  kubeconfig) cmd_kubeconfig ;;
  restart) cmd_restart ;;
  *) usage ;;
esac
