#!/usr/bin/env pwsh
# Bootstraps the Slipway build on Windows/PowerShell: finds (or installs) a .NET SDK that fits
# global.json, rebuilds the build project only when its sources changed, then runs it.
#   ./build.ps1 [Target ...] [--parameter value ...]      ./build.ps1 --help
$ErrorActionPreference = 'Stop'
$Root = $PSScriptRoot
$Temp = Join-Path $Root '.nuke/temp'
$Bin = Join-Path $Temp 'build-bin'
$Stamp = Join-Path $Bin '.sources-stamp'

$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'; $env:DOTNET_NOLOGO = '1'; $env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'
$env:DOTNET_GENERATE_ASPNET_CERTIFICATE = 'false'; $env:DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE = '1'

function Test-SdkFits([string] $dotnet) {
    Push-Location $Root
    try { & $dotnet --version *> $null; return $LASTEXITCODE -eq 0 } catch { return $false } finally { Pop-Location }
}

function Find-Dotnet {
    $onPath = Get-Command dotnet -ErrorAction SilentlyContinue
    if ($onPath -and (Test-SdkFits $onPath.Source)) { return $onPath.Source }
    $exe = if ($IsWindows -or $env:OS -eq 'Windows_NT') { 'dotnet.exe' } else { 'dotnet' }
    $local = Join-Path $Temp "dotnet-win/$exe"
    if ((Test-Path $local) -and (Test-SdkFits $local)) { return $local }
    # As NUKE's bootstrapper does: install the SDK named by global.json into .nuke/temp.
    $version = (Get-Content (Join-Path $Root 'global.json') -Raw | ConvertFrom-Json).sdk.version
    $channel = ($version -split '\.')[0..1] -join '.'
    New-Item -ItemType Directory -Force -Path $Temp | Out-Null
    $installer = Join-Path $Temp 'dotnet-install.ps1'
    try {
        Invoke-WebRequest 'https://dot.net/v1/dotnet-install.ps1' -OutFile $installer -UseBasicParsing -TimeoutSec 60
        & $installer -InstallDir (Join-Path $Temp 'dotnet-win') -Channel $channel -NoPath | Out-Host
        return $local
    } catch {
        Write-Error "no .NET SDK fitting global.json ($version, rollForward latestFeature) was found, and dot.net is unreachable to install one; install the .NET $channel SDK (winget install Microsoft.DotNet.SDK.$($channel.Split('.')[0])) and run ./build.ps1 again"
        exit 1
    }
}

function Test-SourcesChanged {
    if (-not (Test-Path $Stamp)) { return $true }
    $since = (Get-Item $Stamp).LastWriteTimeUtc
    $paths = @(Join-Path $Root 'build') + @(Get-ChildItem (Join-Path $Root 'src') -Directory -Filter 'Slipway.*' | ForEach-Object FullName)
    $files = Get-ChildItem $paths -Recurse -File | Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' }
    $files += Get-ChildItem $Root -File | Where-Object { $_.Name -like 'Directory.*.props' -or $_.Name -eq 'global.json' }
    return [bool]($files | Where-Object { $_.LastWriteTimeUtc -gt $since } | Select-Object -First 1)
}

$dotnet = Find-Dotnet
if (Test-SourcesChanged) {
    New-Item -ItemType Directory -Force -Path $Bin | Out-Null
    $started = Get-Date
    & $dotnet build (Join-Path $Root 'build/_build.csproj') -c Release -o $Bin --nologo -clp:NoSummary -v quiet | Out-Host
    if ($LASTEXITCODE -ne 0) { Write-Error 'the build project does not compile; see the errors above'; exit 1 }
    New-Item -ItemType File -Force -Path $Stamp | Out-Null
    (Get-Item $Stamp).LastWriteTime = $started
}

& $dotnet (Join-Path $Bin '_build.dll') @args
exit $LASTEXITCODE
