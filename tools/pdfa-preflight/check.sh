#!/usr/bin/env bash
# tools/pdfa-preflight/check.sh FILE.pdf... — Apache PDFBox's preflight over
# PDFs written with --pdfa, as a partial check of PDF/A-2b (veraPDF, which
# checks PDF/A-2, is not packaged for Debian). Preflight validates PDF/A-1b
# only, so the errors that only PDF/A-1 makes are left out: cross-reference
# streams (1.4), a CIDSet per subset font (3.1.11, optional in PDF/A-2),
# transparency (2.2.1, 2.2.2, 4.1.1, 4.1.2, allowed in PDF/A-2) and the
# part number (7.11.2: ours is 2). Whatever is left is printed, and the
# exit code is 1 when anything is.
# On Debian 12: apt-get install libpdfbox2-java libactivation-java libjaxb-api-java
# (and a Java runtime, default-jre-headless).
set -euo pipefail
j=/usr/share/java
cp="$j/preflight.jar:$j/pdfbox2.jar:$j/fontbox2.jar:$j/xmpbox.jar:$j/commons-logging.jar"
cp="$cp:$j/javax.activation.jar:$j/jaxb-api.jar"
status=0
for pdf in "$@"; do
  left=$(java -cp "$cp" org.apache.pdfbox.preflight.Validator_A1b "$pdf" 2>&1 |
         grep -vE '^The file .* (is|is not) a valid PDF/A-1b file|^(1\.4|3\.1\.11|2\.2\.1|2\.2\.2|4\.1\.1|4\.1\.2|7\.11\.2) :|^$' || true)
  if [ -n "$left" ]; then
    printf '%s:\n%s\n' "$pdf" "$left"
    status=1
  else
    echo "$pdf: no PDF/A-2b error preflight can see"
  fi
done
exit $status
