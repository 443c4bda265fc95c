# Sourced by the benchmark scripts: installs the Debian packages a benchmark needs when they are
# missing, so that a fresh machine runs it with nothing installed by hand.
#
#   require_packages CALLER PACKAGE...   installs the PACKAGEs (the caller has checked they are
#                                        missing) when run as root with apt-get, waiting for any
#                                        other apt-get or dpkg first; otherwise exits with status 2
#                                        naming them. Does nothing when no PACKAGE is given.
#   openblas_package                     prints libopenblas0-pthread when no OpenBLAS is installed:
#                                        without it Occam, R and numpy fall back to the reference
#                                        BLAS, and the times compare something else.

require_packages() {
  local caller=$1
  shift
  [ $# -gt 0 ] || return 0
  if [ "$(id -u)" != 0 ] || ! command -v apt-get > /dev/null; then
    echo "$caller: missing $* (install them: apt-get install -y $*)" >&2
    exit 2
  fi
  echo "$caller: installing $* from Debian's packages" >&2
  # another apt-get may be running (a shared machine): wait for it
  while pgrep -x apt-get > /dev/null || pgrep -x dpkg > /dev/null; do sleep 5; done
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q "$@" > /dev/null 2>&1 \
    || { apt-get update -q > /dev/null && apt-get install -y -q "$@" > /dev/null; } \
    || { echo "$caller: could not install $*" >&2; exit 2; }
}

openblas_package() {
  ldconfig -p 2>/dev/null | grep -q libopenblas || echo libopenblas0-pthread
}
