#!/usr/bin/env pwsh
# Builds the launcher quietly, then hands it the arguments (./run.ps1 --help). The logic is in launcher/.
$env:RVC_LAUNCHER_NAME = "./run.ps1"; $env:DOTNET_NOLOGO = '1'; $env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'; $env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'
$launcher = "$PSScriptRoot/artifacts/bin/Launcher/release/launcher.dll"
if (-not (Test-Path $launcher)) { [Console]::Error.WriteLine('run.ps1: building the launcher and rvc (launcher/Launcher.csproj; the first time takes a minute or two)') }
dotnet msbuild -restore "$PSScriptRoot/launcher/Launcher.csproj" -p:Configuration=Release -v:q -nologo -tl:off 2>&1 | ForEach-Object { [Console]::Error.WriteLine($_) }
if ($LASTEXITCODE -ne 0) { [Console]::Error.WriteLine('error: building launcher/Launcher.csproj failed'); exit 1 }
dotnet $launcher @args
exit $LASTEXITCODE
