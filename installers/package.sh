#!/usr/bin/env bash
# Builds a native package of Warden with jpackage (JDK 17+).
#   installers/package.sh app-image     # a self-contained folder (any OS)
#   installers/package.sh deb           # Linux .deb (needs fakeroot)
# macOS (dmg) and Windows (msi, needs WiX) use the argument files beside this script.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
type="${1:-app-image}"
out="$root/installers/target"

(cd "$root" && mvn -B -q -DskipTests package)
rm -rf "$out/input" && mkdir -p "$out/input"
cp "$root"/ui/target/lib/*.jar "$out/input/"
cp "$(ls "$root"/ui/target/warden-ui-*.jar | grep -v -- -tests.jar | head -n 1)" "$out/input/"

case "$(uname -s)" in
  Linux) os=linux ;;
  Darwin) os=macos ;;
  *) os=windows ;;
esac

jpackage @"$root/installers/common.args" @"$root/installers/$os/jpackage.args" \
  --type "$type" --input "$out/input" --dest "$out" \
  --main-jar "$(basename "$(ls "$out"/input/warden-ui-*.jar)")"
echo "Package written to $out"
