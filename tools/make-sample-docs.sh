#!/usr/bin/env bash
# Builds sample-docs/ and the five-format test set from the plain-text sources in tools/samples/.
# The results are committed, so neither the build nor CI needs this script or LibreOffice;
# run it again only after editing a source. Needs: libreoffice-writer-nogui, fonts-noto-cjk,
# iconv (Debian: apt-get install -y libreoffice-writer-nogui fonts-noto-cjk).
set -euo pipefail
cd "$(dirname "$0")/.."
src=tools/samples
out=sample-docs
fmt=report-archive/src/test/resources/formats
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Each source in one format, a mix like the one an archive receives.
declare -A FORMAT=(
  [linjiang-czj-2022]=docx [linjiang-czj-2023]=pdf [linjiang-czj-2024]=doc
  [linjiang-sjj-2022]=txt [linjiang-sjj-2023]=docx [linjiang-sjj-2024]=pdf
  [qingshan-scjg-2022]=doc [qingshan-scjg-2023]=gbk.txt [qingshan-scjg-2024]=docx
  [qingshan-scjg-zhoulixin-2022]=pdf [qingshan-scjg-zhoulixin-2023]=wps [qingshan-scjg-zhoulixin-2024]=docx
  [yunxi-dw-2022]=gbk.txt [yunxi-dw-2023]=pdf [yunxi-dw-2024]=doc
)

soffice_convert() { # FILTER INPUT -> file in $work
  soffice --headless --norestore --infilter="Text (encoded):UTF8,,," --convert-to "$1" --outdir "$work" "$2" >/dev/null 2>&1
}

# One file in format $2 made from source $1, written to $3.
render() {
  local name=$1 kind=$2 target=$3
  case "$kind" in
    txt) cp "$src/$name.txt" "$target" ;;
    gbk.txt) iconv -f UTF-8 -t GB18030 "$src/$name.txt" > "$target" ;;
    docx) soffice_convert docx "$src/$name.txt"; mv "$work/$name.docx" "$target" ;;
    doc|wps) soffice_convert 'doc:MS Word 97' "$src/$name.txt"; mv "$work/$name.doc" "$target" ;;
    pdf) soffice_convert docx "$src/$name.txt"
         soffice --headless --norestore --convert-to pdf --outdir "$work" "$work/$name.docx" >/dev/null 2>&1
         mv "$work/$name.pdf" "$target"; rm -f "$work/$name.docx" ;;
  esac
}

rm -f "$out"/*.docx "$out"/*.doc "$out"/*.wps "$out"/*.pdf "$out"/*.txt
for name in "${!FORMAT[@]}"; do
  kind=${FORMAT[$name]}
  ext=${kind/gbk.txt/txt}
  render "$name" "$kind" "$out/$name.$ext"
done

# The same report in every format, for the round-trip tests.
mkdir -p "$fmt"
for kind in txt gbk.txt docx doc pdf wps; do
  render linjiang-czj-2024 "$kind" "$fmt/report.$kind"
done
ls -l "$out" "$fmt"
