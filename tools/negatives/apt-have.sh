# Sourced by the negative-set scripts: `have PACKAGE` is true when the Debian package is installed, installing it
# (one `apt-get update` per run) if needed; otherwise it says why on stderr and is false, so the caller can skip.
APT_UPDATED=0

have() {
  if dpkg -s "$1" >/dev/null 2>&1; then return 0; fi
  if [ "$APT_UPDATED" = 0 ]; then apt-get update >/dev/null 2>&1 || true; APT_UPDATED=1; fi
  if DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$1" >/dev/null 2>&1; then return 0; fi
  echo "skip: package $1 could not be installed" >&2
  return 1
}
