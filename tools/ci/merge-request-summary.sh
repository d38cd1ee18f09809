#!/usr/bin/env bash
# Summary job of the merge-request child pipeline: one report over every plan, one note per environment on
# the merge request (posted even when the guard fails, so the reviewer sees why), then the guard's verdict.
# UAG_AFFECTED_JSON (set by the generator when it planned only affected stacks) says what was skipped; stacks
# the merge request removes go through the destroy guard from it. With it, zero plans is a valid outcome.
set -euo pipefail
shopt -s nullglob
plans=(plans/*.plan.json)
args=(--out plan-report)
if [ -n "${UAG_AFFECTED_JSON:-}" ]; then
  mkdir -p plan-report
  printf '%s\n' "$UAG_AFFECTED_JSON" > plan-report/affected.json
  args+=(--affected plan-report/affected.json)
elif [ "${#plans[@]}" -eq 0 ]; then
  echo "merge-request-summary.sh: no plans/*.plan.json artifacts from the plan jobs" >&2
  exit 2
fi
status=0
npx tsx tools/plan-report/cli.ts "${args[@]}" "${plans[@]}" || status=$?
# 3 is the destroy guard; anything else non-zero means the report itself failed.
if [ "$status" -ne 0 ] && [ "$status" -ne 3 ]; then exit "$status"; fi
npx tsx tools/ci/cli.ts post-summary plan-report/summary-*.md
exit "$status"
