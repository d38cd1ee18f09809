# Sourced by CI jobs that reach AWS: `source tools/ci/aws-web-identity.sh <role ARN>`.
# The job's GitLab OIDC token (id_tokens: UAG_AWS_ID_TOKEN) is exchanged for the role through the standard
# web-identity variables, which Terraform's AWS provider and S3 backend read (AssumeRoleWithWebIdentity).
# No long-lived AWS key exists anywhere in CI.
uag_role_arn="${1:?usage: source tools/ci/aws-web-identity.sh <role ARN>}"
: "${UAG_AWS_ID_TOKEN:?the job needs id_tokens: UAG_AWS_ID_TOKEN (see tools/ci/child-pipeline.ts)}"
uag_token_file="$(mktemp)"
printf '%s' "$UAG_AWS_ID_TOKEN" > "$uag_token_file"
unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_PROFILE
export AWS_WEB_IDENTITY_TOKEN_FILE="$uag_token_file"
export AWS_ROLE_ARN="$uag_role_arn"
export AWS_ROLE_SESSION_NAME="gitlab-${CI_PROJECT_ID:-local}-${CI_JOB_ID:-0}"
