#!/usr/bin/env bash
# Installs what is missing (clang-19, lld-19, QEMU: ./run.sh prereqs; PowerShell: dotnet tool restore) and runs every
# test project in tests/, one after the other, saying which one runs and what it gave. Arguments go to every
# `dotnet test` (./test.sh --filter "FullyQualifiedName~LauncherTests"). Exits non-zero if any project fails to build
# or has a failing test; ends with the totals over all projects.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

./run.sh prereqs
# PowerShell, as a local .NET tool (.config/dotnet-tools.json): the tests run ./run.ps1 with it.
dotnet tool restore >/dev/null

shopt -s nullglob
projects=(tests/*/*.csproj)
if ((${#projects[@]} == 0)); then
  echo "error: no test project found (tests/*/*.csproj)" >&2
  exit 1
fi

log="$(mktemp)" failures="$(mktemp)"
trap 'rm -f "$log" "$failures"' EXIT
status=0 passed=0 failed=0 skipped=0 i=0
for project in "${projects[@]}"; do
  i=$((i + 1))
  echo "== [$i/${#projects[@]}] dotnet test $project $*"
  start=$SECONDS
  # Normal verbosity: one line per test as it finishes, so that a long project shows its progress.
  project_status=0
  dotnet test "$project" -c Release --nologo --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log" || project_status=1
  # VSTest's summary at normal verbosity: "Total tests: 12", then "     Passed: 11", "     Failed: 1", "    Skipped: 0".
  read -r summaries p f s < <(awk '
    /^Total tests: [0-9]+/ { n++ }
    /^ +Passed: [0-9]+ *$/ { p += $2 }
    /^ +Failed: [0-9]+ *$/ { f += $2 }
    /^ +Skipped: [0-9]+ *$/ { s += $2 }
    END { print n + 0, p + 0, f + 0, s + 0 }' "$log")
  passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
  # Each failing test's block ("  Failed NAME [time]", its message, stack and output), at most 80 lines of it, kept
  # for the end of the run: a CI log that shows only its tail still names what failed and why.
  awk '
    /^  Failed / { keep = 1; n = 0; print "-- " project ": " substr($0, 10); next }
    /^  (Passed|Skipped) / || /^\[xUnit/ || /^Test Run / || /^Total tests:/ { keep = 0 }
    keep && n++ < 80 { print }' project="$project" "$log" >>"$failures"
  if ((project_status != 0)); then
    status=1
  fi
  if ((summaries == 0)); then
    if ((project_status == 0 && $# > 0)); then
      echo "== [$i/${#projects[@]}] $project: no test matches the arguments ($((SECONDS - start)) s)"
      continue
    fi
    echo "error: $project reported no results (build errors above?)" >&2
    status=1
  fi
  echo "== [$i/${#projects[@]}] $project: $p passed, $f failed, $s skipped ($((SECONDS - start)) s)"
done

if [[ -s "$failures" ]]; then
  echo "== failed tests"
  cat "$failures"
fi
echo "total: $passed passed, $failed failed, $skipped skipped"
exit "$status"
