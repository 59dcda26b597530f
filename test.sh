#!/usr/bin/env bash
# Installs what is missing (clang-19, lld-19, QEMU: ./run.sh prereqs) and runs every test project in tests/.
# Exits non-zero if any project fails to build or has a failing test; ends with the totals over all projects.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

./run.sh prereqs

shopt -s nullglob
projects=(tests/*/*.csproj)
if ((${#projects[@]} == 0)); then
  echo "error: no test project found (tests/*/*.csproj)" >&2
  exit 1
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
for project in "${projects[@]}"; do
  echo "== dotnet test $project"
  dotnet test "$project" -c Release --nologo 2>&1 | tee -a "$log" || status=1
done

# Totals from VSTest's per-project summaries: "Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12, ...".
read -r summaries passed failed skipped < <(awk '
  /(Passed|Failed)! +- +Failed: / {
    n++; gsub(",", "")
    for (i = 1; i < NF; i++) {
      if ($i == "Failed:") f += $(i + 1)
      if ($i == "Passed:") p += $(i + 1)
      if ($i == "Skipped:") s += $(i + 1)
    }
  }
  END { print n + 0, p + 0, f + 0, s + 0 }' "$log")
if ((summaries < ${#projects[@]})); then
  echo "error: $((${#projects[@]} - summaries)) of ${#projects[@]} test projects reported no results (build errors above?)" >&2
  status=1
fi
echo "total: $passed passed, $failed failed, $skipped skipped"
exit "$status"
