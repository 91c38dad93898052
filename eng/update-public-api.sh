#!/usr/bin/env bash
# Adds every public API the packable projects declare but PublicAPI.Unshipped.txt does not list yet
# (RS0016), and removes what no longer exists (RS0017), with the analyzers' own code fixes. Review the
# diff: each line is a promise to integrators. At a release, move Unshipped's lines to Shipped.
set -euo pipefail
cd "$(dirname "$0")/.."
for project in src/*/*.csproj; do
  grep -q '<IsPackable>true</IsPackable>' "$project" || continue
  dotnet format analyzers "$project" --diagnostics RS0016 RS0017 --severity info --verbosity quiet
done
