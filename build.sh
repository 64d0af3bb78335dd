#!/usr/bin/env bash
# Bootstraps the Slipway build: finds (or installs) a .NET SDK that fits global.json, rebuilds the
# build project only when its sources changed, then runs it with the given arguments.
#   ./build.sh [Target ...] [--parameter value ...]      ./build.sh --help
set -eo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TEMP="$ROOT/.nuke/temp"
BIN="$TEMP/build-bin"
STAMP="$BIN/.sources-stamp"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DOTNET_GENERATE_ASPNET_CERTIFICATE=false DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE=1

sdk_fits() { (cd "$ROOT" && "$1" --version >/dev/null 2>&1); }

find_dotnet() {
  # `dotnet --version` costs a tenth of a second; trust the last answer while global.json is unchanged.
  local cached="$TEMP/dotnet-path"
  if [ -f "$cached" ] && [ "$cached" -nt "$ROOT/global.json" ] && [ -x "$(cat "$cached")" ]; then cat "$cached"; return; fi
  local found; found="$(locate_dotnet)"
  mkdir -p "$TEMP" && echo "$found" > "$cached"
  echo "$found"
}

locate_dotnet() {
  if command -v dotnet >/dev/null 2>&1 && sdk_fits dotnet; then command -v dotnet; return; fi
  local local_dotnet="$TEMP/dotnet-unix/dotnet"
  if [ -x "$local_dotnet" ] && sdk_fits "$local_dotnet"; then echo "$local_dotnet"; return; fi
  # As NUKE's bootstrapper does: install the SDK named by global.json into .nuke/temp.
  local version channel
  version="$(sed -n 's/.*"version"[^"]*"\([^"]*\)".*/\1/p' "$ROOT/global.json" | head -n1)"
  channel="$(echo "$version" | cut -d. -f1,2)"
  mkdir -p "$TEMP"
  if curl -fsSL --retry 2 --max-time 60 https://dot.net/v1/dotnet-install.sh -o "$TEMP/dotnet-install.sh" 2>/dev/null \
     && bash "$TEMP/dotnet-install.sh" --install-dir "$TEMP/dotnet-unix" --channel "$channel" --no-path >&2; then
    echo "$local_dotnet"; return
  fi
  echo "error: no .NET SDK fitting global.json ($version, rollForward latestFeature) was found, and dot.net is unreachable to install one;" \
       "install the .NET ${channel} SDK (Debian/Ubuntu: apt-get install dotnet-sdk-${channel} from Microsoft's package feed) and run ./build.sh again" >&2
  exit 1
}

sources_changed() {
  [ -f "$STAMP" ] || return 0
  local newer
  newer="$(find "$ROOT/build" "$ROOT"/src/Slipway.* "$ROOT"/Directory.*.props "$ROOT/global.json" \
      \( -name bin -o -name obj \) -prune -o -type f -newer "$STAMP" -print -quit 2>/dev/null)"
  [ -n "$newer" ]
}

DOTNET="$(find_dotnet)"
export DOTNET_ROOT="${DOTNET_ROOT:-$(dirname "$(readlink -f "$DOTNET")")}"
if sources_changed; then
  mkdir -p "$BIN"
  (
    flock 9  # two builds started at once must not compile into the same folder
    if sources_changed; then
      touch "$STAMP.next"
      if ! "$DOTNET" build "$ROOT/build/_build.csproj" -c Release -o "$BIN" --nologo -v quiet > "$TEMP/build-compile.log" 2>&1; then
        grep -E "error|Error" "$TEMP/build-compile.log" | sort -u >&2 || cat "$TEMP/build-compile.log" >&2
        echo "error: the build project does not compile (full log: .nuke/temp/build-compile.log)" >&2; exit 1
      fi
      mv "$STAMP.next" "$STAMP"
    fi
  ) 9>"$TEMP/build.lock"
fi

if [ -x "$BIN/_build" ]; then exec "$BIN/_build" "$@"; fi
exec "$DOTNET" "$BIN/_build.dll" "$@"
