#!/usr/bin/env bash
# Vendor Det Fælles Designsystem (npm package "dkfds") into web/dkfds/.
#
#   scripts/vendor-dkfds.sh            vendor the pinned version (no-op if already vendored and intact)
#   scripts/vendor-dkfds.sh --force    re-download and re-vendor even if already present
#   scripts/vendor-dkfds.sh --check    only verify that every url(...) in the vendored CSS resolves
#
# Only runtime assets are copied (no JS, no SCSS, no source maps):
#   web/dkfds/css/dkfds.min.css               the built, minified CSS
#   web/dkfds/fonts/IBMPlexSans/...           exactly the font files the CSS references (+ OFL license)
#   web/dkfds/img/svg-icons/*.svg             icons referenced by the CSS as background images
#   web/dkfds/img/all-svg-icons.svg           the SVG sprite (<symbol id="NAME">) for <use href="...#NAME">
#   web/dkfds/img/logo-*placeholder.png       images referenced by the CSS (header logo placeholder)
#   web/dkfds/VERSION, web/dkfds/LICENSE
# The directory layout mirrors the package's dist/ folder, so the CSS's relative
# url(../fonts/...) and url(../img/...) resolve from web/dkfds/css/ unchanged.
#
# Theme choice: dist/css/dkfds.min.css is the package's *neutral* theme ("no virkdk or
# borgerdk specific stuff" per dist/scss/dkfds.scss). The borgerdk/virkdk builds only differ
# by brand primary colours and the portal logo of borger.dk / Virk. Jobnet is STAR's own
# self-service portal, not a page on borger.dk or virk.dk, so the neutral default applies.
set -euo pipefail

DKFDS_VERSION="11.2.0"
# `npm view dkfds@11.2.0 dist.integrity`
DKFDS_INTEGRITY="sha512-JuVf8NjEOeF+TKIhEFXa3BfZvk1ulQM8+XN+6QhgDo6kiwwvupyBY34YU4FglBeyFWHbE5mYDmnrcYTWOSKkEA=="
THEME_CSS="dkfds.min.css"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="$ROOT/web/dkfds"

mode="vendor"
case "${1:-}" in
  "") ;;
  --force) mode="force" ;;
  --check) mode="check" ;;
  *) echo "usage: $0 [--force|--check]" >&2; exit 2 ;;
esac

# Prints the local url() targets of a CSS file (quotes, ?query and #fragment stripped), one per line.
css_urls() {
  local u
  grep -oE 'url\([^)]*\)' "$1" | sort -u | while IFS= read -r u; do
    u="${u#url(}"; u="${u%)}"
    u="${u#[\"\']}"; u="${u%[\"\']}"
    case "$u" in data:*|\#*|http:*|https:*|//*|"") continue ;; esac
    printf '%s\n' "${u%%[?#]*}"
  done | sort -u
}

# check_urls ROOTDIR: every url() in ROOTDIR/css/$THEME_CSS must be a file inside ROOTDIR.
check_urls() {
  local dir css u target n=0 bad=0
  dir="$(cd "$1" && pwd)"
  css="$dir/css/$THEME_CSS"
  if [[ ! -f "$css" ]]; then echo "check: $css missing" >&2; return 1; fi
  while IFS= read -r u; do
    n=$((n + 1))
    target="$(realpath -m "$dir/css/$u")"
    if [[ "$target" != "$dir"/* || ! -f "$target" ]]; then
      echo "check: unresolved url($u)" >&2
      bad=$((bad + 1))
    fi
  done < <(css_urls "$css")
  if ((bad > 0)); then
    echo "check: $bad of $n url() references do not resolve" >&2
    return 1
  fi
  echo "check: all $n url() references in css/$THEME_CSS resolve"
}

if [[ "$mode" == "check" ]]; then
  check_urls "$DEST"
  exit
fi

if [[ "$mode" == "vendor" && -f "$DEST/VERSION" && "$(cat "$DEST/VERSION")" == "$DKFDS_VERSION" ]] \
  && check_urls "$DEST" >/dev/null 2>&1; then
  echo "web/dkfds: dkfds $DKFDS_VERSION already vendored (use --force to redo)"
  exit 0
fi

command -v npm >/dev/null || { echo "npm is required" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# Download the pinned tarball (npm verifies it against the registry; we also check our pin).
if ! (cd "$tmp" && npm pack "dkfds@$DKFDS_VERSION" --pack-destination "$tmp" --loglevel=error) >"$tmp/npm.log" 2>&1; then
  cat "$tmp/npm.log" >&2
  echo "npm pack dkfds@$DKFDS_VERSION failed" >&2
  exit 1
fi
tgz="$tmp/dkfds-$DKFDS_VERSION.tgz"
got="sha512-$(node -e 'process.stdout.write(require("crypto").createHash("sha512").update(require("fs").readFileSync(process.argv[1])).digest("base64"))' "$tgz")"
if [[ "$got" != "$DKFDS_INTEGRITY" ]]; then
  echo "integrity mismatch for $tgz: got $got, want $DKFDS_INTEGRITY" >&2
  exit 1
fi
mkdir "$tmp/x"
tar -xzf "$tgz" -C "$tmp/x"
dist="$tmp/x/package/dist"
pkg="$tmp/x/package"

# Stage the vendored tree, then swap it in.
out="$tmp/out"
mkdir -p "$out/css" "$out/img/svg-icons" "$out/fonts/IBMPlexSans"
cp "$dist/css/$THEME_CSS" "$out/css/"

# Every file the CSS references (fonts, icons, placeholder logos), keeping dist/ relative paths.
while IFS= read -r u; do
  rel="$(realpath -m --relative-to="$dist" "$dist/css/$u")"
  case "$rel" in ../*) echo "CSS url($u) points outside dist/" >&2; exit 1 ;; esac
  if [[ ! -f "$dist/$rel" ]]; then echo "CSS url($u) not in package" >&2; exit 1; fi
  mkdir -p "$out/$(dirname "$rel")"
  cp "$dist/$rel" "$out/$rel"
done < <(css_urls "$out/css/$THEME_CSS")

# All individual icons + the sprite (for <svg><use href=".../all-svg-icons.svg#NAME"/></svg>).
cp "$dist"/img/svg-icons/*.svg "$out/img/svg-icons/"
cp "$dist/img/all-svg-icons.svg" "$out/img/"

# Licenses: package license (MIT + OFL fonts + Apache-2.0 icons), and the font's OFL text.
cp "$pkg/LICENSE.md" "$out/LICENSE"
cp "$dist/fonts/IBMPlexSans/complete/woff2/license.txt" "$out/fonts/IBMPlexSans/license.txt"
printf '%s\n' "$DKFDS_VERSION" >"$out/VERSION"

check_urls "$out" >/dev/null

mkdir -p "$DEST"
rm -rf "$DEST/css" "$DEST/fonts" "$DEST/img" "$DEST/VERSION" "$DEST/LICENSE"
cp -R "$out/." "$DEST/"
find "$DEST" -type f -exec chmod 0644 {} +

echo "web/dkfds: vendored dkfds $DKFDS_VERSION ($(find "$DEST" -type f | wc -l | tr -d ' ') files, $(du -sk "$DEST" | cut -f1) KiB)"
check_urls "$DEST"
