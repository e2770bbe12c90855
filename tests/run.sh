#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: installs what the tests need when it is missing, builds, runs every
# test project, and prints one closing line "N passed, N failed, N skipped".
# Usage: tests/run.sh [extra dotnet test arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

need_apt=()
command -v git >/dev/null 2>&1 || need_apt+=(git)
command -v npm >/dev/null 2>&1 || need_apt+=(npm)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "Installing ${need_apt[*]} (missing)…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
if ! python3 -c "import moto" >/dev/null 2>&1; then
  echo "error: the tests need Python's moto (moto_server) for the AWS protocol tests; install it with 'pip install moto[server]'." >&2
  exit 2
fi

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

dotnet build DataPrepWorkflows.sln -c Release -nologo -v quiet
status=0
dotnet test DataPrepWorkflows.sln -c Release --no-build -nologo \
  --logger "trx" --results-directory "$results" "$@" || status=$?

# One closing line over every test project's TRX summary.
python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    c = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    if c is None:
        continue
    passed += int(c.get("passed", 0)); failed += int(c.get("failed", 0)) + int(c.get("error", 0))
    skipped += int(c.get("notExecuted", 0))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
