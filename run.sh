#!/usr/bin/env bash
# Builds the launcher quietly, then hands it the arguments (./run.sh --help). The logic is in launcher/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
launcher="$root/artifacts/bin/Launcher/release/launcher.dll"
if [[ ! -f "$launcher" ]]; then
  echo "run.sh: building the launcher and rvc (launcher/Launcher.csproj; the first time takes a minute or two)" >&2
fi
dotnet msbuild -restore "$root/launcher/Launcher.csproj" -p:Configuration=Release -v:q -nologo -tl:off >&2 \
  || { echo "error: building launcher/Launcher.csproj failed" >&2; exit 1; }
exec dotnet "$launcher" "$@"
