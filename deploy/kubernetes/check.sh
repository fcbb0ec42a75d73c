#!/usr/bin/env bash
# Renders both overlays with kubectl's built-in kustomize and validates every object offline against
# the Kubernetes schemas of the npm package kubernetes-models (exact versions in package-lock.json,
# installed into node_modules/, which git ignores). ./mvnw verify runs it in this module (after the
# Java checks), with --self-test first: the check must fail on src/test/fixtures/schema-broken.
# Usage: bash check.sh [--self-test]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
kubectl="${KUBECTL:-kubectl}"

for tool in node npm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "check.sh: $tool not found (Debian: apt-get install -y nodejs npm)" >&2
    exit 1
  fi
done
if [ ! -f "$here/node_modules/kubernetes-models/package.json" ] || [ ! -f "$here/node_modules/js-yaml/package.json" ]; then
  echo "check.sh: installing the versions of package-lock.json into $here/node_modules" >&2
  (cd "$here" && npm ci --ignore-scripts --prefer-offline --no-audit --no-fund --loglevel=error >&2)
fi

if [ "${1:-}" = "--self-test" ]; then
  if node "$here/check-schemas.mjs" "$here" "$here/src/test/fixtures/schema-broken/broken.yaml" >/dev/null 2>&1; then
    echo "check.sh --self-test: the schema check passed a deliberately broken Deployment" >&2
    exit 1
  fi
  echo "check.sh --self-test: the schema check fails on src/test/fixtures/schema-broken, as it must"
  exit 0
fi

if ! command -v "$kubectl" >/dev/null 2>&1; then
  echo "check.sh: kubectl not found; install it as README.md says (section 'Tools')" >&2
  exit 1
fi

rendered="$(mktemp -d)"
trap 'rm -rf "$rendered"' EXIT

for overlay in dev prod; do
  if ! "$kubectl" kustomize "$here/overlays/$overlay" > "$rendered/$overlay.yaml"; then
    echo "check.sh: kubectl kustomize overlays/$overlay failed" >&2
    exit 1
  fi
  echo "rendered overlays/$overlay: $(grep -c '^kind:' "$rendered/$overlay.yaml") objects"
done

node "$here/check-schemas.mjs" "$here" "$rendered/dev.yaml" "$rendered/prod.yaml"
