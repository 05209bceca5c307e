#!/usr/bin/env bash
# Converts a copy of this project to Operaton 1.0.3 and, given further arguments, runs Maven on
# the copy with them. The copy is made from the files git knows (committed, changed, or new and
# not ignored); nothing in it is edited by hand.
#
#   tools/operaton/convert.sh                    # convert into target/operaton
#   tools/operaton/convert.sh -B verify          # convert, then run the whole test command on it
#   OPERATON_DIR=/tmp/op tools/operaton/convert.sh -B verify
#
# The steps: OpenRewrite's generic recipes as declared in tools/operaton/rewrite.yml, then one of
# our own that no recipe can do (adding ProcessAssertions, the four camunda-bpm-assert assertions
# our tests use, since operaton-bpm-assert does not resolve from Maven Central here), then a check
# that no Camunda class or artifact is left. docs/operations.md lists them for reviewers.
set -euo pipefail

here=$(cd "$(dirname "$0")/../.." && pwd)
dest=${OPERATON_DIR:-$here/target/operaton}
rewrite_plugin=org.openrewrite.maven:rewrite-maven-plugin:6.20.0

started=$(date +%s)
echo "Converting $here to Operaton in $dest"
rm -rf "$dest"
mkdir -p "$dest"
(cd "$here" && git ls-files -co --exclude-standard -z | tar --null --ignore-failed-read -T - -cf -) \
  | tar -xf - -C "$dest"
# What the project finds beside it (the shared contract the contract tests read, ../shared) the
# copy finds beside it too.
if [ -e "$here/../shared" ] && [ ! -e "$dest/../shared" ]; then
  ln -s "$here/../shared" "$dest/../shared"
fi
# The copy is a repository of its own: OpenRewrite takes paths from the nearest one, and
# `git -C target/operaton diff HEAD` shows a reviewer everything the conversion changed.
git -C "$dest" init -q
git -C "$dest" add -A
git -C "$dest" -c user.name=convert -c user.email=convert@localhost commit -q -m "Before the conversion"

# 0. Spin's JSON data format (Camunda's is camunda-spin-dataformat-json-jackson). The Maven mirror
#    here serves Operaton's only at 1.0.0, without the parent POM its POM names, so Maven refuses
#    it. We fetch the published jar (checksums checked) and install it with our POM of its
#    dependencies (spin-json-jackson-1.0.0.pom). It plugs into Spin 1.0.3 through Spin's data format
#    interface. With the artifact on the mirror, this step and the version pin in rewrite.yml go.
spin_json=org.operaton.spin:operaton-spin-dataformat-json-jackson:1.0.0
local_repo=$(mvn -B -q -f "$dest/pom.xml" help:evaluate -Dexpression=settings.localRepository -DforceStdout \
  | sed "s/\x1b\[[0-9;]*m//g")
spin_jar=$local_repo/org/operaton/spin/operaton-spin-dataformat-json-jackson/1.0.0/operaton-spin-dataformat-json-jackson-1.0.0.jar
mvn -B -q -f "$dest/pom.xml" dependency:get -Dartifact=$spin_json -Dtransitive=false
cp "$spin_jar" "$dest/spin-json.jar"
mvn -B -q -f "$dest/pom.xml" install:install-file -Dfile="$dest/spin-json.jar" \
  -DpomFile="$here/tools/operaton/spin-json-jackson-1.0.0.pom"
rm "$dest/spin-json.jar"

# 1. The recipes (rewrite.yml).
mvn -B -f "$dest/pom.xml" "$rewrite_plugin:runNoFork" \
  -Drewrite.configLocation="$here/tools/operaton/rewrite.yml" \
  -Drewrite.activeRecipes=org.opencsc.operaton.MigrateToOperaton \
  -Drewrite.exportDatatables=false \
  -Drewrite.plainTextMasks='**/*.js,**/*.css,**/*.md,**/*.sql,**/*.txt'

# 2. Our own step: the test assertions that replace camunda-bpm-assert.
cp -r "$here/tools/operaton/test-support/." "$dest/src/test/java/"

# 3. Nothing of Camunda's code is left. What stays on purpose: the camunda: BPMN namespace (Operaton
#    reads it; changing it would deploy every diagram again), the group camunda-admin and the
#    webapps' /camunda path (both part of our contract).
left=$(grep -rIlE "org[./]camunda[./]|<groupId>org\.camunda|camunda\.version|webjars/camunda|camunda-form:|webpackChunkcamunda" \
  "$dest/pom.xml" "$dest/src" || true)
if [ -n "$left" ]; then
  echo "Conversion incomplete; Camunda names left in:" >&2
  echo "$left" >&2
  grep -rInE "org[./]camunda[./]|<groupId>org\.camunda|camunda\.version|webjars/camunda|camunda-form:|webpackChunkcamunda" \
    "$dest/pom.xml" "$dest/src" | head -20 >&2
  exit 1
fi
git -C "$dest" add -A
echo "Converted in $(( $(date +%s) - started )) s: $(git -C "$dest" diff --cached --shortstat HEAD)"

if [ $# -gt 0 ]; then
  cd "$dest"
  echo "On Operaton: mvn $*"
  mvn "$@"
fi
