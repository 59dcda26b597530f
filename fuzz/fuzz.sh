#!/usr/bin/env bash
# Builds the fuzzing runner quietly, then hands it the arguments (fuzz/README.md). The logic is in fuzz/Runner.
#   ./fuzz/fuzz.sh campaign driver 10     AFL++ over the driver target for 10 minutes
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet build "$root/fuzz/Runner/Fuzz.Runner.csproj" -c Release -v:q -nologo -tl:off >&2 \
  || { echo "error: building fuzz/Runner/Fuzz.Runner.csproj failed" >&2; exit 1; }
exec dotnet "$root/artifacts/bin/Fuzz.Runner/release/fuzz-runner.dll" "$@"
