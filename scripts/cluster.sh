#!/usr/bin/env bash
# The two-node cluster rehearsal (issue 14, docs/scaling.md): two nodes of the application's jar on one fresh
# PostgreSQL database, mail to an SMTP server in the rehearsal's JVM, a load of a fixed count of dossiers spread
# over both nodes, `kill -9` of one node in the middle of it, the other finishing, the killed node restarted;
# then every check printed with its counts (fr.defense.rapid.perf.ClusterRehearsal). Exit status 1 if one fails.
#
#   scripts/cluster.sh            200 dossiers, 4 clients, job lock time 20 s
#   scripts/cluster.sh --smoke    24 dossiers, lock time 10 s: correctness only (CI, after ./mvnw verify)
#   scripts/cluster.sh --build    rebuild the jar first (otherwise built only when missing)
#   other -D options reach the rehearsal: -Dcluster.dossiers=500 -Dcluster.clients=8 -Dcluster.lock-time=30000
#
# PostgreSQL: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), PGPASSWORD; the database CLUSTER_DB
# (rapid_cluster) is dropped and created afresh. Nodes listen on 8081 and 8082 (-Dcluster.ports=...); their
# logs go to target/cluster/node-a.log and node-b.log.
set -euo pipefail
cd "$(dirname "$0")/.."

smoke=false
build=false
options=()
for argument in "$@"; do
  case "$argument" in
    --smoke) smoke=true ;;
    --build) build=true ;;
    -D*) options+=("$argument") ;;
    *) sed -n '2,16p' "$0"; exit 2 ;;
  esac
done

host="${PGHOST:-127.0.0.1}" port="${PGPORT:-5432}" user="${PGUSER:-postgres}" database="${CLUSTER_DB:-rapid_cluster}"

jar="$(ls target/rapid-bpm-*.jar 2>/dev/null | grep -v original | head -1 || true)"
if [[ "$build" == true || -z "$jar" ]]; then
  echo "Building the jar"
  ./mvnw -q -DskipTests package
  jar="$(ls target/rapid-bpm-*.jar | grep -v original | head -1)"
fi

echo "Fresh database $database on $host:$port"
psql -h "$host" -p "$port" -U "$user" -d postgres -qX \
  -c "drop database if exists $database with (force)" -c "create database $database"

rm -rf target/cluster
# A JVM of its own (not exec:java, which fails the run on any exception in a thread it hosts, such as the SMTP
# server's when the killed node drops its connection mid-mail): the test classes and their classpath.
./mvnw -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/cluster-classpath.txt
java -cp "target/test-classes:target/classes:$(cat target/cluster-classpath.txt)" \
  -Dcluster.smoke="$smoke" -Dcluster.jar="$jar" -Dcluster.db-url="jdbc:postgresql://$host:$port/$database" \
  -Dcluster.db-user="$user" -Dcluster.db-password="${PGPASSWORD:-}" "${options[@]}" \
  fr.defense.rapid.perf.ClusterRehearsal
