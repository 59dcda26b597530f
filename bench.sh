#!/usr/bin/env bash
# Builds the benchmark runner quietly, then hands it the arguments (./bench.sh --help). The logic is in bench/Runner/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet msbuild -restore "$root/bench/Runner/BenchRunner.csproj" -p:Configuration=Release -v:q -nologo -tl:off >&2 \
  || { echo "error: building bench/Runner/BenchRunner.csproj failed" >&2; exit 1; }
exec dotnet "$root/artifacts/bin/BenchRunner/release/bench-runner.dll" "$@"
