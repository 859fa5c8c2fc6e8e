#!/usr/bin/env bash
# Builds the test control plane (etcd, kube-apiserver, kube-controller-manager, kube-scheduler, kwok)
# and kubectl (the machines have no other; the README and the run script use it)
# from the Go modules pinned in this directory, into a cache outside the repository.
# Idempotent: the cache directory is keyed on the pinned versions (go.mod/go.sum contents), and a
# complete cache is reused without invoking the Go toolchain. Prints the bin directory on stdout.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
k8s_version=$(awk '$1=="k8s.io/kubernetes"{print $2}' "$here/go.mod")
key=$(cat "$here/go.mod" "$here/go.sum" "$here/etcd/main.go" "$here/kwok/go.mod" "$here/kwok/go.sum" | sha256sum | cut -c1-12)
cache_root=${FOREMAN_SUITE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/foreman-suite}
bin="$cache_root/k8s-$k8s_version-$key/bin"
binaries=(etcd kube-apiserver kube-controller-manager kube-scheduler kwok kubectl)

complete() { for b in "${binaries[@]}"; do [[ -x "$bin/$b" ]] || return 1; done; }

if complete; then
  echo "$bin"
  exit 0
fi

command -v go >/dev/null || { echo "build.sh: Go is required to build the control plane (go 1.26+)" >&2; exit 1; }
mkdir -p "$bin"
tmp=$(mktemp -d "$bin/../build.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
minor=$(echo "$k8s_version" | cut -d. -f2)
version_flags=""
for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  version_flags+=" -X $pkg.gitVersion=$k8s_version -X $pkg.gitMajor=1 -X $pkg.gitMinor=$minor -X $pkg.gitTreeState=clean"
done
start=$(date +%s)
echo "build.sh: building Kubernetes $k8s_version control plane into $bin (first time only)" >&2
export CGO_ENABLED=0 GOFLAGS=-mod=mod
(cd "$here" && go build -trimpath -ldflags "-s -w $version_flags" -o "$tmp/" \
  ./etcd k8s.io/kubernetes/cmd/kube-apiserver k8s.io/kubernetes/cmd/kube-controller-manager k8s.io/kubernetes/cmd/kube-scheduler \
  k8s.io/kubernetes/cmd/kubectl)
(cd "$here/kwok" && go build -trimpath -ldflags "-s -w" -o "$tmp/" sigs.k8s.io/kwok/cmd/kwok)
# Move into place only when everything built, so an interrupted build never looks complete.
for b in "${binaries[@]}"; do mv "$tmp/$b" "$bin/$b"; done
echo "build.sh: built in $(( $(date +%s) - start )) s" >&2
echo "$bin"
