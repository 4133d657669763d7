#!/usr/bin/env bash
# Builds the local images the lab's integration tests and benchmark run (no registry is reachable
# in CI): Debian's Prometheus, Alertmanager and node exporter binaries in FROM-scratch images
# holding the binary and exactly the shared libraries `ldd` lists (ENVIRONMENT.md's recipe).
#   fedstudio-test/prometheus:local     fedstudio-test/alertmanager:local
#   fedstudio-test/node-exporter:local   fedstudio-test/blackbox:local
# The tests point the lab at them with FEDSTUDIO_IMAGE_PROMETHEUS=fedstudio-test/prometheus:local etc.
set -euo pipefail

need=()
command -v prometheus >/dev/null || need+=(prometheus)
command -v prometheus-alertmanager >/dev/null || need+=(prometheus-alertmanager)
command -v prometheus-node-exporter >/dev/null || need+=(prometheus-node-exporter)
command -v prometheus-blackbox-exporter >/dev/null || need+=(prometheus-blackbox-exporter)
if [ ${#need[@]} -gt 0 ]; then
  echo "lab-test-images: installing ${need[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# build TAG BINARY NAME-IN-IMAGE [DIR/ | FILE]...
build() {
  local tag=$1 bin=$2 name=$3
  shift 3
  local ctx="$work/$name" root="$work/$name/root"
  mkdir -p "$root/bin" "$root/tmp" "$root/etc"
  chmod 1777 "$root/tmp"
  cp "$(command -v "$bin")" "$root/bin/$name"
  # Exactly what the dynamic linker needs: every absolute path ldd prints (libc and the loader).
  ldd "$(command -v "$bin")" | grep -o '/[^ ]*' | sort -u | while read -r lib; do
    mkdir -p "$root$(dirname "$lib")"
    cp -L "$lib" "$root$lib"
  done
  # Go resolves names through /etc/nsswitch.conf when present; hosts then DNS, as Docker expects.
  echo 'hosts: files dns' >"$root/etc/nsswitch.conf"
  # Arguments ending in / are folders created empty (mount points, data); others are host files
  # or folders the binary reads at run time, copied to the same path.
  for d in "$@"; do
    case $d in
      */) mkdir -p "$root$d" ;;
      *) mkdir -p "$root$(dirname "$d")" && cp -r "$d" "$root$d" ;;
    esac
  done
  cat >"$ctx/Dockerfile" <<DOCKERFILE
FROM scratch
COPY root/ /
LABEL io.fedstudio.test-image="true"
ENTRYPOINT ["/bin/$name"]
DOCKERFILE
  # Runs without a registry: FROM scratch pulls nothing.
  docker build -q -t "$tag" "$ctx" >/dev/null
  echo "lab-test-images: built $tag ($("$bin" --version 2>&1 | head -1))"
}

build fedstudio-test/prometheus:local prometheus prometheus /prometheus/ /etc/prometheus/
# Debian's Alertmanager reads its notification templates from /usr/share/prometheus/alertmanager.
build fedstudio-test/alertmanager:local prometheus-alertmanager alertmanager /alertmanager/ /etc/alertmanager/ \
  /usr/share/prometheus/alertmanager/default.tmpl /usr/share/prometheus/alertmanager/email.tmpl
# Debian builds the textfile collector to read this folder; an empty one keeps its log quiet.
build fedstudio-test/node-exporter:local prometheus-node-exporter node_exporter /var/lib/prometheus/node-exporter/
# The lab mounts each probe node's blackbox.yml at /etc/blackbox_exporter.
build fedstudio-test/blackbox:local prometheus-blackbox-exporter blackbox_exporter /etc/blackbox_exporter/
