#!/usr/bin/env bash
# Builds helm from the version pinned in this directory's go.mod into the suite's cache (as
# ../cluster/build.sh does for the control plane): the chart tests run `helm lint` and `helm template`.
# Idempotent: the cache is keyed on go.mod/go.sum; a built binary is reused without the Go toolchain.
# Prints the path of the helm binary on stdout.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
version=$(awk '$1=="helm.sh/helm/v3"{print $2}' "$here/go.mod")
key=$(cat "$here/go.mod" "$here/go.sum" | sha256sum | cut -c1-12)
cache_root=${FOREMAN_SUITE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/foreman-suite}
bin="$cache_root/helm-$version-$key/bin"

if [[ -x "$bin/helm" ]]; then
  echo "$bin/helm"
  exit 0
fi

command -v go >/dev/null || { echo "build.sh: Go is required to build helm (go 1.26+)" >&2; exit 1; }
mkdir -p "$bin"
tmp=$(mktemp -d "$bin/../build.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
start=$(date +%s)
echo "build.sh: building helm $version into $bin (first time only)" >&2
export CGO_ENABLED=0 GOFLAGS=-mod=mod
(cd "$here" && go build -trimpath -ldflags "-s -w -X helm.sh/helm/v3/internal/version.version=$version" \
  -o "$tmp/helm" helm.sh/helm/v3/cmd/helm)
mv "$tmp/helm" "$bin/helm"
echo "build.sh: built in $(( $(date +%s) - start )) s" >&2
echo "$bin/helm"
