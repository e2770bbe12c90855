#!/bin/sh
# Installs DuckDB's native library into a cache folder, once.
# Usage: fetch-duckdb.sh <folder holding package.json + package-lock.json> <cache folder>
# Safe when several builds run at once: a lock serialises them, and the library appears under its final
# name only through an atomic rename, so no build ever sees a half-written file.
set -eu
manifest_dir=$1
cache_dir=$2
mkdir -p "$cache_dir"
exec 9>"$cache_dir/.lock"
if command -v flock >/dev/null 2>&1; then flock 9; fi
if [ -f "$cache_dir/libduckdb.so" ]; then exit 0; fi
work="$cache_dir/work.$$"
rm -rf "$work"
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT
cp "$manifest_dir/package.json" "$manifest_dir/package-lock.json" "$work/"
(cd "$work" && npm ci --silent --no-audit --no-fund --ignore-scripts)
cp "$work/node_modules/@duckdb/node-bindings-linux-x64/libduckdb.so" "$cache_dir/libduckdb.so.$$"
mv -f "$cache_dir/libduckdb.so.$$" "$cache_dir/libduckdb.so"
