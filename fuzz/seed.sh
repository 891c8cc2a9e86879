#!/usr/bin/env bash
# Seeds the fuzz corpora (fuzz/corpus/<target>/, git-ignored) from the docs corpus:
#   parse_page: every page of history/ (old revisions: BOMs, CRLF) and every 8th page of each tree;
#   validate:   every 4th API page of en-US/2021-04-08/beta/api;
#   pipeline:   groups of neighbouring pages (same family: intune-devices-*, ...), each page
#               preceded by its file name line, pages separated by NUL bytes (see pipeline.rs).
# Usage: fuzz/seed.sh [corpus-dir]   (default: $DOCGEN_CORPUS, else ../shared/corpus beside the
# workspace). Never commit the result: corpus pages stay out of the repository.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
corpus="${1:-${DOCGEN_CORPUS:-$here/../../shared/corpus}}"
[ -f "$corpus/README.md" ] || { echo "no corpus at $corpus (pass a path or set DOCGEN_CORPUS)" >&2; exit 1; }
trees=(en-US/2021-04-08/beta en-US/2021-07-16/beta en-US/2021-07-16/v1.0 ru-RU/2021-04-07/beta ru-RU/2023-02-03/beta)
parse="$here/corpus/parse_page"
pipeline="$here/corpus/pipeline"
mkdir -p "$parse" "$pipeline"

# parse_page: file contents, named by a hash so reruns do not duplicate.
add() { cp "$1" "$parse/$(sha1sum "$1" | cut -c1-16)"; }
while IFS= read -r -d '' f; do add "$f"; done < <(find "$corpus/history" -name '*.md' -print0)
for t in "${trees[@]}"; do
    find "$corpus/$t/resources" -name '*.md' | LC_ALL=C sort | awk 'NR % 8 == 1' |
        while IFS= read -r f; do add "$f"; done
done
add "$here/../docs-input/intune-devices-resetpasscodeactionresult.md"

# pipeline: 3 neighbouring small pages (under 6 kB, sorted names) per seed, every 16th start;
# small seeds keep the target fast (it parses, builds twice and emits per input).
group() {
    local out
    out="$(mktemp)"
    local first=1
    for f in "$@"; do
        [ $first = 1 ] || printf '\0' >>"$out"
        first=0
        printf '%s\n' "$(basename "$f")" >>"$out"
        cat "$f" >>"$out"
    done
    mv "$out" "$pipeline/$(sha1sum "$out" 2>/dev/null | cut -c1-16 || true)"
}
for t in "${trees[@]}"; do
    mapfile -t files < <(find "$corpus/$t/resources" -name '*.md' -size -6k | LC_ALL=C sort)
    for ((i = 0; i + 3 <= ${#files[@]}; i += 16)); do
        group "${files[@]:i:3}"
    done
done
# The founding page with the pages it leans on (its base and its enum).
r="$corpus/en-US/2021-04-08/beta/resources"
group "$here/../docs-input/intune-devices-resetpasscodeactionresult.md" \
    "$r/intune-devices-deviceactionresult.md" "$r/intune-devices-actionstate.md"
# validate: API pages, named by a hash.
validate="$here/corpus/validate"
mkdir -p "$validate"
find "$corpus/en-US/2021-04-08/beta/api" -name '*.md' | LC_ALL=C sort | awk 'NR % 4 == 1' |
    while IFS= read -r f; do cp "$f" "$validate/$(sha1sum "$f" | cut -c1-16)"; done
echo "seeded: $(ls "$parse" | wc -l) parse_page inputs, $(ls "$pipeline" | wc -l) pipeline inputs, $(ls "$validate" | wc -l) validate inputs"
