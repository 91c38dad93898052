#!/usr/bin/env bash
# Rewrites each packable project's PublicAPI.Unshipped.txt from the code, with the analyzer's own code
# fix (RS0016): every public API not in PublicAPI.Shipped.txt. Review the diff: each line is a promise
# to integrators. At a release, move Unshipped's lines to Shipped. (Written from scratch because the
# fix applied to an existing list leaves some changed record members behind.)
set -euo pipefail
cd "$(dirname "$0")/.."
for project in src/*/*.csproj; do
  grep -q '<IsPackable>true</IsPackable>' "$project" || continue
  echo '#nullable enable' > "$(dirname "$project")/PublicAPI.Unshipped.txt"
  dotnet format analyzers "$project" --diagnostics RS0016 --severity info --verbosity quiet || true
done
