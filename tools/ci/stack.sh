#!/usr/bin/env bash
# One Terraform step for one synthesized stack, run by the jobs of the generated child pipelines:
#   merge-request-plan <stack>  read-only plan role, no state lock, plan JSON + widget report
#   deploy-plan <stack>         apply role (protected branch), saved plan for the apply job
#   apply <stack>               apply the saved plan from deploy-plan
#   drift <stack>               read-only plan role, plan -detailed-exitcode, open/update/close the drift issue
set -euo pipefail
mode="${1:?usage: tools/ci/stack.sh <merge-request-plan|deploy-plan|apply|drift> <stack>}"
stack="${2:?usage: tools/ci/stack.sh <mode> <stack>}"
dir="cdktf.out/stacks/${stack}"
plan_file="${PWD}/plans/${stack}.tfplan"
plan_json="plans/${stack}.plan.json"
mkdir -p plans plan-report
[ -f "${dir}/cdk.tf.json" ] || { echo "stack.sh: ${dir}/cdk.tf.json missing; the synth job's cdktf.out artifact was not fetched" >&2; exit 2; }

terraform_init() {
  terraform -chdir="$dir" init -input=false -no-color
}

case "$mode" in
  merge-request-plan)
    source tools/ci/aws-web-identity.sh "${UAG_PLAN_ROLE_ARN:?set UAG_PLAN_ROLE_ARN (docs/ci.md)}"
    npx tsx tools/ci/cli.ts plan-role-override "$dir"
    terraform_init
    # -lock=false: a review plan never writes, not even the lock object.
    terraform -chdir="$dir" plan -input=false -no-color -lock=false -out="$plan_file"
    terraform -chdir="$dir" show -json "$plan_file" > "$plan_json"
    rm -f "$plan_file"
    npx tsx tools/plan-report/cli.ts --no-guard --quiet --out plan-report "$plan_json"
    ;;
  deploy-plan)
    source tools/ci/aws-web-identity.sh "${UAG_APPLY_ROLE_ARN:?set UAG_APPLY_ROLE_ARN as a protected variable (docs/ci.md)}"
    terraform_init
    terraform -chdir="$dir" plan -input=false -no-color -out="$plan_file"
    terraform -chdir="$dir" show -json "$plan_file" > "$plan_json"
    # The guard applies on the default branch too: a protected destroy needs UAG_ALLOW_DESTROY here as well.
    npx tsx tools/plan-report/cli.ts --out plan-report "$plan_json"
    ;;
  apply)
    source tools/ci/aws-web-identity.sh "${UAG_APPLY_ROLE_ARN:?set UAG_APPLY_ROLE_ARN as a protected variable (docs/ci.md)}"
    [ -f "$plan_file" ] || { echo "stack.sh: ${plan_file} missing; apply runs only from the saved plan of plan:${stack}" >&2; exit 2; }
    terraform_init
    terraform -chdir="$dir" apply -input=false -no-color "$plan_file"
    ;;
  drift)
    source tools/ci/aws-web-identity.sh "${UAG_PLAN_ROLE_ARN:?set UAG_PLAN_ROLE_ARN (docs/ci.md)}"
    npx tsx tools/ci/cli.ts plan-role-override "$dir"
    terraform_init
    status=0
    terraform -chdir="$dir" plan -input=false -no-color -lock=false -detailed-exitcode -out="$plan_file" || status=$?
    # 0 no changes, 2 changes, anything else is a failed plan (not drift).
    if [ "$status" -ne 0 ] && [ "$status" -ne 2 ]; then exit "$status"; fi
    terraform -chdir="$dir" show -json "$plan_file" > "$plan_json"
    npx tsx tools/ci/cli.ts drift-issue --exit-code "$status" "$plan_json"
    ;;
  *)
    echo "stack.sh: unknown mode ${mode}" >&2
    exit 2
    ;;
esac
