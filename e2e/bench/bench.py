#!/usr/bin/env python3
"""The Pulp operator benchmark (run by bench.sh; standard library only, matplotlib for the plot).

  bench.py run --cluster-dir DIR --n N --jar JAR --out OUT [--label L] [--steady S] [--java-opts "..."]
      on a fresh control plane started with the audit policy: the operator as a process (cluster-admin
      ServiceAccount, WATCH_NAMESPACES=*), N Pulps in N namespaces; writes OUT/<label>-n<N>.json
  bench.py seed --cluster-dir DIR --out OUT [--label L] [--steady S] [--java-opts "..."] [--proxy-java-opts "..."]
      the Foreman seed example (samples/foreman-seed.yaml) with the three operators as processes (each its
      own cluster-admin ServiceAccount, WATCH_NAMESPACES=foreman, CLUSTER_ENDPOINTS=port-forward) and the
      Foreman API stand-in; writes OUT/<label>-seed.json
  bench.py report --out OUT [--plot FILE]
      the table of every result in OUT (and the plot of time to Ready and peak memory against N)

In --java-opts, {jar} stands for the operator's jar without ".jar" (its class-data archive is {jar}.jsa).

Times are measured from the moment the first Pulp is created. CPU and memory come from /proc of the
operator's process; write requests from the API server's audit log, by the operator's identity.
"""
import argparse
import glob
import http.client
import json
import os
import re
import signal
import ssl
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from datetime import datetime

OPERATOR_NAMESPACE = "bench-system"
OPERATOR_ACCOUNT = "pulp-operator"
IDENTITY = f"system:serviceaccount:{OPERATOR_NAMESPACE}:{OPERATOR_ACCOUNT}"
WRITE_VERBS = {"create", "update", "patch", "delete", "deletecollection"}
MANAGED_BY = "app.kubernetes.io/managed-by=pulp-operator"
CLK_TCK = os.sysconf("SC_CLK_TCK")
FORWARDED_ENV = ("RECONCILE_THREADS", "RECONCILE_MIN_INTERVAL", "LOG_LEVEL", "MALLOC_ARENA_MAX",
                 "FOREMAN_SUITE_KCM_QPS")  # settings a run may vary (the last is the control plane's)

# Upstream pulp-operator (Go, commit 7db462eb, 2.0.0-11), measured externally on this project's control
# plane (issue 16); shown in the plot for reference, no upstream code is run here.
UPSTREAM = {
    "ready_max": {1: 22.7, 10: 44.3, 30: 69.3, 100: 147.2},
    "peak_rss": {30: 73, 100: 96},
}
# This project's operator before issue 16, from the same external run.
BEFORE_ISSUE_16 = {
    "ready_max": {1: 3.7, 10: 12.6, 30: 31.7, 100: 101.3},
    "peak_rss": {30: 411, 100: 483},
}


def log(message):
    print(f"bench: {message}", file=sys.stderr, flush=True)


# ------------------------------------------------------------------ API access


class Api:
    """The API server as the cluster's admin (client certificate of cluster.sh)."""

    def __init__(self, cluster_dir):
        env = {}
        with open(os.path.join(cluster_dir, "env")) as f:
            for line in f:
                key, _, value = line.strip().partition("=")
                env[key] = value
        self.env = env
        self.port = int(env["APISERVER_PORT"])
        pki = os.path.join(cluster_dir, "pki")
        self.ca = os.path.join(pki, "ca.crt")
        self.context = ssl.create_default_context(cafile=self.ca)
        self.context.load_cert_chain(os.path.join(pki, "admin.crt"), os.path.join(pki, "admin.key"))

    def connection(self, timeout=30):
        return http.client.HTTPSConnection("127.0.0.1", self.port, context=self.context, timeout=timeout)

    def call(self, method, path, body=None, content_type="application/json"):
        conn = self.connection()
        try:
            headers = {"Accept": "application/json"}
            data = None
            if body is not None:
                data = body if isinstance(body, (bytes, str)) else json.dumps(body)
                headers["Content-Type"] = content_type
            conn.request(method, path, body=data, headers=headers)
            response = conn.getresponse()
            text = response.read()
            return response.status, (json.loads(text) if text else None)
        finally:
            conn.close()

    def must(self, method, path, body=None, ok=(200, 201)):
        status, result = self.call(method, path, body)
        if status not in ok:
            raise RuntimeError(f"{method} {path}: HTTP {status}: {result}")
        return result


class Watcher(threading.Thread):
    """Lists, then watches a collection, calling on_object(time, type, object) for every change."""

    def __init__(self, api, path, on_object):
        super().__init__(daemon=True)
        self.api, self.path, self.on_object = api, path, on_object
        self.synced = threading.Event()
        self.stopping = False

    def run(self):
        while not self.stopping:
            try:
                listed = self.api.must("GET", self.path)
                now = time.time()
                for item in listed["items"]:
                    self.on_object(now, "ADDED", item)
                self.synced.set()
                version = listed["metadata"]["resourceVersion"]
                sep = "&" if "?" in self.path else "?"
                conn = self.api.connection(timeout=None)
                conn.request("GET", f"{self.path}{sep}watch=1&resourceVersion={version}&timeoutSeconds=3600")
                response = conn.getresponse()
                while not self.stopping:
                    line = response.readline()
                    if not line:
                        break
                    event = json.loads(line)
                    if event["type"] in ("ADDED", "MODIFIED", "DELETED"):
                        self.on_object(time.time(), event["type"], event["object"])
                    elif event["type"] == "ERROR":
                        break
                conn.close()
            except Exception as e:  # reconnect: a benchmark should not die of one dropped watch
                if not self.stopping:
                    log(f"watch {self.path}: {e}; again")
                    time.sleep(0.5)


def condition(obj, kind):
    for c in (obj.get("status") or {}).get("conditions") or []:
        if c.get("type") == kind:
            return c
    return None


# ------------------------------------------------------------------ the operator's process


class ProcessSampler(threading.Thread):
    """CPU seconds (user + system, all threads) and RSS of a process, every 0.2 s, from /proc."""

    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid = pid
        self.samples = []  # (time, cpu seconds, rss MiB)
        self.peak_rss = 0.0
        self.peak_threads = 0
        self.stopping = False

    def read(self):
        with open(f"/proc/{self.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        cpu = (int(fields[11]) + int(fields[12])) / CLK_TCK  # utime, stime
        rss = hwm = 0.0
        with open(f"/proc/{self.pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    rss = int(line.split()[1]) / 1024
                elif line.startswith("VmHWM:"):
                    hwm = int(line.split()[1]) / 1024
                elif line.startswith("Threads:"):
                    self.peak_threads = max(self.peak_threads, int(line.split()[1]))
        self.peak_rss = max(self.peak_rss, hwm, rss)
        return cpu, rss

    def sample(self):
        cpu, rss = self.read()
        self.samples.append((time.time(), cpu, rss))
        return cpu

    def run(self):
        while not self.stopping:
            try:
                self.sample()
            except (OSError, IndexError, ValueError):
                return
            time.sleep(0.2)


CONTROL_PLANE = ("etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler", "kwok")


def control_plane_cpu(cluster_dir):
    """CPU seconds (user + system) each control-plane component has used so far, from /proc."""
    used = {}
    for name in CONTROL_PLANE:
        try:
            with open(os.path.join(cluster_dir, "pids", name)) as f:
                pid = f.read().strip()
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            used[name] = (int(fields[11]) + int(fields[12])) / CLK_TCK
        except (OSError, IndexError, ValueError):
            pass
    return used


def operator_kubeconfig(api, path, account=OPERATOR_ACCOUNT):
    """A kubeconfig for a cluster-admin ServiceAccount, so that the audit log names the operator."""
    api.must("POST", "/api/v1/namespaces", {"apiVersion": "v1", "kind": "Namespace",
                                             "metadata": {"name": OPERATOR_NAMESPACE}}, ok=(200, 201, 409))
    api.must("POST", f"/api/v1/namespaces/{OPERATOR_NAMESPACE}/serviceaccounts",
             {"apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"name": account}})
    api.must("POST", "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings", {
        "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding",
        "metadata": {"name": f"bench-{account}"},
        "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "cluster-admin"},
        "subjects": [{"kind": "ServiceAccount", "name": account, "namespace": OPERATOR_NAMESPACE}]})
    token = api.must("POST", f"/api/v1/namespaces/{OPERATOR_NAMESPACE}/serviceaccounts/{account}/token",
                     {"apiVersion": "authentication.k8s.io/v1", "kind": "TokenRequest",
                      "spec": {"expirationSeconds": 86400}})["status"]["token"]
    import base64
    with open(api.ca, "rb") as f:
        ca = base64.b64encode(f.read()).decode()
    with open(path, "w") as f:
        f.write(f"""apiVersion: v1
kind: Config
clusters: [{{name: bench, cluster: {{server: "https://127.0.0.1:{api.port}", certificate-authority-data: {ca}}}}}]
users: [{{name: operator, user: {{token: {token}}}}}]
contexts: [{{name: bench, context: {{cluster: bench, user: operator, namespace: {OPERATOR_NAMESPACE}}}}}]
current-context: bench
""")
    os.chmod(path, 0o600)


def kubectl(api, *args, stdin=None):
    binary = os.path.join(api.env["BIN_DIR"], "kubectl")
    subprocess.run([binary, "--kubeconfig", os.path.join(api.env["CLUSTER_DIR"], "kubeconfig"), *args],
                   check=True, stdout=subprocess.DEVNULL, input=stdin, text=stdin is not None)


def install_crd(api, root, kinds=("pulps",)):
    for kind in kinds:
        kubectl(api, "apply", "--server-side", "-f",
                os.path.join(root, "install", "crds", f"{kind}.app.theforeman.org-v1.yml"))
    for kind in kinds:
        path = f"/apis/apiextensions.k8s.io/v1/customresourcedefinitions/{kind}.app.theforeman.org"
        deadline = time.time() + 30
        while True:
            status, crd_object = api.call("GET", path)
            if status == 200 and (condition(crd_object, "Established") or {}).get("status") == "True":
                break
            if time.time() > deadline:
                raise RuntimeError(f"the {kind} CRD is not established after 30 s")
            time.sleep(0.2)


def java_command(jar, java_opts):
    java = os.path.join(os.environ["JAVA_HOME"], "bin", "java") if os.environ.get("JAVA_HOME") else "java"
    return [java] + java_opts.replace("{jar}", jar[:-len(".jar")] if jar.endswith(".jar") else jar).split() \
        + ["-jar", jar]


def start_operator(jar, java_opts, kubeconfig, log_path, root, extra_env=None):
    command = java_command(jar, java_opts)
    env = {"PATH": os.environ["PATH"], "KUBECONFIG": kubeconfig, "WATCH_NAMESPACES": "*", "HTTP_PORT": "0",
           "LEADER_ELECTION": "false", "HOME": os.environ.get("HOME", "/tmp")}
    env.update(extra_env or {})
    for passed in FORWARDED_ENV:
        if os.environ.get(passed):
            env[passed] = os.environ[passed]
    if os.environ.get("JAVA_HOME"):
        env["JAVA_HOME"] = os.environ["JAVA_HOME"]
    out = open(log_path, "w")
    log(f"operator: {' '.join(command)}")
    # From the repository's root: jvm.options names the class-data archive relative to it.
    return subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True, cwd=root)


def wait_ready(process, log_path, timeout):
    """Waits for /readyz of the operator's side port (logged at start-up)."""
    deadline = time.time() + timeout
    port = None
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the operator exited with {process.returncode}; see {log_path}")
        if port is None:
            with open(log_path) as f:
                match = re.search(r"side port (\d+)", f.read())
            port = match and int(match.group(1))
        if port:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                conn.request("GET", "/readyz")
                if conn.getresponse().status == 200:
                    return port
            except OSError:
                pass
        time.sleep(0.05)
    raise RuntimeError(f"the operator is not ready after {timeout} s; see {log_path}")


# ------------------------------------------------------------------ one run


def run(args):
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    api = Api(args.cluster_dir)
    os.makedirs(args.out, exist_ok=True)
    work = os.path.join(args.out, f"{args.label}-n{args.n}")
    os.makedirs(work, exist_ok=True)
    install_crd(api, root)
    kubeconfig = os.path.join(work, "operator.kubeconfig")
    operator_kubeconfig(api, kubeconfig)
    namespaces = [f"bench-{i:03d}" for i in range(1, args.n + 1)]
    for ns in namespaces:
        api.must("POST", "/api/v1/namespaces", {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": ns}})

    lock = threading.Lock()
    deployment_events = []  # (time, namespace, name, available)
    ready_at = {}
    first_deployment = {}

    def on_deployment(t, kind, obj):
        meta = obj["metadata"]
        available = (condition(obj, "Available") or {}).get("status") == "True"
        with lock:
            first_deployment.setdefault(meta["namespace"], t)
            deployment_events.append((t, meta["namespace"], meta["name"], available and kind != "DELETED"))

    def on_pulp(t, kind, obj):
        ready = condition(obj, "Ready") or {}
        if ready.get("status") == "True" and ready.get("observedGeneration") == obj["metadata"].get("generation"):
            with lock:
                ready_at.setdefault(obj["metadata"]["namespace"], t)

    selector = urllib.parse.quote(MANAGED_BY)
    watchers = [Watcher(api, f"/apis/apps/v1/deployments?labelSelector={selector}", on_deployment),
                Watcher(api, "/apis/app.theforeman.org/v1alpha1/pulps", on_pulp)]
    for w in watchers:
        w.start()
    for w in watchers:
        w.synced.wait(30)

    log_path = os.path.join(work, "operator.log")
    t_launch = time.time()
    process = start_operator(args.jar, args.java_opts, kubeconfig, log_path, root)
    sampler = ProcessSampler(process.pid)
    sampler.start()
    result = {"label": args.label, "n": args.n, "nodes": args.nodes, "java_opts": args.java_opts,
              "env": {k: os.environ[k] for k in FORWARDED_ENV if os.environ.get(k)},
              "steady_seconds": args.steady, "date": datetime.now().isoformat(timespec="seconds"),
              "loadavg": {"start": os.getloadavg()[0]}}
    try:
        side_port = wait_ready(process, log_path, 120)
        t_started = time.time()
        cpu_started = sampler.sample()
        log(f"operator ready after {t_started - t_launch:.1f} s, {cpu_started:.2f} CPU s")

        plane_at_t0 = control_plane_cpu(args.cluster_dir)
        t0 = time.time()
        for ns in namespaces:
            api.must("POST", f"/apis/app.theforeman.org/v1alpha1/namespaces/{ns}/pulps", {
                "apiVersion": "app.theforeman.org/v1alpha1", "kind": "Pulp",
                "metadata": {"name": "pulp"}, "spec": {"file_storage_size": "2Gi"}})
        t_applied = time.time()
        log(f"{args.n} Pulp(s) created in {t_applied - t0:.1f} s")
        deadline = t0 + args.timeout
        last_report = 0
        while time.time() < deadline:
            with lock:
                ready = len(ready_at)
            if ready == args.n:
                break
            if process.poll() is not None:
                raise RuntimeError(f"the operator exited with {process.returncode}; see {log_path}")
            if time.time() - last_report > 10:
                log(f"{ready}/{args.n} Ready after {time.time() - t0:.0f} s")
                last_report = time.time()
            time.sleep(0.1)
        t_converged = time.time()
        cpu_converged = sampler.sample()
        result["loadavg"]["converged"] = os.getloadavg()[0]
        plane = control_plane_cpu(args.cluster_dir)
        result["control_plane_cpu"] = {k: plane[k] - plane_at_t0.get(k, 0) for k in plane}
        if "NativeMemoryTracking" in args.java_opts:
            native_memory(process.pid, os.path.join(work, "native-memory.txt"))
        with lock:
            result["timed_out"] = len(ready_at) < args.n
        log(f"{len(ready_at)}/{args.n} Ready after {t_converged - t0:.1f} s; steady state for {args.steady} s")
        time.sleep(args.steady)
        t_end = time.time()
        cpu_end = sampler.sample()
        result["reconciliations"] = reconciliations(side_port)
    finally:
        sampler.stopping = True
        try:
            sampler.read()
        except OSError:
            pass
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
        for w in watchers:
            w.stopping = True

    def spread(values):
        values = sorted(values)
        return {"median": statistics.median(values) if values else None, "max": max(values) if values else None,
                "count": len(values)}

    with lock:
        result["first_deployment"] = spread([first_deployment[ns] - t0 for ns in namespaces if ns in first_deployment])
        result["available"] = spread(all_available(deployment_events, namespaces, t0))
        result["ready"] = spread([ready_at[ns] - t0 for ns in namespaces if ns in ready_at])
    result["startup_seconds"] = t_started - t_launch
    result["cpu"] = {"startup": cpu_started, "convergence": cpu_converged - cpu_started,
                     "steady": cpu_end - cpu_converged, "total": cpu_end}
    result["peak_rss_mib"] = sampler.peak_rss
    result["peak_threads"] = sampler.peak_threads
    steady_rss = [rss for t, _, rss in sampler.samples if t >= t_converged]
    result["steady_rss_mib"] = steady_rss[-1] if steady_rss else None
    result["writes"] = audit(api.env.get("AUDIT_LOG"), t0, t_converged, t_end)
    result["controller_manager"] = controller_writes(api.env.get("AUDIT_LOG"), t0, t_converged)
    with open(os.path.join(args.out, f"{args.label}-n{args.n}.json"), "w") as f:
        json.dump(result, f, indent=1)
    with open(os.path.join(work, "samples.csv"), "w") as f:
        f.write("seconds_since_create,cpu_seconds,rss_mib\n")
        for t, cpu, rss in sampler.samples:
            f.write(f"{t - t0:.2f},{cpu:.2f},{rss:.1f}\n")
    log(f"result: {os.path.join(args.out, f'{args.label}-n{args.n}.json')}")
    if result["timed_out"]:
        log(f"not all Ready within {args.timeout} s")
        return 1
    return 0


def native_memory(pid, path):
    """With -XX:NativeMemoryTracking=summary: what the JVM's memory consists of, at convergence."""
    jcmd = os.path.join(os.environ["JAVA_HOME"], "bin", "jcmd") if os.environ.get("JAVA_HOME") else "jcmd"
    with open(path, "w") as f:
        subprocess.run([jcmd, str(pid), "VM.native_memory", "summary"], stdout=f, stderr=subprocess.STDOUT)
        subprocess.run([jcmd, str(pid), "GC.heap_info"], stdout=f, stderr=subprocess.STDOUT)
        subprocess.run([jcmd, str(pid), "GC.class_histogram"], stdout=f, stderr=subprocess.STDOUT)
    log(f"native memory summary: {path}")


def reconciliations(port):
    """Reconciliations the operator started, from its /metrics (JOSDK's micrometer counters)."""
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        conn.request("GET", "/metrics")
        text = conn.getresponse().read().decode()
    except OSError:
        return None
    total = 0.0
    for line in text.splitlines():
        if line.startswith("operator_sdk_reconciliations_started") and not line.startswith("#"):
            total += float(line.rsplit(" ", 1)[1])
    return int(total)


def all_available(events, namespaces, t0):
    """Per namespace: the first moment every Deployment it ends up with was Available at once."""
    final = {}
    for _, ns, name, available in events:
        final.setdefault(ns, set()).add(name)
    state, done = {}, {}
    for t, ns, name, available in sorted(events):
        if ns in done:
            continue
        state.setdefault(ns, {})[name] = available
        if all(state[ns].get(n) for n in final[ns]):
            done[ns] = t - t0
    return [done[ns] for ns in namespaces if ns in done]


def audit(path, t0, t_converged, t_end, identity=IDENTITY):
    """Write requests of the operator's identity, by window, verb and resource; 409s; dry runs."""
    windows = {"startup": {}, "convergence": {}, "steady": {}, "after": {}}
    conflicts = {"startup": 0, "convergence": 0, "steady": 0, "after": 0}
    dry_run = 0
    conflicted = []
    if not path or not os.path.exists(path):
        return {"error": "no audit log (FOREMAN_SUITE_AUDIT_POLICY not set?)"}
    with open(path) as f:
        for line in f:
            event = json.loads(line)
            if event.get("user", {}).get("username") != identity or event.get("verb") not in WRITE_VERBS:
                continue
            if event.get("stage") != "ResponseComplete":
                continue
            stamp = datetime.fromisoformat(event["stageTimestamp"].replace("Z", "+00:00")).timestamp()
            window = ("startup" if stamp < t0 else "convergence" if stamp <= t_converged
                      else "steady" if stamp <= t_end else "after")
            ref = event.get("objectRef", {})
            resource = ref.get("resource", "?") + ("/" + ref["subresource"] if ref.get("subresource") else "")
            key = f"{event['verb']} {resource}"
            windows[window][key] = windows[window].get(key, 0) + 1
            if event.get("responseStatus", {}).get("code") == 409:
                conflicts[window] += 1
                conflicted.append(f"{key} {ref.get('name', '')} ({window})")
            if "dryRun=" in event.get("requestURI", ""):
                dry_run += 1
    return {"by_window": windows, "conflicts": conflicts, "conflicted": conflicted, "dry_run": dry_run,
            "convergence": sum(windows["startup"].values()) + sum(windows["convergence"].values()),
            "steady": sum(windows["steady"].values())}


def controller_writes(path, t0, t_converged):
    """The controller-manager's writes until all Ready, by controller (user agent): count and span."""
    if not path or not os.path.exists(path):
        return {}
    by = {}
    with open(path) as f:
        for line in f:
            event = json.loads(line)
            if event.get("user", {}).get("username") != "system:kube-controller-manager":
                continue
            stamp = datetime.fromisoformat(event["stageTimestamp"].replace("Z", "+00:00")).timestamp()
            if stamp < t0 or stamp > t_converged:
                continue
            controller = event.get("userAgent", "?").rsplit("/", 1)[-1]
            entry = by.setdefault(controller, {"writes": 0, "first": stamp - t0, "last": stamp - t0})
            entry["writes"] += 1
            entry["last"] = stamp - t0
    return by


# ------------------------------------------------------------------ the Foreman seed example


SEED_OPERATORS = ("pulp-operator", "smart-proxy-operator", "foreman-operator")
SEED_NAMESPACE = "foreman"
SUITE_KINDS = ("foremen", "pulps", "smartproxies")


def free_port():
    import socket
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_stand_in(api, root, work):
    """The Foreman API stand-in of the tests behind port 3000 of the namespace's pods (as suite.sh does)."""
    classes = os.path.join(root, "operator-common", "target", "test-classes")
    if not os.path.isdir(classes):
        raise RuntimeError("no operator-common/target/test-classes: mvn -B -q test-compile -pl operator-common -am")
    port = free_port()
    java = java_command("", "")[0]
    process = subprocess.Popen(
        [java, "-Xmx64m", "-XX:+UseSerialGC", "-cp",
         f"{classes}:{os.path.join(root, 'foreman-operator', 'target', 'lib', '*')}",
         "org.theforeman.operator.common.foreman.ForemanStandInServer", str(port), SEED_NAMESPACE],
        env={"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp"),
             "KUBECONFIG": os.path.join(api.env["CLUSTER_DIR"], "kubeconfig")},
        stdout=open(os.path.join(work, "foreman-stand-in.log"), "w"), stderr=subprocess.STDOUT,
        start_new_session=True)
    kubectl(api, "apply", "-f", "-", stdin=f"""apiVersion: kwok.x-k8s.io/v1alpha1
kind: ClusterPortForward
metadata: {{name: bench-foreman-stand-in}}
spec:
  selector: {{matchNamespaces: [{SEED_NAMESPACE}]}}
  forwards:
  - ports: [3000]
    target: {{address: 127.0.0.1, port: {port}}}
""")
    return process


def stop(process):
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(30)
    except (OSError, subprocess.TimeoutExpired):
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except OSError:
            pass


def seed(args):
    """The seed example: apply, children created, all Ready; per operator writes, RSS and CPU."""
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    api = Api(args.cluster_dir)
    work = os.path.join(args.out, f"{args.label}-seed")
    os.makedirs(work, exist_ok=True)
    install_crd(api, root, SUITE_KINDS)
    api.must("POST", "/api/v1/namespaces", {"apiVersion": "v1", "kind": "Namespace",
                                             "metadata": {"name": SEED_NAMESPACE}})
    lock = threading.Lock()
    seen = {}  # (kind, name) -> first seen
    ready = {}  # (kind, name) -> Ready=True for its generation, or None

    def on_resource(t, kind, obj):
        key = (obj["kind"], obj["metadata"]["name"])
        condition_ready = condition(obj, "Ready") or {}
        is_ready = (condition_ready.get("status") == "True"
                    and condition_ready.get("observedGeneration") == obj["metadata"].get("generation"))
        with lock:
            seen.setdefault(key, t)
            if kind == "DELETED":
                ready.pop(key, None)
            elif is_ready:
                ready.setdefault(key, t)
            else:
                ready.pop(key, None)

    watchers = [Watcher(api, f"/apis/app.theforeman.org/v1alpha1/namespaces/{SEED_NAMESPACE}/{kind}", on_resource)
                for kind in SUITE_KINDS]
    for w in watchers:
        w.start()
    for w in watchers:
        w.synced.wait(30)
    stand_in = start_stand_in(api, root, work)
    processes, samplers, ports = {}, {}, {}
    result = {"label": args.label, "scenario": "seed", "java_opts": args.java_opts,
              "proxy_java_opts": args.proxy_java_opts or args.java_opts,
              "env": {k: os.environ[k] for k in FORWARDED_ENV if os.environ.get(k)},
              "steady_seconds": args.steady, "date": datetime.now().isoformat(timespec="seconds"),
              "loadavg": {"start": os.getloadavg()[0]}, "operators": {}}
    try:
        t_launch = time.time()
        for op in SEED_OPERATORS:
            kubeconfig = os.path.join(work, f"{op}.kubeconfig")
            operator_kubeconfig(api, kubeconfig, op)
            jar = os.path.join(root, op, "target", f"{op}.jar")
            opts = args.proxy_java_opts if op == "smart-proxy-operator" and args.proxy_java_opts else args.java_opts
            processes[op] = start_operator(jar, opts, kubeconfig, os.path.join(work, f"{op}.log"), root,
                                           {"WATCH_NAMESPACES": SEED_NAMESPACE,
                                            "CLUSTER_ENDPOINTS": "port-forward"})
            samplers[op] = ProcessSampler(processes[op].pid)
            samplers[op].start()
        cpu_started = {}
        for op in SEED_OPERATORS:
            ports[op] = wait_ready(processes[op], os.path.join(work, f"{op}.log"), 120)
            cpu_started[op] = samplers[op].sample()
        t_started = time.time()
        log(f"operators ready after {t_started - t_launch:.1f} s: "
            + ", ".join(f"{op} {cpu_started[op]:.2f} CPU s" for op in SEED_OPERATORS))

        plane_at_t0 = control_plane_cpu(args.cluster_dir)
        t0 = time.time()
        kubectl(api, "apply", "-f", os.path.join(root, "samples", "foreman-seed.yaml"))
        log("applied samples/foreman-seed.yaml")
        deadline = t0 + args.timeout
        last_report = 0
        t_children = None
        done = False
        while time.time() < deadline:
            with lock:
                kinds = {kind for kind, _ in seen}
                children = [key for key in seen if key[0] != "Foreman"]
                if t_children is None and children and {"Pulp", "SmartProxy"} <= kinds:
                    t_children = max(min(t for (k, _), t in seen.items() if k == kind) for kind in ("Pulp", "SmartProxy"))
                done = "Foreman" in kinds and children and all(key in ready for key in seen)
            if done:
                break
            for op, process in processes.items():
                if process.poll() is not None:
                    raise RuntimeError(f"{op} exited with {process.returncode}; see {work}/{op}.log")
            if time.time() - last_report > 10:
                with lock:
                    log(f"after {time.time() - t0:.0f} s: " + ", ".join(
                        f"{k}/{n} {'Ready' if (k, n) in ready else 'not Ready'}" for k, n in sorted(seen)))
                last_report = time.time()
            time.sleep(0.1)
        t_converged = time.time()
        cpu_converged = {op: samplers[op].sample() for op in SEED_OPERATORS}
        result["loadavg"]["converged"] = os.getloadavg()[0]
        plane = control_plane_cpu(args.cluster_dir)
        result["control_plane_cpu"] = {k: plane[k] - plane_at_t0.get(k, 0) for k in plane}
        with lock:
            result["timed_out"] = not done
            result["resources"] = {f"{k}/{n}": {"created": t - t0, "ready": (ready[(k, n)] - t0) if (k, n) in ready
                                                else None} for (k, n), t in sorted(seen.items())}
            result["ready_all"] = max((ready[key] for key in seen if key in ready), default=t_converged) - t0
        result["children_created"] = None if t_children is None else t_children - t0
        log(f"all Ready after {t_converged - t0:.1f} s; steady state for {args.steady} s")
        time.sleep(args.steady)
        t_end = time.time()
        cpu_end = {op: samplers[op].sample() for op in SEED_OPERATORS}
        for op in SEED_OPERATORS:
            sampler = samplers[op]
            result["operators"][op] = {
                "cpu": {"startup": cpu_started[op], "convergence": cpu_converged[op] - cpu_started[op],
                        "steady": cpu_end[op] - cpu_converged[op], "total": cpu_end[op]},
                "reconciliations": reconciliations(ports[op]),
                "writes": audit(api.env.get("AUDIT_LOG"), t0, t_converged, t_end,
                                f"system:serviceaccount:{OPERATOR_NAMESPACE}:{op}")}
    finally:
        for sampler in samplers.values():
            sampler.stopping = True
            try:
                sampler.read()
            except OSError:
                pass
        for process in list(processes.values()) + [stand_in]:
            stop(process)
        for w in watchers:
            w.stopping = True
    for op in SEED_OPERATORS:
        result["operators"][op]["peak_rss_mib"] = samplers[op].peak_rss
        result["operators"][op]["peak_threads"] = samplers[op].peak_threads
    result["startup_seconds"] = t_started - t_launch
    with open(os.path.join(args.out, f"{args.label}-seed.json"), "w") as f:
        json.dump(result, f, indent=1)
    log(f"result: {os.path.join(args.out, f'{args.label}-seed.json')}")
    return 1 if result["timed_out"] else 0


def report_seed(results):
    print("The Foreman seed example (samples/foreman-seed.yaml), three operators as processes:")
    header = ["label", "children created s", "all Ready s", "operator", "writes", "steady writes", "409",
              "reconciles", "peak RSS MiB", "threads", "CPU s start/conv/steady", "load"]
    rows = []
    for r in results:
        for i, (op, o) in enumerate(sorted(r["operators"].items())):
            w, cpu = o["writes"], o["cpu"]
            conflicts = sum(w.get("conflicts", {}).values()) if "conflicts" in w else None
            rows.append([
                r["label"] if i == 0 else "", fmt(r.get("children_created")) if i == 0 else "",
                (fmt(r.get("ready_all")) + (" (timed out)" if r.get("timed_out") else "")) if i == 0 else "",
                op, str(w.get("convergence", "?")), str(w.get("steady", "?")), str(conflicts),
                str(o.get("reconciliations", "-")), fmt(o["peak_rss_mib"], 0), str(o.get("peak_threads", "-")),
                f"{fmt(cpu['startup'])}/{fmt(cpu['convergence'])}/{fmt(cpu['steady'])}",
                "/".join(fmt(v) for v in r.get("loadavg", {}).values()) if i == 0 else ""])
    table(header, rows)
    for r in results:
        for op, o in sorted(r["operators"].items()):
            merged = {}
            for window in ("startup", "convergence"):
                for key, count in o["writes"].get("by_window", {}).get(window, {}).items():
                    merged[key] = merged.get(key, 0) + count
            print(f"  {r['label']} {op}: " + (", ".join(f"{k} {v}" for k, v in sorted(merged.items(), key=lambda kv: -kv[1])) or "none")
                  + ("; 409: " + ", ".join(o["writes"]["conflicted"]) if o["writes"].get("conflicted") else ""))
    print()


# ------------------------------------------------------------------ report


def load(out, scenario=None):
    results = []
    for path in sorted(glob.glob(os.path.join(out, "*.json"))):
        with open(path) as f:
            result = json.load(f)
        if result.get("scenario") == scenario and (scenario or isinstance(result.get("n"), int)):
            results.append(result)
    results.sort(key=lambda r: (r["label"], r.get("n", 0)))
    return results


def table(header, rows):
    widths = [max(len(h), *(len(row[i]) for row in rows)) for i, h in enumerate(header)]
    print("| " + " | ".join(h.ljust(widths[i]) for i, h in enumerate(header)) + " |")
    print("|" + "|".join("-" * (wd + 2) for wd in widths) + "|")
    for row in rows:
        print("| " + " | ".join(c.ljust(widths[i]) for i, c in enumerate(row)) + " |")
    print()


def fmt(value, digits=1):
    return "-" if value is None else f"{value:.{digits}f}"


def report(args):
    results = load(args.out)
    seeds = load(args.out, "seed")
    if seeds:
        report_seed(seeds)
    if not results:
        if not seeds:
            log(f"no results in {args.out}")
        return 0 if seeds else 1
    header = ["label", "N", "1st Deploy med/max s", "Available med/max s", "Ready med/max s", "writes (per res.)",
              "steady writes", "409", "reconciles", "peak RSS MiB", "threads", "CPU s start/conv/steady", "CPU s/res.",
              "start s", "load"]
    rows = []
    for r in results:
        w = r["writes"]
        conflicts = sum(w.get("conflicts", {}).values()) if "conflicts" in w else None
        cpu = r["cpu"]
        whole = cpu["startup"] + cpu["convergence"] + cpu["steady"]
        rows.append([
            r["label"], str(r["n"]),
            f"{fmt(r['first_deployment']['median'])}/{fmt(r['first_deployment']['max'])}",
            f"{fmt(r['available']['median'])}/{fmt(r['available']['max'])}",
            f"{fmt(r['ready']['median'])}/{fmt(r['ready']['max'])}"
            + ("" if r["ready"]["count"] == r["n"] else f" ({r['ready']['count']} Ready)"),
            f"{w.get('convergence', '?')} ({fmt(w['convergence'] / r['n']) if 'convergence' in w else '?'})",
            str(w.get("steady", "?")), str(conflicts), str(r.get("reconciliations", "-")),
            fmt(r["peak_rss_mib"], 0), str(r.get("peak_threads", "-")),
            f"{fmt(cpu['startup'])}/{fmt(cpu['convergence'])}/{fmt(cpu['steady'])}",
            fmt(whole / r["n"], 2), fmt(r["startup_seconds"]),
            "/".join(fmt(v) for v in r.get("loadavg", {}).values()) or "-",
        ])
    table(header, rows)
    print("Write requests until all Ready, by verb and resource (409s in brackets over all windows):")
    for r in results:
        w = r["writes"]
        if "by_window" not in w:
            continue
        merged = {}
        for window in ("startup", "convergence"):
            for key, count in w["by_window"][window].items():
                merged[key] = merged.get(key, 0) + count
        detail = ", ".join(f"{k} {v}" for k, v in sorted(merged.items(), key=lambda kv: -kv[1]))
        steady = ", ".join(f"{k} {v}" for k, v in w["by_window"]["steady"].items()) or "none"
        print(f"  {r['label']} N={r['n']}: {detail} [409: {w['conflicts']}]; steady: {steady}")
    print()
    print("Control-plane CPU s from the first create until all Ready (operator: its convergence CPU):")
    for r in results:
        plane = r.get("control_plane_cpu")
        if plane:
            wall = r["ready"]["max"] or 0
            total = sum(plane.values()) + r["cpu"]["convergence"]
            print(f"  {r['label']} N={r['n']}: " + ", ".join(f"{k} {v:.1f}" for k, v in plane.items())
                  + f", operator {r['cpu']['convergence']:.1f}; {total:.0f} CPU s in {wall:.0f} s"
                  + f" = {total / max(wall, 1):.2f} cores")
    print("The controller-manager's writes until all Ready, by controller (writes, first-last s, per s):")
    for r in results:
        cm = r.get("controller_manager") or {}
        busiest = sorted(cm.items(), key=lambda kv: -kv[1]["writes"])[:5]
        if busiest:
            print(f"  {r['label']} N={r['n']}: " + ", ".join(
                f"{name} {e['writes']} ({e['first']:.0f}-{e['last']:.0f} s, "
                f"{e['writes'] / max(e['last'] - e['first'], 1):.0f}/s)" for name, e in busiest))
    print()
    print("JVM options per label: " + "; ".join(sorted({f"{r['label']}: {r['java_opts'] or '(none)'}"
                                                        for r in results})))
    if args.plot:
        plot(results, args.plot)
    return 0


def plot(results, path):
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        log("matplotlib is not installed here: no plot (bench.sh installs it into a venv)")
        return
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.2))
    labels = sorted({r["label"] for r in results})
    for label in labels:
        rs = sorted((r for r in results if r["label"] == label), key=lambda r: r["n"])
        ns = [r["n"] for r in rs]
        line, = left.plot(ns, [r["ready"]["max"] for r in rs], marker="o", label=f"{label}: max")
        left.plot(ns, [r["ready"]["median"] for r in rs], marker=".", linestyle="--", color=line.get_color(),
                  label=f"{label}: median")
        right.plot(ns, [r["peak_rss_mib"] for r in rs], marker="o", label=label)
    for axis, key, title in ((left, "ready_max", "time to Ready (s)"), (right, "peak_rss", "peak RSS (MiB)")):
        for reference, color, name in ((UPSTREAM, "grey", "upstream pulp-operator (issue 16)"),
                                       (BEFORE_ISSUE_16, "tan", "this operator before (issue 16)")):
            points = sorted(reference[key].items())
            axis.plot([n for n, _ in points], [v for _, v in points], marker="x", color=color, linestyle=":",
                      label=name)
        axis.set_xscale("log")
        axis.set_xlabel("Pulp resources (N)")
        axis.set_title(title)
        axis.grid(True, alpha=0.3)
        axis.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    log(f"plot: {path}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run")
    r.add_argument("--cluster-dir", required=True)
    r.add_argument("--n", type=int, required=True)
    r.add_argument("--nodes", type=int, default=0)
    r.add_argument("--jar", required=True)
    r.add_argument("--out", required=True)
    r.add_argument("--label", default="current")
    r.add_argument("--steady", type=float, default=60)
    r.add_argument("--timeout", type=float, default=600)
    r.add_argument("--java-opts", default="")
    d = sub.add_parser("seed")
    d.add_argument("--cluster-dir", required=True)
    d.add_argument("--out", required=True)
    d.add_argument("--label", default="current")
    d.add_argument("--steady", type=float, default=60)
    d.add_argument("--timeout", type=float, default=600)
    d.add_argument("--java-opts", default="")
    d.add_argument("--proxy-java-opts", default="", help="the Smart Proxy operator's, if others")
    p = sub.add_parser("report")
    p.add_argument("--out", required=True)
    p.add_argument("--plot")
    args = parser.parse_args()
    sys.exit({"run": run, "seed": seed, "report": report}[args.command](args))


if __name__ == "__main__":
    main()
