# Shared set-up for the scripts in scripts/: finds Swift and installs missing Debian packages.
# Source it; it changes nothing that is already in place.

# Swift may be installed outside PATH (the swift.org tarball in /opt/swift, for example).
if ! command -v swift >/dev/null 2>&1; then
  for candidate in /opt/swift/usr/bin /usr/share/swift/usr/bin "$HOME/.swiftly/bin"; do
    if [ -x "$candidate/swift" ]; then PATH="$candidate:$PATH"; export PATH; break; fi
  done
fi
command -v swift >/dev/null 2>&1 || { echo "playbook: Swift 6 is needed; install it from swift.org first" >&2; exit 2; }

PLAYBOOK_APT_UPDATED=0

# as_root CMD…: runs a command as root (directly, or through sudo).
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else
    echo "playbook: need root to run: $*" >&2; exit 2
  fi
}

# ensure_packages PKG…: installs the Debian packages that are not installed yet.
ensure_packages() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null 2>&1 || { echo "playbook: please install ${missing[*]} (no apt-get here)" >&2; exit 2; }
  echo "playbook: installing ${missing[*]}" >&2
  if [ "$PLAYBOOK_APT_UPDATED" = 0 ]; then as_root apt-get update -qq >/dev/null; PLAYBOOK_APT_UPDATED=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# What building Playbook needs: cmark (the Markdown parser), libxlsxwriter (the workbooks),
# zlib (for EPUB zips), pkg-config.
ensure_build_packages() {
  ensure_packages libcmark-dev libxlsxwriter-dev zlib1g-dev libjemalloc-dev pkg-config
}
