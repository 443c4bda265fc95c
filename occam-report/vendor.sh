#!/usr/bin/env bash
# Re-fetches the charting library the report page bundles: Vega, Vega-Lite and vega-embed from the
# npm registry, at the pinned versions below. Copies their minified browser builds (UMD, no further
# downloads at run time) and licences into src/main/resources/dev/occam/report/vendor/, collects the
# licences of the packages bundled inside those builds, and writes versions.properties (read by the
# Java code for the Vega-Lite $schema and the page footer), SHA256SUMS and README.md.
#
# Usage: occam-report/vendor.sh          (needs node and npm; the result is committed)
# To upgrade: change the versions, run, then run the module's tests (the browser test renders every plot).
set -euo pipefail

VEGA_VERSION=6.4.0
VEGA_LITE_VERSION=6.5.0
VEGA_EMBED_VERSION=7.3.0

here="$(cd "$(dirname "$0")" && pwd)"
out="$here/src/main/resources/dev/occam/report/vendor"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo '{"name":"occam-report-vendor","private":true}' > "$work/package.json"
npm install --prefix "$work" --ignore-scripts --no-audit --no-fund --omit=dev --loglevel=error \
    "vega@$VEGA_VERSION" "vega-lite@$VEGA_LITE_VERSION" "vega-embed@$VEGA_EMBED_VERSION" >/dev/null

nm="$work/node_modules"
check_version() { # package expected
    local found
    found="$(node -p "require('$nm/$1/package.json').version")"
    [[ "$found" == "$2" ]] || { echo "vendor.sh: $1 is $found, expected $2" >&2; exit 1; }
}
check_version vega "$VEGA_VERSION"
check_version vega-lite "$VEGA_LITE_VERSION"
check_version vega-embed "$VEGA_EMBED_VERSION"

mkdir -p "$out"
rm -f "$out"/*.js "$out"/*.LICENSE "$out"/THIRD-PARTY-LICENSES.txt
cp "$nm/vega/build/vega.min.js" "$out/vega.min.js"
cp "$nm/vega-lite/build/vega-lite.min.js" "$out/vega-lite.min.js"
cp "$nm/vega-embed/build/vega-embed.min.js" "$out/vega-embed.min.js"
cp "$nm/vega/LICENSE" "$out/vega.LICENSE"
cp "$nm/vega-lite/LICENSE" "$out/vega-lite.LICENSE"
cp "$nm/vega-embed/LICENSE" "$out/vega-embed.LICENSE"

# The page inlines these files in <script> elements: a "</script" or "<!--" inside would end or
# confuse the element. Refuse such a build rather than produce a broken page.
for f in vega.min.js vega-lite.min.js vega-embed.min.js; do
    if grep -qi -e '</script' -e '<!--' "$out/$f"; then
        echo "vendor.sh: $f contains '</script' or '<!--' and cannot be inlined as is" >&2; exit 1
    fi
done

# Licences of everything bundled into the three builds: the dependency trees of the three packages,
# without vega-lite's yargs (used only by its command-line tools, not part of the browser build).
node - "$nm" "$out/THIRD-PARTY-LICENSES.txt" <<'JS'
const fs = require('fs'), path = require('path');
const [nm, target] = process.argv.slice(2);
const seen = new Map();
function locate(dep, fromDir) {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', dep);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (dir === path.dirname(dir)) throw new Error('cannot find ' + dep + ' from ' + fromDir);
  }
}
function walk(dir) {
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const key = pkg.name + '@' + pkg.version;
  if (seen.has(key)) return;
  seen.set(key, {pkg, dir});
  for (const dep of Object.keys(pkg.dependencies || {})) {
    if (pkg.name === 'vega-lite' && dep === 'yargs') continue;
    walk(locate(dep, dir));
  }
}
for (const top of ['vega', 'vega-lite', 'vega-embed']) walk(path.join(nm, top));
const parts = ['Licences of the packages bundled in vega.min.js, vega-lite.min.js and vega-embed.min.js',
  '(the npm dependency trees of vega, vega-lite and vega-embed, without vega-lite\'s command-line yargs).', ''];
const summary = [];
for (const key of [...seen.keys()].sort()) {
  const {pkg, dir} = seen.get(key);
  const files = fs.readdirSync(dir).filter(f => /^(licen[cs]e|copying|notice)/i.test(f)).sort();
  summary.push(key + '  ' + (pkg.license || 'UNKNOWN'));
  parts.push('='.repeat(78), key + '  (' + (pkg.license || 'UNKNOWN') + ')', '='.repeat(78));
  if (files.length === 0) parts.push('(no licence file in the package; licence field: ' + (pkg.license || 'none') + ')');
  for (const f of files) parts.push(fs.readFileSync(path.join(dir, f), 'utf8').trim());
  parts.push('');
}
fs.writeFileSync(target, summary.join('\n') + '\n\n' + parts.join('\n') + '\n');
console.log(summary.length + ' packages: ' + [...new Set([...seen.values()].map(v => v.pkg.license))].sort().join(', '));
JS

cat > "$out/versions.properties" <<PROPS
# Written by occam-report/vendor.sh; read by dev.occam.report.VendorScripts.
vega=$VEGA_VERSION
vega-lite=$VEGA_LITE_VERSION
vega-embed=$VEGA_EMBED_VERSION
PROPS

(cd "$out" && sha256sum vega.min.js vega-lite.min.js vega-embed.min.js > SHA256SUMS)

cat > "$out/README.md" <<MD
# Vendored charting library (written by \`occam-report/vendor.sh\`; do not edit by hand)

The report page draws its plots with [Vega-Lite](https://vega.github.io/vega-lite/) specifications
rendered by [vega-embed](https://github.com/vega/vega-embed). The three browser builds below are
inlined into every \`index.html\` the report writes, so the page needs no network.

| file | npm package | version | licence |
|---|---|---|---|
| vega.min.js | vega | $VEGA_VERSION | BSD-3-Clause (vega.LICENSE) |
| vega-lite.min.js | vega-lite | $VEGA_LITE_VERSION | BSD-3-Clause (vega-lite.LICENSE) |
| vega-embed.min.js | vega-embed | $VEGA_EMBED_VERSION | BSD-3-Clause (vega-embed.LICENSE) |

The builds bundle their own dependencies (d3 modules, etc.); their licences are collected in
THIRD-PARTY-LICENSES.txt (a summary list at its top). The page repeats all these licences in its
"Third-party licences" section. SHA256SUMS holds the checksums of the three builds.

To re-fetch or upgrade: edit the versions at the top of \`occam-report/vendor.sh\`, run it (needs node
and npm), then run the module's tests — the browser test renders every plot in headless Chromium.
MD

echo "vendored vega $VEGA_VERSION, vega-lite $VEGA_LITE_VERSION, vega-embed $VEGA_EMBED_VERSION into $out"
