# The orchestrator's cache root, for the launcher alone (sourced by bin/orchestrator).
#
# The one copy of core/Layout's formula outside Java, and it must stay: the launcher puts the
# cache's venv/bin first on PATH before the JVM starts (the CPython that Jep embeds adopts the
# venv from PATH, and a running JVM cannot change its own environment), so it cannot ask
# `orchestrator paths`. Every other script asks `bin/orchestrator paths NAME`. LauncherCacheTest
# (orchestrator) runs this function and fails when it and Layout disagree.
#
# usage: cache_root "$@"   (the launcher's arguments: --cache-dir DIR or --cache-dir=DIR wins)
cache_root() {
  local cache="${LTX2_ORCHESTRATOR_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ltx2-orchestrator}"
  local prev="" arg
  for arg in "$@"; do
    case "$arg" in --cache-dir=*) cache="${arg#--cache-dir=}" ;; esac
    [ "$prev" = "--cache-dir" ] && cache="$arg"
    prev="$arg"
  done
  realpath -m "$cache"
}
