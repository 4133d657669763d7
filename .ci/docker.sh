#!/usr/bin/env bash
# CI: a running Docker engine and the lab's local test images. Installs Debian's
# docker.io when it is missing, starts dockerd in the background when nothing answers (it keeps
# running after this script), waits for it (bounded), then builds the test images.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
if ! command -v dockerd >/dev/null; then
  echo "ci: installing docker.io"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends docker.io >/dev/null
fi

if ! docker info >/dev/null 2>&1; then
  echo "ci: starting dockerd (log: /tmp/dockerd.log)"
  $SUDO sh -c 'nohup dockerd >/tmp/dockerd.log 2>&1 &'
  for _ in $(seq 60); do
    docker info >/dev/null 2>&1 && break
    sleep 1
  done
  if ! docker info >/dev/null 2>&1; then
    echo "ci: dockerd did not answer within 60s; its log:" >&2
    tail -n 30 /tmp/dockerd.log >&2 || true
    exit 1
  fi
fi
echo "ci: docker engine $(docker version --format '{{.Server.Version}}')"

bash scripts/lab-test-images.sh
