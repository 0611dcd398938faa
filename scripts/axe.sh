#!/usr/bin/env bash
# Install a pinned axe-core (accessibility engine) for browser tests and print the
# absolute path of axe.min.js. Nothing else is printed on success.
#
#   scripts/axe.sh [OUTDIR]      OUTDIR defaults to <repo>/.cache/axe
#
# Idempotent: downloads only if OUTDIR/axe.min.js is missing or OUTDIR/VERSION differs
# from the pin. Files: OUTDIR/axe.min.js, OUTDIR/VERSION, OUTDIR/LICENSE (MPL-2.0).
set -euo pipefail

AXE_VERSION="4.14.1"
# `npm view axe-core@4.14.1 dist.integrity`
AXE_INTEGRITY="sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ=="

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$ROOT/.cache/axe}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

if [[ -s "$out/axe.min.js" && -f "$out/VERSION" && "$(cat "$out/VERSION")" == "$AXE_VERSION" ]]; then
  echo "$out/axe.min.js"
  exit 0
fi

command -v npm >/dev/null || { echo "npm is required" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

if ! (cd "$tmp" && npm pack "axe-core@$AXE_VERSION" --pack-destination "$tmp" --loglevel=error) >"$tmp/npm.log" 2>&1; then
  cat "$tmp/npm.log" >&2
  echo "npm pack axe-core@$AXE_VERSION failed" >&2
  exit 1
fi
tgz="$tmp/axe-core-$AXE_VERSION.tgz"
got="sha512-$(node -e 'process.stdout.write(require("crypto").createHash("sha512").update(require("fs").readFileSync(process.argv[1])).digest("base64"))' "$tgz")"
if [[ "$got" != "$AXE_INTEGRITY" ]]; then
  echo "integrity mismatch for $tgz: got $got, want $AXE_INTEGRITY" >&2
  exit 1
fi
tar -xzf "$tgz" -C "$tmp" package/axe.min.js package/LICENSE
[[ -s "$tmp/package/axe.min.js" ]] || { echo "axe.min.js missing from axe-core@$AXE_VERSION" >&2; exit 1; }

# Move into place (rename within OUTDIR so a concurrent reader never sees a partial file).
cp "$tmp/package/LICENSE" "$out/LICENSE"
cp "$tmp/package/axe.min.js" "$out/.axe.min.js.tmp"
mv -f "$out/.axe.min.js.tmp" "$out/axe.min.js"
printf '%s\n' "$AXE_VERSION" >"$out/VERSION"
echo "$out/axe.min.js"
