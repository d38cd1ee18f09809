#!/usr/bin/env bash
# `make bench`: synthesis benchmark, the local loop (synth vs the floor, validate, tests), then the authorizer
# benchmark when its handler exists.
# Installs hyperfine from Debian when missing (the only tool not in package.json).
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v hyperfine >/dev/null 2>&1; then
  echo "bench: installing hyperfine from Debian's packages"
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq hyperfine >/dev/null; fi
fi
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is missing (Debian package 'time')" >&2; exit 2; }

npx tsx tools/bench/synth-bench.ts
echo
npx tsx tools/bench/feedback-bench.ts
if [ -f tools/bench/authorizer-bench.ts ]; then
  echo
  npx tsx tools/bench/authorizer-bench.ts
fi
echo
npx tsx tools/bench/affected-bench.ts
