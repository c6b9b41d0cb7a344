#!/usr/bin/env bash
# The UI browser suite (docs/ui.md): installs Chromium (Debian) when it can, builds and starts
# the patched web UI with `orchestrator ui`, and runs the Playwright tests against it (and the
# `orchestrator report` page test, run-report.test.mjs, which needs no UI).
#
# usage: integration-tests/ui/run.sh [--upstream URL|PATH]   (or set LTX2_UPSTREAM)
# env:   UI_TEST_PORT (default 8676), UI_SCREENSHOT_DIR (write the form's screenshots there),
#        UI_TEST_REPORT (JUnit XML path, default target/test-reports/ui.xml)
# exit:  0 passed; 1 failed: a test, or building, preparing or starting the UI (reason on stderr);
#        2 cannot run on this machine: no Node.js 20+/npm, or no Chromium and no way to install it
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
home="$(cd "$here/../.." && pwd)"
if [ "${1:-}" = "--upstream" ] && [ -n "${2:-}" ]; then export LTX2_UPSTREAM="$2"; fi
upstream=()
[ -n "${LTX2_UPSTREAM:-}" ] && upstream=(--upstream "$LTX2_UPSTREAM")
port="${UI_TEST_PORT:-8676}"
report="${UI_TEST_REPORT:-$home/target/test-reports/ui.xml}"
log="$home/target/ui-test/orchestrator-ui.log"
mkdir -p "$(dirname "$report")" "$(dirname "$log")"

# Only what this machine lacks is a skip; anything of ours that breaks is a failure, so that
# bin/test never reports a broken UI build as "could not run".
cannot_run() { echo "ui suite: cannot run: $*" >&2; exit 2; }
failed() { echo "ui suite: failed: $*" >&2; exit 1; }

# The minimum is the one `orchestrator ui` enforces; read from there, not written twice.
min_node="$(sed -n 's/.*MIN_NODE_MAJOR = \([0-9][0-9]*\);.*/\1/p' "$home/orchestrator/src/main/java/dev/ltx2/orchestrator/ui/NodeTools.java")"
[ -n "$min_node" ] || failed "cannot read MIN_NODE_MAJOR from orchestrator/.../ui/NodeTools.java"
command -v node >/dev/null && command -v npm >/dev/null \
  || cannot_run "node and npm are not installed (the UI needs Node.js $min_node or newer with npm)"
node_version="$(node --version)"
node_major="${node_version#v}" && node_major="${node_major%%.*}"
[ "$node_major" -ge "$min_node" ] 2>/dev/null \
  || cannot_run "Node.js $node_version is too old (the UI needs Node.js $min_node or newer)"
if [ ! -x /usr/bin/chromium ]; then
  if [ "${LTX2_NO_APT:-0}" = 1 ]; then
    cannot_run "/usr/bin/chromium is missing and LTX2_NO_APT=1 forbids installing it (apt-get install chromium chromium-driver fonts-dejavu-core)"
  elif [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    "$here/install-chromium.sh" || cannot_run "apt-get could not install chromium"
  else
    cannot_run "/usr/bin/chromium is missing (apt-get install chromium chromium-driver, as root)"
  fi
fi

# Where the cache, venv and demo are: the orchestrator's answer (core/Layout), not recomputed here.
{ read -r cache && read -r venv_python && read -r demo; } < <("$home/bin/orchestrator" paths cache venv_python demo) \
  || failed "orchestrator paths failed"

# The test's own dependency (playwright-core), from the lockfile, with npm's cache in ours.
(cd "$here" && npm ci --no-audit --no-fund --prefer-offline --cache "$cache/ui/npm-cache" >/dev/null) \
  || failed "npm ci in $here failed"

# The tiny model and demo dataset the test trains on (made once per cache).
if [ ! -d "$demo/tiny-ltx2" ] || [ ! -d "$demo/dataset" ]; then
  "$home/bin/orchestrator" env create >/dev/null || failed "orchestrator env create failed"
  PYTHONPATH="$home/python-env/src" "$venv_python" -m ltx2_tools.demo --out "$demo" \
    || failed "could not generate the demo assets"
fi

# Build (cached) and start the UI; stop it, and everything it started, on exit.
# Its progress (minutes on a cold cache) is shown as well as logged.
"$home/bin/orchestrator" ui --build-only "${upstream[@]}" 2>&1 | tee "$log" >&2 \
  || failed "orchestrator ui --build-only failed (log: $log)"
setsid "$home/bin/orchestrator" ui --port "$port" "${upstream[@]}" >>"$log" 2>&1 &
ui_pid=$!
trap 'kill -TERM -- -"$ui_pid" 2>/dev/null; wait "$ui_pid" 2>/dev/null' EXIT
for _ in $(seq 1 120); do
  curl -fsS -o /dev/null "http://127.0.0.1:$port/jobs/new" 2>/dev/null && break
  kill -0 "$ui_pid" 2>/dev/null || { tail -20 "$log" >&2; failed "the UI exited (log: $log)"; }
  sleep 1
done
curl -fsS -o /dev/null "http://127.0.0.1:$port/jobs/new" || failed "the UI did not answer on port $port (log: $log)"

cd "$here"
UI_URL="http://127.0.0.1:$port" LTX2_ORCHESTRATOR_CACHE="$cache" \
  node --test --test-concurrency=1 \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=junit --test-reporter-destination="$report" \
  ltx2-form.test.mjs run-report.test.mjs
