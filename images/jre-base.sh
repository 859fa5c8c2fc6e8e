#!/usr/bin/env bash
# Builds the operators' base image without a registry: a root filesystem from Debian's own packages of the
# Java 17 runtime (openjdk-17-jre-headless and the libraries it links: libc6, libgcc-s1, libstdc++6, zlib1g),
# fetched with apt-get download and unpacked with dpkg-deb, plus /tmp, a non-root user 65532 and the JRE's
# trust store built from Debian's ca-certificates (images/TrustStore.java, with the build's java), written as a
# `docker save` tarball (one layer) that Jib takes as its base with `tar://` (see the images profile).
# Cached in the suite's cache, keyed on the package versions apt would fetch; prints the tarball's path.
#   images/jre-base.sh [COPY_TO]   (COPY_TO: also copy the tarball there)
set -euo pipefail
packages=(openjdk-17-jre-headless libc6 libgcc-s1 libstdc++6 zlib1g gcc-12-base ca-certificates)
for tool in apt-get apt-cache dpkg-deb python3 sha256sum java; do
  command -v "$tool" >/dev/null || { echo "jre-base.sh: $tool is required (a Debian-based machine)" >&2; exit 1; }
done
candidates() { for p in "${packages[@]}"; do echo "$p=$(apt-cache policy "$p" | awk '/Candidate:/{print $2}')"; done; }
versions=$(candidates)
if grep -q '=(none)$\|=$' <<<"$versions" && [[ $(id -u) == 0 ]]; then
  # A fresh machine often has no package lists yet: fetch them once (root only).
  echo "jre-base.sh: apt has no package lists; running apt-get update" >&2
  apt-get update -qq >/dev/null 2>&1 || true
  versions=$(candidates)
fi
if grep -q '=(none)$\|=$' <<<"$versions"; then
  echo "jre-base.sh: apt knows no candidate for: $(grep '=(none)$\|=$' <<<"$versions" | tr '\n' ' ') (apt-get update?)" >&2
  exit 1
fi
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
key=$( (echo "$versions"; cat "${BASH_SOURCE[0]}" "$here/TrustStore.java") | sha256sum | cut -c1-12)
cache_root=${FOREMAN_SUITE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/foreman-suite}
out="$cache_root/jre-base-$key/jre-base.tar"

if [[ ! -s "$out" ]]; then
  mkdir -p "$(dirname "$out")"
  work=$(mktemp -d "$(dirname "$out")/build.XXXXXX")
  trap 'rm -rf "$work"' EXIT
  echo "jre-base.sh: assembling the base image from Debian packages: $(tr '\n' ' ' <<<"$versions")" >&2
  mkdir -p "$work/debs" "$work/rootfs"
  # apt-get download as the user that owns the directory (it drops to _apt only where it can).
  (cd "$work/debs" && apt-get download $(tr '\n' ' ' <<<"$versions") >/dev/null 2>"$work/apt.log") \
    || { cat "$work/apt.log" >&2; exit 1; }
  for deb in "$work"/debs/*.deb; do dpkg-deb -x "$deb" "$work/rootfs"; done
  root="$work/rootfs"
  java_home=$(dirname "$(dirname "$(find "$root/usr/lib/jvm" -path '*/bin/java' -type f | head -1)")")
  mkdir -p "$root/usr/bin"
  ln -sfn "${java_home#"$root"}/bin/java" "$root/usr/bin/java"
  # Debian's cacerts is a link to a file ca-certificates-java generates at install time (never run here):
  # build it from the ca-certificates package's PEMs instead (an external Foreman with a public CA needs it).
  rm -f "$java_home/lib/security/cacerts"
  java "$here/TrustStore.java" "$root/usr/share/ca-certificates" "$java_home/lib/security/cacerts"
  rm -rf "$root/usr/share/ca-certificates" "$root/usr/sbin" "$root/etc/ca-certificates" "$root/etc/ssl"
  mkdir -p "$root/tmp" "$root/etc"
  chmod 1777 "$root/tmp"
  printf 'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n' >"$root/etc/passwd"
  printf 'root:x:0:\nnonroot:x:65532:\n' >"$root/etc/group"
  rm -rf "$root/usr/share/doc" "$root/usr/share/man" "$root/usr/share/lintian"
  # One reproducible layer: sorted, numeric root ownership, a fixed time.
  (cd "$root" && tar --sort=name --numeric-owner --owner=0 --group=0 --mtime='2000-01-01 00:00Z' -cf "$work/layer.tar" .)
  python3 - "$work" "$versions" "${java_home#"$root"}" <<'PY'
import hashlib, json, os, sys, tarfile
work, versions, java_home = sys.argv[1], sys.argv[2].split(), sys.argv[3]
digest = hashlib.sha256(open(os.path.join(work, "layer.tar"), "rb").read()).hexdigest()
config = {
    "architecture": "amd64", "os": "linux", "created": "2000-01-01T00:00:00Z",
    "config": {"Env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "JAVA_HOME=" + java_home],
               "User": "65532:65532", "Labels": {"org.theforeman.jre-base.packages": " ".join(versions)}},
    "rootfs": {"type": "layers", "diff_ids": ["sha256:" + digest]},
    "history": [{"created": "2000-01-01T00:00:00Z", "created_by": "images/jre-base.sh: " + " ".join(versions)}],
}
config_bytes = json.dumps(config, sort_keys=True).encode()
config_name = hashlib.sha256(config_bytes).hexdigest() + ".json"
open(os.path.join(work, config_name), "wb").write(config_bytes)
manifest = [{"Config": config_name, "RepoTags": ["foreman-suite/jre-base:17"], "Layers": [digest + "/layer.tar"]}]
open(os.path.join(work, "manifest.json"), "w").write(json.dumps(manifest))
with tarfile.open(os.path.join(work, "image.tar"), "w") as image:
    image.add(os.path.join(work, "manifest.json"), "manifest.json")
    image.add(os.path.join(work, config_name), config_name)
    image.add(os.path.join(work, "layer.tar"), digest + "/layer.tar")
PY
  mv "$work/image.tar" "$out"
  echo "jre-base.sh: $(du -h "$out" | cut -f1) written" >&2
fi
if [[ $# -ge 1 ]]; then
  mkdir -p "$(dirname "$1")"
  cp "$out" "$1"
fi
echo "$out"
