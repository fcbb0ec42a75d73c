#!/usr/bin/env bash
# Renders both overlays with kubectl's built-in kustomize and validates every object offline against
# the Kubernetes schemas of the npm package kubernetes-models (installed once into .tools/, which git
# ignores). The Maven module in this folder (./mvnw verify) runs the same render with the convention
# checks; this script is the quick, schema-only check.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tools="$here/.tools"
kubectl="${KUBECTL:-kubectl}"

if ! command -v "$kubectl" >/dev/null 2>&1; then
  echo "check.sh: kubectl not found; install it as README.md says (section 'Tools')" >&2
  exit 1
fi
for tool in node npm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "check.sh: $tool not found (Debian: apt-get install -y nodejs npm)" >&2
    exit 1
  fi
done

if [ ! -f "$tools/node_modules/kubernetes-models/package.json" ] || [ ! -f "$tools/node_modules/js-yaml/package.json" ]; then
  mkdir -p "$tools"
  echo "check.sh: installing kubernetes-models 5.1.0 and js-yaml into $tools" >&2
  (cd "$tools" && npm install --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
    kubernetes-models@5.1.0 js-yaml@4.1.0 >&2)
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

node "$here/check-schemas.mjs" "$tools" "$rendered/dev.yaml" "$rendered/prod.yaml"
