#!/usr/bin/env bash
# Fails, naming every file, when a C++ source does not follow the repository's .clang-format.
# Fix with: clang-format -i FILE (or the same over every file below).
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(find app model views tests benches \( -name '*.h' -o -name '*.cpp' \) | sort)
unformatted=()
for f in "${files[@]}"; do
  clang-format --dry-run --Werror "$f" >/dev/null 2>&1 || unformatted+=("$f")
done
if [ ${#unformatted[@]} -gt 0 ]; then
  echo "check-format: ${#unformatted[@]} file(s) do not follow .clang-format (run clang-format -i on them):" >&2
  printf '  %s\n' "${unformatted[@]}" >&2
  exit 1
fi
echo "check-format: ${#files[@]} files follow .clang-format"
