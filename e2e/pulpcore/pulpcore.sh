#!/usr/bin/env bash
# A real pulpcore (API, content app, one worker) with its own PostgreSQL and Redis on this machine,
# everything bound to 127.0.0.1, configured the way a container is: from PULP_* environment
# variables (dynaconf) and an optional settings file (PULP_SETTINGS). For end-to-end tests of the
# Pulp operator, on machines without a container runtime.
#
#   pulpcore.sh install            pulpcore (with the s3 and azure extras), pulp-cli, PostgreSQL,
#                                  Redis, nginx, and the object storage test servers (moto[server]
#                                  for S3, Azurite for Azure Blob); idempotent, cached
#   pulpcore.sh start-db DIR       PostgreSQL (DIR/pg) and Redis for DIR; writes DIR/db.env
#   pulpcore.sh run DIR ENVFILE    migrate, set the admin password, start api, content and worker;
#                                  waits for the status API; writes DIR/pulp.env
#   pulpcore.sh exec DIR NAME ENVFILE -- COMMAND [ARG...]
#                                  runs COMMAND as a container's command: ENVFILE is all of its
#                                  environment (run's defaults and seeds are not added); its
#                                  output goes to stdout and DIR/logs/NAME.log; exits as it does
#   pulpcore.sh start DIR NAME ENVFILE -- COMMAND [ARG...]
#                                  the same in the background, in a process group of its own
#                                  (DIR/pids/NAME.pid, log DIR/logs/NAME.log) until `stop DIR`
#   pulpcore.sh smoke DIR          pulp-cli round trip: file repository, upload, publish,
#                                  distribute, download through the content app, compare sha256
#   pulpcore.sh start-s3 DIR BUCKET
#                                  an S3-compatible server (moto) on loopback with BUCKET; writes
#                                  DIR/s3.env (S3_ENDPOINT, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY,
#                                  S3_REGION, S3_BUCKET_NAME)
#   pulpcore.sh start-azurite DIR CONTAINER
#                                  Azurite's Blob service on loopback with CONTAINER; writes
#                                  DIR/azure.env (AZURE_ACCOUNT_NAME, AZURE_ACCOUNT_KEY,
#                                  AZURE_CONTAINER, AZURE_CONNECTION_STRING, AZURE_BLOB_URL)
#   pulpcore.sh stop DIR [NAME...] stops everything started for DIR, or only the processes NAME
#                                  started; idempotent
#   pulpcore.sh venv               prints the virtualenv's directory
#
# ENVFILE is what a Kubernetes container would get as its environment, one KEY=VALUE a line:
#   - values are literal (no quotes, no shell expansion); blank lines and '#' lines are skipped;
#   - $(NAME) is replaced as Kubernetes does for dependent variables: NAME from an earlier line of
#     the file, or (`run` only) one of the values `run` provides: API_PORT, CONTENT_PORT (the
#     ports it chose), PULP_DIR (=DIR) and the keys of DIR/db.env (POSTGRES_*, REDIS_*).
#     $$( gives a literal $(. An unknown $(NAME) stays as written.
#     E.g. PULP_CONTENT_ORIGIN=http://127.0.0.1:$(CONTENT_PORT)
#   - the pulp processes get these variables and nothing else from the caller's environment,
#     plus PATH, HOME (DIR/pulp/home; for exec and start DIR/containers/NAME) and LANG;
#   - `run` puts a settings file of defaults first in PULP_SETTINGS (DIR/run/defaults.py), so the
#     caller's PULP_SETTINGS files and PULP_* variables override each of them:
#       CONTENT_ORIGIN       http://127.0.0.1:$CONTENT_PORT. It must be the content app's address
#                            for the URLs pulp hands out to work; a caller's value still wins.
#       MEDIA_ROOT           DIR/pulp/media (in a container: a volume shared by all three)
#       STATIC_ROOT          DIR/pulp/assets
#       WORKING_DIRECTORY, FILE_UPLOAD_TEMP_DIR   DIR/pulp/tmp
#       DB_ENCRYPTION_KEY    DIR/pulp/certs/database_fields.symmetric.key (generated)
#     The database and SECRET_KEY have no default: the caller sets them (see minimal.env).
#   - API_PORT / CONTENT_PORT in the caller's environment fix the ports instead of free ones.
#   - The admin password is PULP_ADMIN_PASSWORD from the file, else from the caller's environment,
#     else random; it is written to DIR/pulp.env with API_URL, CONTENT_URL and the effective
#     API_ROOT, CONTENT_ORIGIN and CONTENT_PATH_PREFIX.
#
# Versions: PULPCORE_VERSION below; cache: ${FOREMAN_SUITE_CACHE:-~/.cache/foreman-suite}.
set -euo pipefail

# The newest pulpcore (it needs Python >= 3.11 and runs on Debian 12's PostgreSQL 15; pulp_file
# and pulp_certguard are built in). pulp-cli and pulp-glue share a version; pulpcore 3.123.1
# wants pulp-glue >= 0.35, < 0.42.
PULPCORE_VERSION=3.123.1
PULP_CLI_VERSION=0.41.1
# Object storage test servers: moto's S3 (PyPI) and Microsoft's Azurite (npm).
MOTO_VERSION=5.2.5
AZURITE_VERSION=3.37.0
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cache_root=${FOREMAN_SUITE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/foreman-suite}
prefix="$cache_root/pulpcore-$PULPCORE_VERSION"
venv="$prefix/venv"
marker="$prefix/installed"
tools="$prefix/tools"
azurite_dir="$cache_root/azurite-$AZURITE_VERSION"
# Everything runs on loopback only.
host=127.0.0.1

log() { echo "pulpcore.sh: $*" >&2; }
die() { log "$*"; exit 1; }

# ---------------------------------------------------------------------------------------------
# install

# Debian's PostgreSQL server binaries; PG_BINDIR overrides, otherwise the newest installed major.
pg_bindir() {
  if [[ -n ${PG_BINDIR:-} ]]; then echo "$PG_BINDIR"; return; fi
  local d
  d=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  [[ -n $d && -x $d/initdb ]] || return 1
  echo "$d"
}

# The key that says an install is complete: the pins and the constraints file.
install_key() {
  { echo "pulpcore[s3,azure]==$PULPCORE_VERSION pulp-cli==$PULP_CLI_VERSION pulp-glue==$PULP_CLI_VERSION"
    echo "moto[server]==$MOTO_VERSION azurite@$AZURITE_VERSION"
    cat "$here/constraints.txt" "$here/tools-constraints.txt"; } | sha256sum | cut -c1-16
}

# A Python >= 3.11 with venv (pulpcore 3.123 requires 3.11; its dependencies have wheels for it).
find_python() {
  local c
  for c in ${PULPCORE_PYTHON:-} python3 python3.13 python3.12 python3.11; do
    command -v "$c" >/dev/null 2>&1 || continue
    if "$c" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      "$c" -c 'import sys; print(sys.executable)'
      return
    fi
  done
  return 1
}

apt_install() {
  log "apt-get install $*"
  # No service may start from a package's install script (Debian's redis-server would otherwise
  # start a system-wide instance on port 6379): policy-rc.d answering 101 forbids it.
  local policy=/usr/sbin/policy-rc.d added=
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && added=1
  fi
  local rc=0
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null; } || rc=$?
  [[ -n $added ]] && rm -f "$policy"
  return $rc
}

# System packages, each only when missing. psycopg comes as psycopg[binary] (libpq inside the
# wheel), and every other dependency has a manylinux wheel, so no compiler or -dev package.
install_system() {
  local pkgs=()
  pg_bindir >/dev/null || pkgs+=(postgresql)
  command -v redis-server >/dev/null || pkgs+=(redis-server)
  command -v runuser >/dev/null || pkgs+=(util-linux)
  command -v curl >/dev/null || pkgs+=(curl)
  command -v python3 >/dev/null || pkgs+=(python3)
  # The web proxy's nginx (the pulp-web image's is nginx too); Debian's, run as the pod runs it.
  [[ -x /usr/sbin/nginx ]] || command -v nginx >/dev/null || pkgs+=(nginx)
  # Azurite is a Node.js program from npm.
  command -v npm >/dev/null || pkgs+=(npm)
  if ! find_python >/dev/null || ! "$(find_python)" -c 'import ensurepip, venv' 2>/dev/null; then
    pkgs+=(python3-venv)
  fi
  if ((${#pkgs[@]})); then
    ((EUID == 0)) || die "missing ${pkgs[*]}; run 'install' as root once"
    local start=$SECONDS
    apt_install "${pkgs[@]}"
    log "install: system packages in $((SECONDS - start)) s"
  fi
}

install_venv() {
  local py
  py=$(find_python) || die "no Python >= 3.11 found (set PULPCORE_PYTHON)"
  mkdir -p "$prefix"
  [[ -x $venv/bin/python ]] || "$py" -m venv "$venv"
  # constraints.txt pins every transitive dependency as resolved when PULPCORE_VERSION was chosen,
  # so a later release of some dependency cannot change what the tests run against.
  "$venv/bin/pip" install -q --disable-pip-version-check -c "$here/constraints.txt" \
    "pulpcore[s3,azure]==$PULPCORE_VERSION" "pulp-cli==$PULP_CLI_VERSION" "pulp-glue==$PULP_CLI_VERSION"
  # The test servers get a virtualenv of their own: their dependencies (Flask, Werkzeug, ...) must not
  # change what pulpcore runs with.
  [[ -x $tools/bin/python ]] || "$py" -m venv "$tools"
  "$tools/bin/pip" install -q --disable-pip-version-check -c "$here/tools-constraints.txt" \
    "moto[server]==$MOTO_VERSION"
  npm install --prefix "$azurite_dir" --no-audit --no-fund --loglevel=error "azurite@$AZURITE_VERSION" >/dev/null
}

cmd_install() {
  local start=$SECONDS
  install_system
  if [[ -f $marker && $(cat "$marker") == "$(install_key)" ]]; then
    log "install: already complete in $prefix ($((SECONDS - start)) s)"
    return
  fi
  log "install: pulpcore $PULPCORE_VERSION into $venv (first time only)"
  rm -f "$marker"
  install_venv
  # Written last, so an interrupted install never looks complete.
  install_key >"$marker"
  log "install: done in $((SECONDS - start)) s"
}

require_installed() {
  [[ -f $marker ]] || die "pulpcore is not installed: run '$0 install' first"
}

# ---------------------------------------------------------------------------------------------
# helpers shared by the other commands

# Asks the OS for N distinct free loopback ports (all sockets held open until all are chosen).
free_ports() {
  python3 - "$1" <<'EOF'
import socket, sys
socks = []
for _ in range(int(sys.argv[1])):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    socks.append(s)
print(" ".join(str(s.getsockname()[1]) for s in socks))
EOF
}

random_secret() { python3 -c 'import secrets, sys; print(secrets.token_urlsafe(int(sys.argv[1])))' "$1"; }

# Value of KEY in a KEY=VALUE file (last one wins), empty when absent.
env_get() { sed -n "s/^$2=//p" "$1" | tail -n 1; }

absdir() { mkdir -p "$1" && (cd "$1" && pwd); }

# PostgreSQL refuses to run as root: as root, its commands run as the 'postgres' system user
# (created by Debian's postgresql package); otherwise as the calling user.
pg_user() { if ((EUID == 0)); then echo postgres; else id -un; fi; }
as_pg() { if ((EUID == 0)); then runuser -u postgres -- "$@"; else "$@"; fi; }

# Is PID a live process (a zombie, dead but not yet reaped by its parent, is not)?
alive() { [[ -n ${1:-} ]] && ps -o stat= -p "$1" 2>/dev/null | grep -qv '^Z'; }

# Is something listening on 127.0.0.1:PORT?
listening() {
  python3 - "$1" <<'EOF'
import socket, sys
s = socket.socket()
s.settimeout(1)
sys.exit(0 if s.connect_ex(("127.0.0.1", int(sys.argv[1]))) == 0 else 1)
EOF
}

# ---------------------------------------------------------------------------------------------
# start-db

pg_start() {
  local dir=$1 pgdata=$1/pg sock=$1/pgsock port=$2 bindir
  bindir=$(pg_bindir) || die "PostgreSQL is not installed: run '$0 install' first"
  mkdir -p "$pgdata" "$sock"
  chown "$(pg_user)" "$pgdata" "$sock"
  chmod 700 "$pgdata" "$sock"
  touch "$dir/logs/postgres.log" && chown "$(pg_user)" "$dir/logs/postgres.log"
  as_pg test -w "$pgdata" || die "user $(pg_user) cannot reach $pgdata (a parent directory is not searchable, e.g. /root); use another DIR"
  if [[ ! -f $pgdata/PG_VERSION ]]; then
    # Local (socket) connections are trusted: the socket directory is private to the server's
    # user. TCP connections, the ones pulp makes, need a password.
    as_pg "$bindir/initdb" -D "$pgdata" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
      --no-locale --encoding=UTF8 --no-sync >"$dir/logs/initdb.log" 2>&1 \
      || { cat "$dir/logs/initdb.log" >&2; die "initdb failed"; }
  fi
  # Appended, so the last value wins on a restart with another port. The cluster is a throwaway
  # for tests: durability is traded for speed.
  cat >>"$pgdata/postgresql.conf" <<EOF
listen_addresses = '$host'
port = $port
unix_socket_directories = '$sock'
unix_socket_permissions = 0700
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 64MB
EOF
  as_pg "$bindir/pg_ctl" -D "$pgdata" -l "$dir/logs/postgres.log" -w -t 60 start >/dev/null \
    || { tail -n 30 "$dir/logs/postgres.log" >&2; die "PostgreSQL did not start"; }
}

# Creates role and database 'pulp' (idempotent). The owner may create the trusted extension
# hstore, which pulpcore's migrations need.
pg_create_db() {
  local dir=$1 port=$2 password=$3 psql
  local role db
  psql=("$(pg_bindir)/psql" -X -q -h "$dir/pgsock" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1)
  role=$(as_pg "${psql[@]}" -tAc "SELECT count(*) FROM pg_roles WHERE rolname = 'pulp'")
  db=$(as_pg "${psql[@]}" -tAc "SELECT count(*) FROM pg_database WHERE datname = 'pulp'")
  if ((role == 0)); then
    as_pg "${psql[@]}" -c "CREATE ROLE pulp LOGIN PASSWORD '$password'"
  else
    as_pg "${psql[@]}" -c "ALTER ROLE pulp PASSWORD '$password'"
  fi
  ((db > 0)) || as_pg "${psql[@]}" -c "CREATE DATABASE pulp OWNER pulp"
}

redis_start() {
  local dir=$1 port=$2
  mkdir -p "$dir/redis"
  # No persistence: a cache for one test run.
  redis-server --bind "$host" --port "$port" --save '' --appendonly no --daemonize yes \
    --pidfile "$dir/redis/redis.pid" --logfile "$dir/logs/redis.log" --dir "$dir/redis"
  for _ in $(seq 50); do listening "$port" && return; sleep 0.2; done
  tail -n 20 "$dir/logs/redis.log" >&2
  die "Redis did not start"
}

cmd_start_db() {
  [[ $# -eq 1 ]] || die "usage: $0 start-db DIR"
  if ! command -v redis-server >/dev/null || ! pg_bindir >/dev/null; then die "run '$0 install' first"; fi
  local dir pg_port redis_port password
  dir=$(absdir "$1")
  mkdir -p "$dir/logs"
  # A second start-db keeps the ports (while free, or in use by this DIR's servers) and password.
  if [[ -f $dir/db.env ]]; then
    pg_port=$(env_get "$dir/db.env" POSTGRES_PORT)
    redis_port=$(env_get "$dir/db.env" REDIS_PORT)
    password=$(env_get "$dir/db.env" POSTGRES_PASSWORD)
  fi
  password=${password:-$(random_secret 18)}
  if as_pg "$(pg_bindir)/pg_ctl" -D "$dir/pg" status >/dev/null 2>&1; then
    # Line 4 of postmaster.pid is the port the server listens on.
    pg_port=$(sed -n 4p "$dir/pg/postmaster.pid")
    log "start-db: PostgreSQL already running"
  else
    if [[ -z ${pg_port:-} ]] || listening "$pg_port"; then read -r pg_port _ <<<"$(free_ports 1)"; fi
    pg_start "$dir" "$pg_port"
  fi
  pg_create_db "$dir" "$pg_port" "$password"
  if alive "$(cat "$dir/redis/redis.pid" 2>/dev/null)"; then
    log "start-db: Redis already running"
  else
    if [[ -z ${redis_port:-} ]] || listening "$redis_port"; then read -r redis_port _ <<<"$(free_ports 1)"; fi
    redis_start "$dir" "$redis_port"
  fi
  # The keys of pulp-operator's external database secret, plus Redis.
  (umask 077; cat >"$dir/db.env" <<EOF
POSTGRES_HOST=$host
POSTGRES_PORT=$pg_port
POSTGRES_USERNAME=pulp
POSTGRES_PASSWORD=$password
POSTGRES_DB_NAME=pulp
POSTGRES_SSLMODE=disable
REDIS_HOST=$host
REDIS_PORT=$redis_port
EOF
  )
  log "start-db: PostgreSQL on $host:$pg_port, Redis on $host:$redis_port; wrote $dir/db.env"
}

# ---------------------------------------------------------------------------------------------
# run

# Builds the pulp processes' environment (KEY=VALUE lines on stdout): BASE_FILE's variables, then
# ENVFILE's, with $(NAME) expanded as Kubernetes does, and DEFAULTS_PY put first in PULP_SETTINGS.
# Arguments: ENVFILE SEEDS_FILE BASE_FILE DEFAULTS_PY.
build_env() {
  python3 - "$@" <<'EOF'
import re, sys

def read_pairs(path):
    pairs = []
    with open(path) as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            key, sep, value = line.partition("=")
            if not sep or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.-]*", key):
                sys.exit(f"pulpcore.sh: {path}:{n}: not a KEY=VALUE line: {line!r}")
            pairs.append((key, value))
    return pairs

envfile, seeds_file, base_file, defaults_py = sys.argv[1:]
seeds = dict(read_pairs(seeds_file))
env = dict(read_pairs(base_file))
defined = {}

def expand(value):
    # "$$(" is a literal "$(", "$(NAME)" an earlier line of the file or a seed, else left as is.
    def sub(m):
        if m.group(0) == "$$(":
            return "$("
        return defined.get(m.group(1), seeds.get(m.group(1), m.group(0)))
    return re.sub(r"\$\$\(|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)", sub, value)

for key, value in read_pairs(envfile):
    defined[key] = expand(value)
    env[key] = defined[key]
# Dynaconf loads PULP_SETTINGS' files in order, later ones and then PULP_* variables winning:
# run's defaults go first, so that both the caller's settings file and variables override them.
# exec and start pass no defaults ("").
if defaults_py:
    env["PULP_SETTINGS"] = ",".join([defaults_py] + ([env["PULP_SETTINGS"]] if env.get("PULP_SETTINGS") else []))
for key, value in env.items():
    print(f"{key}={value}")
EOF
}

# What the image provides besides the caller's variables: PATH (the virtualenv first), HOME, LANG.
# Arguments: the file to write, HOME.
write_base_env() {
  cat >"$1" <<EOF
PATH=$venv/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/bin
HOME=$2
LANG=C.UTF-8
EOF
}

# Runs "$@" with exactly the pulp processes' environment ($run_env), in $run_cwd, by default
# DIR/pulp (replacing the calling shell: call it in a subshell).
in_pulp_env() {
  local envargs
  mapfile -t envargs <"$run_env"
  cd "${run_cwd:-$run_dir/pulp}" && exec env -i "${envargs[@]}" "$@"
}

# Starts "$@" in its own session (so in its own process group), logging to DIR/logs/NAME.log;
# records the pid (= process group id) in DIR/pids/NAME.pid.
start_proc() {
  local name=$1; shift
  # Not a job-control shell, so the child is no group leader and setsid needs not fork:
  # $! is the pid and the process group of the pulp process itself.
  (in_pulp_env setsid "$@" >"$run_dir/logs/$name.log" 2>&1 </dev/null) &
  echo $! >"$run_dir/pids/$name.pid"
}

# Runs a one-shot pulpcore-manager command; on failure prints its output (pulpcore's own error).
manager() {
  local name=$1 rc=0; shift
  (in_pulp_env timeout "${PULPCORE_MIGRATE_TIMEOUT:-900}" pulpcore-manager "$@") \
    >"$run_dir/logs/$name.log" 2>&1 || rc=$?
  if ((rc)); then
    log "pulpcore-manager $1 failed (exit $rc); last lines of $run_dir/logs/$name.log:"
    tail -n 100 "$run_dir/logs/$name.log" >&2
    return $rc
  fi
}

# Prints, as KEY=VALUE lines, the settings run needs to know, as pulpcore resolved them from the
# environment and the settings files.
effective_settings() (
  in_pulp_env python -c '
import os
os.environ["DJANGO_SETTINGS_MODULE"] = "pulpcore.app.settings"
from django.conf import settings
for key in ("API_ROOT", "CONTENT_ORIGIN", "CONTENT_PATH_PREFIX"):
    print(f"{key}={getattr(settings, key) or str()}")'
)

# Polls the status API until it answers 200 with >= 1 online worker and content app. Fails early,
# with the log, when one of the processes exits.
wait_for_status() {
  local url=$1 deadline=$((SECONDS + ${PULPCORE_START_TIMEOUT:-180})) name body=
  while ((SECONDS < deadline)); do
    for name in api content worker; do
      if ! alive "$(cat "$run_dir/pids/$name.pid")"; then
        log "pulpcore-$name exited; last lines of $run_dir/logs/$name.log:"
        tail -n 60 "$run_dir/logs/$name.log" >&2
        return 1
      fi
    done
    if body=$(curl -fsS --max-time 5 "$url" 2>/dev/null) && python3 -c '
import json, sys
s = json.loads(sys.argv[1])
sys.exit(not (s.get("online_workers") and s.get("online_content_apps")))' "$body"; then
      return 0
    fi
    sleep 1
  done
  log "status API $url did not report an online worker and content app in time: ${body:-no answer}"
  return 1
}

cmd_run() {
  [[ $# -eq 2 ]] || die "usage: $0 run DIR ENVFILE"
  require_installed
  local dir envfile start=$SECONDS api_port content_port name
  dir=$(absdir "$1")
  [[ -f $2 ]] || die "no env file $2"
  envfile=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
  run_dir=$dir
  run_env=$dir/run/process.env
  mkdir -p "$dir"/{logs,pids,run} "$dir"/pulp/{media,tmp,assets,certs,home}
  for name in api content worker; do
    ! alive "$(cat "$dir/pids/$name.pid" 2>/dev/null)" || die "pulp is already running for $dir: '$0 stop $dir' first"
  done
  read -r api_port content_port <<<"$(free_ports 2)"
  api_port=${API_PORT:-$api_port}
  content_port=${CONTENT_PORT:-$content_port}

  # What $(NAME) may refer to in the env file.
  { echo "API_PORT=$api_port"; echo "CONTENT_PORT=$content_port"; echo "PULP_DIR=$dir"
    [[ ! -f $dir/db.env ]] || cat "$dir/db.env"; } >"$dir/run/seeds.env"
  write_base_env "$dir/run/base.env" "$dir/pulp/home"
  # run's defaults, as the first settings file: everything the caller sets wins over them.
  # PULP_DEPLOY_ROOT would not do: pulpcore derives the paths from it at import time only.
  cat >"$dir/run/defaults.py" <<EOF
CONTENT_ORIGIN = "http://$host:$content_port"
MEDIA_ROOT = "$dir/pulp/media"
STATIC_ROOT = "$dir/pulp/assets"
WORKING_DIRECTORY = "$dir/pulp/tmp"
FILE_UPLOAD_TEMP_DIR = "$dir/pulp/tmp"
DB_ENCRYPTION_KEY = "$dir/pulp/certs/database_fields.symmetric.key"
EOF
  (umask 077; build_env "$envfile" "$dir/run/seeds.env" "$dir/run/base.env" "$dir/run/defaults.py" >"$run_env")

  # The default database encryption key: one Fernet key (32 random bytes, urlsafe base64) a line.
  # A key file named by the caller must exist already, as a mounted secret would.
  local key_file=$dir/pulp/certs/database_fields.symmetric.key admin_password
  [[ -s $key_file ]] || (umask 077
    python3 -c 'import base64, os; print(base64.urlsafe_b64encode(os.urandom(32)).decode())' >"$key_file")
  admin_password=$(env_get "$run_env" PULP_ADMIN_PASSWORD)
  admin_password=${admin_password:-${PULP_ADMIN_PASSWORD:-$(random_secret 18)}}

  log "run: migrating"
  manager migrate migrate --noinput || exit 1
  local migrated=$SECONDS
  manager reset-admin-password reset-admin-password --password "$admin_password" || exit 1
  effective_settings >"$dir/run/settings.env" || die "could not read pulpcore's settings"
  local api_root content_origin content_prefix
  api_root=$(env_get "$dir/run/settings.env" API_ROOT)
  content_origin=$(env_get "$dir/run/settings.env" CONTENT_ORIGIN)
  content_prefix=$(env_get "$dir/run/settings.env" CONTENT_PATH_PREFIX)

  start_proc api pulpcore-api --bind "$host:$api_port" --workers 1 --access-logfile -
  start_proc content pulpcore-content --bind "$host:$content_port" --workers 1 --access-logfile -
  start_proc worker pulpcore-worker

  local status_url="http://$host:$api_port${api_root}api/v3/status/"
  log "run: waiting for $status_url"
  if ! wait_for_status "$status_url"; then
    cmd_stop_pulp "$dir"
    exit 1
  fi
  [[ $content_origin == "http://$host:$content_port" ]] \
    || log "run: note: CONTENT_ORIGIN is '$content_origin', not the content app's http://$host:$content_port; URLs pulp hands out will point there"
  (umask 077; cat >"$dir/pulp.env" <<EOF
API_URL=http://$host:$api_port
CONTENT_URL=http://$host:$content_port
API_PORT=$api_port
CONTENT_PORT=$content_port
API_ROOT=$api_root
CONTENT_ORIGIN=$content_origin
CONTENT_PATH_PREFIX=$content_prefix
PULP_ADMIN_USER=admin
PULP_ADMIN_PASSWORD=$admin_password
PULP_VENV=$venv
EOF
  )
  log "run: pulp is up (api $host:$api_port, content $host:$content_port); migrate took $((migrated - start)) s, status OK after $((SECONDS - start)) s in total; wrote $dir/pulp.env"
}

# ---------------------------------------------------------------------------------------------
# exec, start: the caller's own command, run as a container runs it

# Parses DIR NAME ENVFILE -- COMMAND...; sets run_dir, run_env (ENVFILE's variables, $(NAME)
# expanded from its earlier lines only, plus PATH, HOME and LANG), proc_name and proc_command.
# Like a container's own file system, each NAME has its own HOME and working directory,
# DIR/containers/NAME (gunicorn, for one, keeps a control socket under HOME).
prepare_container() {
  local usage="usage: $0 $1 DIR NAME ENVFILE -- COMMAND [ARG...]"
  shift
  [[ $# -ge 5 && $4 == -- ]] || die "$usage"
  require_installed
  [[ $2 =~ ^[A-Za-z0-9_.-]+$ ]] || die "NAME must be letters, digits, '.', '_' or '-': '$2'"
  [[ -f $3 ]] || die "no env file $3"
  run_dir=$(absdir "$1")
  proc_name=$2
  run_env=$run_dir/run/$proc_name.env
  run_cwd=$run_dir/containers/$proc_name
  mkdir -p "$run_dir"/{logs,pids,run} "$run_cwd"
  write_base_env "$run_dir/run/$proc_name.base.env" "$run_cwd"
  (umask 077; build_env "$3" /dev/null "$run_dir/run/$proc_name.base.env" "" >"$run_env")
  proc_command=("${@:5}")
}

cmd_exec() {
  prepare_container exec "$@"
  local rc
  # Output both to the caller (who looks for pulpcore's own error in it) and to the log.
  set +e
  (in_pulp_env timeout "${PULPCORE_EXEC_TIMEOUT:-900}" "${proc_command[@]}") 2>&1 | tee "$run_dir/logs/$proc_name.log"
  rc=${PIPESTATUS[0]}
  set -e
  ((rc == 0)) || log "exec: $proc_name exited with $rc; log $run_dir/logs/$proc_name.log"
  return "$rc"
}

cmd_start() {
  prepare_container start "$@"
  ! alive "$(cat "$run_dir/pids/$proc_name.pid" 2>/dev/null)" || die "$proc_name is already running for $run_dir"
  start_proc "$proc_name" "${proc_command[@]}"
  log "start: $proc_name is pid $(cat "$run_dir/pids/$proc_name.pid"), log $run_dir/logs/$proc_name.log"
}

# ---------------------------------------------------------------------------------------------
# start-s3, start-azurite: object storage on loopback

# Starts "$@" in its own session as server NAME of DIR (pid file, log); waits until PORT listens.
start_server() {
  local dir=$1 name=$2 port=$3; shift 3
  mkdir -p "$dir"/{logs,pids}
  ! alive "$(cat "$dir/pids/$name.pid" 2>/dev/null)" || die "$name is already running for $dir"
  (cd "$dir" && exec setsid "$@" >"$dir/logs/$name.log" 2>&1 </dev/null) &
  echo $! >"$dir/pids/$name.pid"
  for _ in $(seq 150); do
    listening "$port" && return
    alive "$(cat "$dir/pids/$name.pid")" || break
    sleep 0.2
  done
  tail -n 30 "$dir/logs/$name.log" >&2
  die "$name did not start on $host:$port"
}

cmd_start_s3() {
  [[ $# -eq 2 ]] || die "usage: $0 start-s3 DIR BUCKET"
  require_installed
  local dir port key secret
  dir=$(absdir "$1")
  read -r port _ <<<"$(free_ports 1)"
  # moto accepts any credentials; these only have to be used consistently.
  key=test$(random_secret 6 | tr -dc 'a-zA-Z0-9')
  secret=$(random_secret 18)
  start_server "$dir" s3 "$port" "$tools/bin/moto_server" -H "$host" -p "$port"
  # boto3 from pulpcore's s3 extra creates the bucket, as a user would before pointing Pulp at it.
  S3_ENDPOINT=http://$host:$port AWS_ACCESS_KEY_ID=$key AWS_SECRET_ACCESS_KEY=$secret "$venv/bin/python" -c '
import os, sys, boto3
boto3.client("s3", endpoint_url=os.environ["S3_ENDPOINT"], region_name="us-east-1").create_bucket(Bucket=sys.argv[1])' "$2" \
    || die "could not create bucket $2"
  (umask 077; printf '%s\n' "S3_ENDPOINT=http://$host:$port" "S3_PORT=$port" "S3_ACCESS_KEY_ID=$key" \
    "S3_SECRET_ACCESS_KEY=$secret" "S3_REGION=us-east-1" "S3_BUCKET_NAME=$2" >"$dir/s3.env")
  log "start-s3: S3 (moto $MOTO_VERSION) on $host:$port with bucket $2; wrote $dir/s3.env"
}

cmd_start_azurite() {
  [[ $# -eq 2 ]] || die "usage: $0 start-azurite DIR CONTAINER"
  require_installed
  local dir port account=devstoreaccount1 key
  dir=$(absdir "$1")
  read -r port _ <<<"$(free_ports 1)"
  # Azurite's well-known development account key (published by Microsoft; not a secret).
  key='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='
  mkdir -p "$dir/azurite"
  start_server "$dir" azurite "$port" "$azurite_dir/node_modules/.bin/azurite-blob" \
    --blobHost "$host" --blobPort "$port" --location "$dir/azurite" --skipApiVersionCheck --disableProductStyleUrl
  local url=http://$host:$port/$account
  local connection="DefaultEndpointsProtocol=http;AccountName=$account;AccountKey=$key;BlobEndpoint=$url;"
  AZURE_CONNECTION_STRING=$connection "$venv/bin/python" -c '
import os, sys
from azure.storage.blob import BlobServiceClient
BlobServiceClient.from_connection_string(os.environ["AZURE_CONNECTION_STRING"]).create_container(sys.argv[1])' "$2" \
    || die "could not create container $2"
  (umask 077; printf '%s\n' "AZURE_ACCOUNT_NAME=$account" "AZURE_ACCOUNT_KEY=$key" "AZURE_CONTAINER=$2" \
    "AZURE_CONNECTION_STRING=$connection" "AZURE_BLOB_URL=$url" "AZURE_PORT=$port" >"$dir/azure.env")
  log "start-azurite: Azurite $AZURITE_VERSION Blob on $host:$port with container $2; wrote $dir/azure.env"
}

# ---------------------------------------------------------------------------------------------
# stop

# Does process group PGID still have a live pulpcore process? (Checking the command line too
# guards against a stale pid file whose number now belongs to someone else.)
group_alive() {
  ps -eo pgid=,stat=,args= | awk -v g="$1" '$1 == g && $2 !~ /^Z/ && /pulpcore|nginx|moto|azurite/ { f = 1 } END { exit !f }'
}

# Stops the pulp processes of DIR (all, or those NAMEs): TERM to each process group, KILL what is
# left after 30 s.
cmd_stop_pulp() {
  local dir=$1 f pgid groups=() files=() name
  shift
  if (($#)); then
    for name; do files+=("$dir/pids/$name.pid"); done
  else
    files=("$dir"/pids/*.pid)
  fi
  for f in "${files[@]}"; do
    [[ -f $f ]] || continue
    pgid=$(cat "$f")
    if group_alive "$pgid"; then
      kill -TERM -- "-$pgid" 2>/dev/null || true
      groups+=("$pgid")
    fi
  done
  for _ in $(seq 150); do
    local left=
    for pgid in "${groups[@]}"; do group_alive "$pgid" && left=1; done
    [[ -n $left ]] || break
    sleep 0.2
  done
  for pgid in "${groups[@]}"; do
    ! group_alive "$pgid" || { log "stop: process group $pgid ignored TERM, killing it"; kill -KILL -- "-$pgid" 2>/dev/null || true; }
  done
  rm -f "${files[@]}"
}

cmd_stop() {
  [[ $# -ge 1 ]] || die "usage: $0 stop DIR [NAME...]"
  [[ -d $1 ]] || { log "stop: no $1, nothing to stop"; return; }
  local dir pid
  dir=$(cd "$1" && pwd)
  if (($# > 1)); then
    cmd_stop_pulp "$dir" "${@:2}"
    log "stop: stopped ${*:2}"
    return
  fi
  # Azurite closes its service on TERM but its process stays; its data is a throwaway.
  pid=$(cat "$dir/pids/azurite.pid" 2>/dev/null || true)
  if [[ -n $pid ]] && group_alive "$pid"; then kill -KILL -- "-$pid" 2>/dev/null || true; fi
  cmd_stop_pulp "$dir"
  # Redis daemonizes; its pid file names it.
  pid=$(cat "$dir/redis/redis.pid" 2>/dev/null || true)
  if alive "$pid" && grep -q redis "/proc/$pid/cmdline" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 50); do alive "$pid" || break; sleep 0.2; done
    ! alive "$pid" || kill -KILL "$pid"
  fi
  rm -f "$dir/redis/redis.pid"
  if [[ -f $dir/pg/postmaster.pid ]]; then
    pid=$(head -n 1 "$dir/pg/postmaster.pid")
    as_pg "$(pg_bindir)/pg_ctl" -D "$dir/pg" -m fast -w -t 60 stop >/dev/null 2>&1 \
      || as_pg "$(pg_bindir)/pg_ctl" -D "$dir/pg" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
    if alive "$pid" && grep -q postgres "/proc/$pid/cmdline" 2>/dev/null; then
      kill -KILL "$pid" || true
    fi
  fi
  # Report anything still listening on a port this DIR used.
  local port busy=
  while read -r port; do
    ! listening "$port" || busy+=" $port"
  done < <(cat "$dir/db.env" "$dir/pulp.env" "$dir/s3.env" "$dir/azure.env" 2>/dev/null | sed -n 's/^[A-Z_]*PORT=//p')
  [[ -z $busy ]] || die "stop: still listening on$busy"
  log "stop: nothing left running for $dir"
}

# ---------------------------------------------------------------------------------------------
# smoke

# Runs one step, prints its stdout (pulp-cli's JSON; its stderr has task progress); on failure
# prints both and exits.
step() {
  local name=$1; shift
  local out rc=0
  out=$("$@" 2>"$work/stderr") || rc=$?
  if ((rc)); then
    log "smoke: step '$name' failed (exit $rc):"
    { echo "$out"; cat "$work/stderr"; } >&2
    exit 1
  fi
  log "smoke: $name ok"
  printf '%s' "$out"
}

json_field() { python3 -c 'import json, sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }

cmd_smoke() {
  [[ $# -eq 1 ]] || die "usage: $0 smoke DIR"
  require_installed
  local dir
  dir=$(cd "$1" && pwd)
  [[ -f $dir/pulp.env ]] || die "no $dir/pulp.env: '$0 run' first"
  local api_url content_base api_root user password
  api_url=$(env_get "$dir/pulp.env" API_URL)
  content_base=$(env_get "$dir/pulp.env" CONTENT_URL)$(env_get "$dir/pulp.env" CONTENT_PATH_PREFIX)
  api_root=$(env_get "$dir/pulp.env" API_ROOT)
  user=$(env_get "$dir/pulp.env" PULP_ADMIN_USER)
  password=$(env_get "$dir/pulp.env" PULP_ADMIN_PASSWORD)
  local work=$dir/smoke
  rm -rf "$work" && mkdir -p "$work/cache"
  (umask 077; cat >"$work/cli.toml" <<EOF
[cli]
base_url = "$api_url"
api_root = "$api_root"
username = "$user"
password = "$password"
verify_ssl = false
format = "json"
EOF
  )
  # pulp-cli keeps its copy of the API schema under XDG_CACHE_HOME: keep it in DIR.
  pulp() { XDG_CACHE_HOME=$work/cache "$venv/bin/pulp" --config "$work/cli.toml" "$@"; }

  local name file out publication base_path expected actual
  name=smoke-$(random_secret 6 | tr -dc 'a-zA-Z0-9')
  file=$name.bin
  head -c 65536 /dev/urandom >"$work/$file"
  expected=$(sha256sum "$work/$file" | cut -d' ' -f1)
  step status pulp status >/dev/null
  step "create repository" pulp file repository create --name "$name" >/dev/null
  step "upload file" pulp file content upload --repository "$name" --file "$work/$file" --relative-path "$file" >/dev/null
  out=$(step publish pulp file publication create --repository "$name")
  publication=$(json_field pulp_href <<<"$out")
  base_path=smoke/$name
  out=$(step "create distribution" pulp file distribution create --name "$name" --base-path "$base_path" --publication "$publication")
  local base_url
  base_url=$(json_field base_url <<<"$out")
  [[ $base_url == "$content_base$base_path/" ]] \
    || log "smoke: note: the distribution's base_url is $base_url (from CONTENT_ORIGIN), not $content_base$base_path/"
  step download curl -fsS --max-time 30 -o "$work/downloaded" "$content_base$base_path/$file" >/dev/null
  actual=$(sha256sum "$work/downloaded" | cut -d' ' -f1)
  [[ $actual == "$expected" ]] || die "smoke: sha256 of the download is $actual, expected $expected"
  log "smoke: passed (downloaded $content_base$base_path/$file, sha256 $expected)"
}

# ---------------------------------------------------------------------------------------------

main() {
  local cmd=${1:-}
  shift || true
  case $cmd in
    install) cmd_install "$@" ;;
    start-db) cmd_start_db "$@" ;;
    run) cmd_run "$@" ;;
    exec) cmd_exec "$@" ;;
    start) cmd_start "$@" ;;
    start-s3) cmd_start_s3 "$@" ;;
    start-azurite) cmd_start_azurite "$@" ;;
    smoke) cmd_smoke "$@" ;;
    stop) cmd_stop "$@" ;;
    venv) echo "$venv" ;;
    *) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
  esac
}

main "$@"
