#!/usr/bin/env bash
# Summary job of the merge-request child pipeline: one report over every plan, one note per environment on
# the merge request (posted even when the guard fails, so the reviewer sees why), then the guard's verdict.
set -euo pipefail
shopt -s nullglob
plans=(plans/*.plan.json)
[ "${#plans[@]}" -gt 0 ] || { echo "merge-request-summary.sh: no plans/*.plan.json artifacts from the plan jobs" >&2; exit 2; }
status=0
npx tsx tools/plan-report/cli.ts --out plan-report "${plans[@]}" || status=$?
# 3 is the destroy guard; anything else non-zero means the report itself failed.
if [ "$status" -ne 0 ] && [ "$status" -ne 3 ]; then exit "$status"; fi
npx tsx tools/ci/cli.ts post-summary plan-report/summary-*.md
exit "$status"
