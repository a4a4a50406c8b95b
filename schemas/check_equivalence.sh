#!/usr/bin/env bash
# Compare the verdicts of zhen-tm's own schemas with the official ones.
#
# usage: schemas/check_equivalence.sh [SHARED_DIR] [-v]
#
#   SHARED_DIR  folder holding schemas-upstream/, testsuite-upstream/ and
#               oracle/catalog.xml (default: ../shared, taken relative to the
#               current directory, else relative to the repository root).
#   -v          also list the files whose verdicts agree but whose error
#               lines differ, and show xmllint's messages for disagreements.
#   -l          list every case with both verdicts as it is compared.
#   --sweep     also try every enumerated value found in either schema (official
#               or own) in every enumerated attribute of the seeds (slow: a few
#               thousand cases), to catch a value missing from one list.
#
# What is compared (xmllint, always with the nonet and noout options):
#   TMX 1.4b    official DTD (dtdvalid)  vs  schemas/tmx14/tmx14.xsd (schema)
#               official DTD (dtdvalid)  vs  schemas/tmx14/tmx14.dtd (dtdvalid)
#   XLIFF 1.2   official strict XSD      vs  schemas/xliff12/xliff-core-1.2-strict.xsd
# on
#   * every *.tmx file under testsuite-upstream/, and every file there that
#     mentions the XLIFF 1.2 namespace;
#   * mutated copies of the seeds in schemas/equivalence/ (one deliberate
#     change each: dropped attribute, misspelt element, bad value, ...);
#   * generic mutations of the upstream files.
# A verdict is one of: valid, invalid, malformed (not well-formed XML).
# Verdicts that differ for a documented reason (see KNOWN below and
# schemas/README.md) are reported as "known"; any other difference is listed
# and makes the script exit with status 1.
#
# Needs: bash, xmllint (apt-get install libxml2-utils), perl, iconv.

set -u

verbose=0
list_cases=0
sweep=0
shared_arg=""
for a in "$@"; do
  case "$a" in
    -v) verbose=1 ;;
    -l) list_cases=1 ;;
    --sweep) sweep=1 ;;
    -h|--help) sed -n '2,30p' "$0"; exit 0 ;;
    *) shared_arg="$a" ;;
  esac
done

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
shared_arg=${shared_arg:-../shared}
if [ -d "$shared_arg" ]; then
  shared=$(cd "$shared_arg" && pwd)
elif [ -d "$root/$shared_arg" ]; then
  shared=$(cd "$root/$shared_arg" && pwd)
else
  echo "check_equivalence: shared folder not found: $shared_arg" >&2
  exit 2
fi

command -v xmllint >/dev/null || { echo "check_equivalence: xmllint missing (apt-get install -y libxml2-utils)" >&2; exit 2; }

export XML_CATALOG_FILES=${XML_CATALOG_FILES:-$shared/oracle/catalog.xml}

OFFICIAL_TMX_DTD=$shared/schemas-upstream/tmx14b/tmx14.dtd
OFFICIAL_XLIFF=$shared/schemas-upstream/xliff12/xliff-core-1.2-strict.xsd
OWN_TMX_XSD=$here/tmx14/tmx14.xsd
OWN_TMX_DTD=$here/tmx14/tmx14.dtd
OWN_XLIFF=$here/xliff12/xliff-core-1.2-strict.xsd
SUITE=$shared/testsuite-upstream

for f in "$OFFICIAL_TMX_DTD" "$OFFICIAL_XLIFF" "$OWN_TMX_XSD" "$OWN_TMX_DTD" "$OWN_XLIFF"; do
  [ -f "$f" ] || { echo "check_equivalence: missing $f" >&2; exit 2; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Differences that XML Schema 1.0 cannot avoid (case name -> reason).
declare -A KNOWN=(
  [tmx:seed:tuv-lang-and-xml-lang]="libxml2's DTD check accepts a tuv carrying both lang and xml:lang; the XSD's 'xml:lang or lang' key rejects two matches"
  [tmx:seed:unused-namespace-declaration]="libxml2's DTD check treats xmlns:p as an undeclared attribute; XML Schema does not see namespace declarations"
)

# ---------------------------------------------------------------- helpers

# verdict KIND SCHEMA FILE ERRFILE -> prints valid|invalid|malformed|error:RC
verdict() {
  local kind=$1 schema=$2 file=$3 err=$4 rc
  if [ "$kind" = dtd ]; then
    xmllint --nonet --noout --dtdvalid "$schema" "$file" >"$err" 2>&1; rc=$?
  else
    xmllint --nonet --noout --schema "$schema" "$file" >"$err" 2>&1; rc=$?
  fi
  case $rc in
    0) echo valid ;;
    1) echo malformed ;;
    3|4) echo invalid ;;
    *) echo "error:$rc" ;;
  esac
}

# Line numbers of the validity errors in an xmllint message file.
error_lines() {
  grep -E ':[0-9]+: .*(error|Schemas validity)' "$1" | grep -v 'warning' |
    sed -E 's/^.*:([0-9]+): .*$/\1/' | sort -n | uniq | tr '\n' ' '
}

declare -A total agree known
disagreements=""
linediffs=""

# compare GROUP CASE FILE KIND_A SCHEMA_A KIND_B SCHEMA_B
compare() {
  local group=$1 case=$2 file=$3 ka=$4 sa=$5 kb=$6 sb=$7 va vb
  va=$(verdict "$ka" "$sa" "$file" "$work/a.err")
  vb=$(verdict "$kb" "$sb" "$file" "$work/b.err")
  case "$va$vb" in *error:*)
    echo "check_equivalence: xmllint failed ($va / $vb) on $case; schema broken?" >&2
    cat "$work/a.err" "$work/b.err" >&2; exit 2 ;;
  esac
  total[$group]=$(( ${total[$group]:-0} + 1 ))
  [ "$list_cases" = 0 ] || printf '%-9s %-9s %s | %s\n' "$va" "$vb" "$group" "$case"
  if [ "$va" = "$vb" ]; then
    agree[$group]=$(( ${agree[$group]:-0} + 1 ))
    if [ $verbose = 1 ] && [ "$va" = invalid ]; then
      local la lb
      la=$(error_lines "$work/a.err"); lb=$(error_lines "$work/b.err")
      [ "$la" = "$lb" ] || linediffs+="  $group  $case: error lines official [$la] own [$lb]"$'\n'
    fi
  elif [ -n "${KNOWN[$case]:-}" ]; then
    known[$group]=$(( ${known[$group]:-0} + 1 ))
    disagreements+="  known  $group  $case: official=$va own=$vb -- ${KNOWN[$case]}"$'\n'
  else
    disagreements+="  NEW    $group  $case: official=$va own=$vb"$'\n'
    if [ $verbose = 1 ]; then
      disagreements+=$(sed 's/^/           official| /' "$work/a.err" | head -5)$'\n'
      disagreements+=$(sed 's/^/           own     | /' "$work/b.err" | head -5)$'\n'
    fi
  fi
}

compare_tmx() {  # GROUP CASE FILE
  compare "$1 (DTD vs own XSD)" "$2" "$3" dtd "$OFFICIAL_TMX_DTD" xsd "$OWN_TMX_XSD"
  compare "$1 (DTD vs own DTD)" "$2" "$3" dtd "$OFFICIAL_TMX_DTD" dtd "$OWN_TMX_DTD"
}
compare_xliff() { # GROUP CASE FILE
  compare "$1" "$2" "$3" xsd "$OFFICIAL_XLIFF" xsd "$OWN_XLIFF"
}

# mutate SRC DEST PERL-CODE -> 0 if the code changed something
mutate() {
  perl -0777 -pe "$3" "$1" >"$2" 2>/dev/null || return 1
  ! cmp -s "$1" "$2"
}

# Copy a file as UTF-8 (the LISA kit is UTF-16 with a BOM) so that the
# perl substitutions can work on it.
as_utf8() {
  local src=$1 dest=$2 bom
  bom=$(head -c2 "$src" | od -An -tx1 | tr -d ' \n')
  if [ "$bom" = fffe ] || [ "$bom" = feff ]; then
    iconv -f UTF-16 -t UTF-8 "$src" | perl -pe 's/^\x{FEFF}//; s/encoding="UTF-16"/encoding="UTF-8"/i' >"$dest"
  else
    cp "$src" "$dest"
  fi
}

# ---------------------------------------------------------------- upstream files

mapfile -t tmx_files < <(find "$SUITE" -type f -name '*.tmx' | sort)
mapfile -t xliff_files < <(grep -rlI --null 'urn:oasis:names:tc:xliff:document:1.2' "$SUITE" | tr '\0' '\n' | sort)

for f in "${tmx_files[@]}"; do
  compare_tmx "TMX upstream" "tmx:${f#$SUITE/}" "$f"
done
for f in "${xliff_files[@]}"; do
  compare_xliff "XLIFF 1.2 upstream" "xliff:${f#$SUITE/}" "$f"
done

# ---------------------------------------------------------------- seed mutations
# Each line: case name <TAB> perl substitution applied to the whole seed.

TMX_MUTATIONS=$(cat <<'EOF'
unchanged	s/^//
drop-header-srclang	s/ srclang="en-US" datatype="plaintext"\n/ datatype="plaintext"\n/
drop-header-creationtool	s/creationtool="zhen-tm" creationtoolversion="0.1.0" segtype/creationtoolversion="0.1.0" segtype/
drop-header-datatype	s/ srclang="en-US" datatype="plaintext"\n/ srclang="en-US"\n/
empty-required-attribute	s/o-tmf="zhen-tm" adminlang/o-tmf="" adminlang/
drop-tuv-xml-lang	s/<tuv xml:lang="zh-CN">/<tuv>/
tuv-old-lang-only	s/<tuv xml:lang="zh-CN">/<tuv lang="zh-CN">/
tuv-lang-and-xml-lang	s/<tuv xml:lang="zh-CN">/<tuv xml:lang="zh-CN" lang="zh-CN">/
tuv-xml-lang-not-a-tag	s/<tuv xml:lang="zh-CN">/<tuv xml:lang="Chinese (PRC)">/
tuv-xml-lang-empty	s/<tuv xml:lang="zh-CN">/<tuv xml:lang="">/
note-old-lang	s/<note xml:lang="en">Header note/<note lang="en">Header note/
bad-segtype	s/segtype="sentence"\n          o-tmf/segtype="line"\n          o-tmf/
segtype-with-blank	s/segtype="sentence"\n          o-tmf/segtype="sentence "\n          o-tmf/
segtype-wrong-case	s/segtype="sentence"\n          o-tmf/segtype="Sentence"\n          o-tmf/
tu-bad-segtype	s/srclang="en-US" segtype="sentence" datatype/srclang="en-US" segtype="word" datatype/
version-1.3	s/<tmx version="1.4">/<tmx version="1.3">/
version-missing	s/<tmx version="1.4">/<tmx>/
version-with-blank	s/<tmx version="1.4">/<tmx version="1.4 ">/
misspelt-seg	s/<seg>China's(.*?)<\/seg>/<sge>China's$1<\/sge>/s
misspelt-header	s/<header /<haeder /; s/<\/header>/<\/haeder>/
unknown-element-in-body	s/<body>/<body><entry\/>/
prop-after-tuv	s/(<tuv xml:lang="zh-CN">.*?<\/tuv>)/$1<prop type="x-late">x<\/prop>/s
note-after-seg	s/(<seg>中方.*?<\/seg>)/$1<note>late<\/note>/s
two-segs	s/(<seg>中方.*?<\/seg>)/$1<seg>again<\/seg>/s
tuv-without-seg	s/<seg>中方.*?<\/seg>//s
tu-without-tuv	s/<tu>\s*<tuv xml:lang="en"><seg\/><\/tuv>\s*<\/tu>/<tu\/>/
body-empty	s/<body>.*<\/body>/<body\/>/s
body-before-header	s/(<header .*?<\/header>)\s*(<body>.*<\/body>)/$2$1/s
header-missing	s/<header .*?<\/header>//s
header-empty	s/(<header [^>]*?)>.*?<\/header>/$1\/>/s
unknown-attribute-on-tu	s/<tu tuid=/<tu bogus="1" tuid=/
unknown-attribute-on-seg	s/<seg>中方/<seg id="1">中方/
xml-space-on-tuv	s/<tuv xml:lang="zh-CN">/<tuv xml:lang="zh-CN" xml:space="preserve">/
default-namespace	s/<tmx version="1.4">/<tmx version="1.4" xmlns="http:\/\/www.lisa.org\/tmx14">/
unused-namespace-declaration	s/<tmx version="1.4">/<tmx version="1.4" xmlns:z="urn:zhen-tm">/
namespaced-attribute	s/<tmx version="1.4">/<tmx version="1.4" xmlns:z="urn:zhen-tm" z:flag="1">/
prop-without-type	s/<prop type="x-corpus">/<prop>/
prop-with-child	s/<prop type="x-corpus">MFA/<prop type="x-corpus"><hi>MFA<\/hi>/
note-with-child	s/<note>Q&amp;A 1<\/note>/<note>Q<seg>A<\/seg><\/note>/
ude-without-map	s/<ude name="MacRoman" base="Macintosh">.*?<\/ude>/<ude name="MacRoman"\/>/s
ude-without-name	s/<ude name="MacRoman" /<ude /
map-without-unicode	s/<map unicode="#x00A0"\/>/<map code="#x20"\/>/
map-with-blank-content	s/<map unicode="#x00A0"\/>/<map unicode="#x00A0"> <\/map>/
it-bad-pos	s/<it pos="begin"/<it pos="middle"/
it-without-pos	s/<it pos="begin"/<it/
bpt-without-i	s/<bpt i="1"/<bpt/
ept-with-x	s/<ept i="1">/<ept i="1" x="1">/
sub-directly-in-seg	s/<seg>China's/<seg><sub>x<\/sub>China's/
bpt-inside-bpt	s/<bpt i="1" x="1" type="bold">/<bpt i="1" x="1" type="bold"><bpt i="9">y<\/bpt>/
ph-assoc-free-text	s/assoc="p"/assoc="anything"/
usagecount-not-a-number	s/usagecount="2"/usagecount="two"/
duplicate-tuid	s/<tu>\n      <tuv xml:lang="en">/<tu tuid="2025-03-10-0001">\n      <tuv xml:lang="en">/
text-in-tu	s/(<tu>)(\s*<tuv xml:lang="en">)/$1stray$2/
root-is-note	s/<tmx version="1.4">.*<\/tmx>/<note>alone<\/note>/s
root-is-seg	s/<tmx version="1.4">.*<\/tmx>/<seg>x<bpt i="1">a<\/bpt><\/seg>/s
unknown-root	s/<tmx version="1.4">(.*)<\/tmx>/<tmx14 version="1.4">$1<\/tmx14>/s
not-well-formed-ampersand	s/Q&amp;A 1/Q&A 1/
html-entity	s/Q&amp;A 1/Q&nbsp;A 1/
sub-in-hi	s/<hi>firm<\/hi>/<hi><sub>firm<\/sub><\/hi>/
ut-in-sub	s/Note <hi>x<\/hi>/Note <ut>x<\/ut>/
header-props-any-order	s/(<note xml:lang="en">Header note<\/note>)\s*(<prop type="x-corpus">.*?<\/prop>)\s*(<ude .*?<\/ude>)/$3$2$1/s
tu-props-before-notes	s/(<note>Q&amp;A 1<\/note>)\s*(<prop type="x-spokesperson".*?<\/prop>)/$2$1/s
cdata-in-seg	s/<seg\/>/<seg><![CDATA[a <b> c]]><\/seg>/
comment-in-body	s/<body>/<body><!-- c -->/
EOF
)

XLIFF_MUTATIONS=$(cat <<'EOF'
unchanged	s/^//
drop-file-original	s/<file original="mfa-2025-03-10.txt" /<file /
drop-file-datatype	s/\n        datatype="plaintext" tool-id/\n        tool-id/
drop-source-language	s/ source-language="en-US" target-language/ target-language/
empty-source-language	s/ source-language="en-US" / source-language="" /
bad-source-language	s/ source-language="en-US" / source-language="en_US" /
drop-trans-unit-id	s/<trans-unit id="2">/<trans-unit>/
drop-version	s/<xliff version="1.2" /<xliff /
version-2.0	s/<xliff version="1.2" /<xliff version="2.0" /
version-1.0	s/<xliff version="1.2" /<xliff version="1.0" /
version-with-blank	s/<xliff version="1.2" /<xliff version=" 1.2" /
namespace-1.1	s/document:1.2"/document:1.1"/
no-namespace	s/ xmlns="urn:oasis:names:tc:xliff:document:1.2"//
state-bad	s/state="final"/state="done"/
state-extension	s/state="final"/state="x-done"/
state-extension-empty	s/state="final"/state="x-"/
state-with-blanks	s/state="final"/state=" final "/
state-qualifier-bad	s/state-qualifier="exact-match"/state-qualifier="perfect"/
bin-target-state-bad	s/state="translated"/state="ok"/
datatype-bad	s/datatype="x-transcript"/datatype="transcript"/
datatype-uppercase	s/datatype="x-transcript"/datatype="PlainText"/
restype-bad	s/restype="string"/restype="str"/
approved-true	s/approved="yes"/approved="true"/
translate-no	s/translate="yes" reformat="yes"/translate="no" reformat="yes"/
reformat-list	s/reformat="yes" phase/reformat="coord-x font-size x-my" phase/
reformat-empty	s/reformat="yes" phase/reformat="" phase/
reformat-bad	s/reformat="yes" phase/reformat="bold" phase/
reformat-yes-with-blank	s/reformat="yes" phase/reformat=" yes" phase/
size-unit-bad	s/size-unit="char"/size-unit="furlong"/
size-unit-extension	s/size-unit="char"/size-unit="x-em"/
coord-three-values	s/coord="1;2;#;-4"/coord="1;2;3"/
coord-bad	s/coord="1;2;#;-4"/coord="1;2;a;4"/
mime-type-bad	s/mime-type="image\/png" approved/mime-type="picture\/png" approved/
mime-type-bare	s/mime-type="image\/png" approved/mime-type="image" approved/
drop-mime-type	s/ mime-type="image\/png" approved/ approved/
context-type-bad	s/context-type="sourcefile"/context-type="filename"/
context-type-with-blank	s/context-type="sourcefile"/context-type="sourcefile "/
purpose-bad	s/purpose="information location"/purpose="information where"/
purpose-extension	s/purpose="information location"/purpose="x-mine location"/
purpose-empty	s/purpose="information location"/purpose=""/
count-type-restype	s/count-type="total"/count-type="button"/
count-type-bad	s/count-type="total"/count-type="sum"/
unit-bad	s/unit="word"/unit="words"/
priority-11	s/priority="10"/priority="11"/
priority-0	s/priority="10"/priority="0"/
priority-leading-zero	s/priority="10"/priority="07"/
priority-plus	s/priority="10"/priority="+3"/
priority-decimal	s/priority="10"/priority="3.0"/
annotates-bad	s/annotates="target"/annotates="both"/
alttranstype-bad	s/alttranstype="previous-version"/alttranstype="previous"/
match-mandatory-bad	s/match-mandatory="no"/match-mandatory="false"/
it-pos-begin	s/pos="open"/pos="begin"/
it-without-pos	s/<it id="i1" pos="open"/<it id="i1"/
ph-assoc-bad	s/assoc="both"/assoc="p"/
ctype-bad	s/ctype="bold"/ctype="strong"/
ctype-placeholder-on-g	s/ctype="bold"/ctype="lb"/
g-without-id	s/<g id="g1" ctype/<g ctype/
mrk-without-mtype	s/<mrk mtype="term" /<mrk /
mrk-mtype-bad	s/<mrk mtype="term" /<mrk mtype="keyword" /
sub-with-id	s/<sub datatype="html"/<sub id="s" datatype="html"/
x-with-content	s/<x id="x1" ctype="lb"\/>/<x id="x1">text<\/x>/
date-not-datetime	s/date="2025-03-10T08:00:00Z" category/date="2025-03-10" category/
xml-lang-bad	s/<note from="aligner" priority="2" annotates="general" xml:lang="en">/<note from="aligner" priority="2" annotates="general" xml:lang="en_GB">/
xml-lang-empty	s/<source xml:lang="en-US">/<source xml:lang="">/
xml-space-bad	s/xml:space="default"/xml:space="keep"/
xml-space-on-note	s/<note>group note/<note xml:space="preserve">group note/
xml-id-on-file	s/category="diplomacy"/category="diplomacy" xml:id="f1"/
xml-id-bad	s/category="diplomacy"/category="diplomacy" xml:id="1f"/
xml-id-duplicate	s/category="diplomacy"/category="diplomacy" xml:id="f1"/; s/<file original="second.txt"/<file xml:id="f1" original="second.txt"/
xml-base-on-file	s/category="diplomacy"/category="diplomacy" xml:base="http:\/\/example.org\/"/
xml-lang-on-header	s/<header>/<header xml:lang="en">/
attribute-on-body	s/<body>\n      <group/<body id="b">\n      <group/
unknown-attribute	s/<trans-unit id="2">/<trans-unit id="2" bogus="1">/
foreign-attribute	s/<trans-unit id="2">/<trans-unit id="2" xmlns:z="urn:zhen-tm" z:speaker="Mao">/
foreign-attribute-on-sub	s/<sub datatype="html"/<sub xmlns:z="urn:zhen-tm" z:a="1" datatype="html"/
foreign-element-in-trans-unit	s/(<source>Next question.<\/source>)/$1<z:meta xmlns:z="urn:zhen-tm">x<\/z:meta>/
foreign-element-before-file	s/(<xliff [^>]*>)/$1<z:meta xmlns:z="urn:zhen-tm"\/>/
foreign-element-after-last-file	s/<\/xliff>/<z:meta xmlns:z="urn:zhen-tm"\/><\/xliff>/
xliff-element-in-foreign-place	s/(<source>Next question.<\/source>)/$1<body\/>/
prop-group-in-trans-unit	s/(<source>Next question.<\/source>)/$1<prop-group><prop prop-type="x">y<\/prop><\/prop-group>/
misspelt-trans-unit	s/<trans-unit id="2"><source>Next question.<\/source><\/trans-unit>/<trans-unt id="2"><source>Next question.<\/source><\/trans-unt>/
misspelt-target	s/<target state="needs-translation"\/>/<traget state="needs-translation"\/>/
target-before-source	s/<source\/><target state="needs-translation"\/>/<target state="needs-translation"\/><source\/>/
two-sources	s/<source\/>/<source\/><source\/>/
two-targets	s/<target state="needs-translation"\/>/<target\/><target\/>/
trans-unit-without-source	s/<source\/><target state="needs-translation"\/>/<target\/>/
note-before-target	s/<source\/><target state="needs-translation"\/>/<source\/><note>n<\/note><target\/>/
group-note-before-context	s/(<context-group name="ctx1".*?<\/context-group>)(.*?)(<note>group note<\/note>)/$3$2$1/s
group-empty	s/<group id="g2">.*?<\/group>/<group id="g2"\/>/s
header-order	s/(<skl>.*?<\/skl>)\s*(<phase-group>.*?<\/phase-group>)/$2$1/s
header-tool-before-phase	s/(<phase-group>.*?<\/phase-group>)(.*?)(<tool tool-id="other" tool-name="Other"\/>)/$3$1$2/s
file-without-body	s/<file original="second.txt" source-language="en" datatype="x-other">\s*<body\/>/<file original="second.txt" source-language="en" datatype="x-other">/
file-two-headers	s/<header>/<header\/><header>/
skl-with-two-files	s/<skl><external-file href="skeleton.skl" uid="u1" crc="abc"\/><\/skl>/<skl><external-file href="a"\/><internal-file>b<\/internal-file><\/skl>/
skl-empty	s/<skl><external-file href="skeleton.skl" uid="u1" crc="abc"\/><\/skl>/<skl\/>/
external-file-without-href	s/<external-file href="ref.pdf" uid="u2"\/>/<external-file uid="u2"\/>/
phase-group-empty	s/<phase-group>.*?<\/phase-group>/<phase-group\/>/s
phase-without-process-name	s/<phase phase-name="review" process-name="review"\/>/<phase phase-name="review"\/>/
context-group-empty	s/<context-group><context context-type="element">p<\/context><\/context-group>/<context-group\/>/
count-group-without-name	s/<count-group name="g1counts">/<count-group>/
tool-without-name	s/<tool tool-id="other" tool-name="Other"\/>/<tool tool-id="other"\/>/
tool-with-skl	s/text <note>inside tool<\/note>/<skl\/>/
tool-with-foreign-element	s/text <note>inside tool<\/note>/<z:x xmlns:z="urn:zhen-tm"\/>/
tool-with-trans-unit	s/text <note>inside tool<\/note>/<trans-unit id="t"><source>s<\/source><\/trans-unit>/
alt-trans-without-target	s/<target state="x-old">中方立场明确。<\/target>//
alt-trans-note-before-context	s/(<context-group><context context-type="element">p<\/context><\/context-group>)\s*(<note>older version<\/note>)/$2$1/
bin-unit-without-bin-source	s/<bin-source>.*?<\/bin-source>//s
duplicate-trans-unit-id	s/<trans-unit id="2">/<trans-unit id="1">/
duplicate-unit-id-across-kinds	s/<trans-unit id="2">/<trans-unit id="b1">/
duplicate-id-in-other-file	s/<body\/>\s*<\/file>\s*<\/xliff>/<body><trans-unit id="1"><source>x<\/source><\/trans-unit><\/body><\/file><\/xliff>/
duplicate-group-id	s/<group id="g2">/<group id="g1">/
group-without-id	s/<group id="g2">/<group>/
duplicate-tool-id	s/<tool tool-id="other" /<tool tool-id="zt" /
file-tool-id-unknown	s/ tool-id="zt" date="2025-03-10T08:00:00Z" category/ tool-id="nobody" date="2025-03-10T08:00:00Z" category/
phase-tool-id-unknown	s/process-name="alignment" tool-id="zt"/process-name="alignment" tool-id="nobody"/
alt-trans-tool-id-unknown	s/tool-id="other" origin/tool-id="nobody" origin/
duplicate-phase-name	s/<phase phase-name="review" /<phase phase-name="align" /
target-phase-name-unknown	s/phase-name="review"\n                  equiv-trans/phase-name="edit"\n                  equiv-trans/
trans-unit-phase-name-unknown	s/reformat="yes" phase-name="align"/reformat="yes" phase-name="edit"/
count-phase-name-unknown	s/unit="word" phase-name="align"/unit="word" phase-name="edit"/
alt-trans-phase-name-unknown	s/xml:lang="zh-CN" phase-name="review" datatype/xml:lang="zh-CN" phase-name="edit" datatype/
bin-unit-phase-name-unknown	s/resname="logo" phase-name="align"/resname="logo" phase-name="edit"/
bin-target-phase-name-unknown	s/state-qualifier="leveraged-tm" phase-name="review"/state-qualifier="leveraged-tm" phase-name="edit"/
no-phases-but-phase-name	s/<phase-group>.*?<\/phase-group>//s
duplicate-count-group-name	s/<count-group name="tu1counts">/<count-group name="totals">/
duplicate-context-group-name	s/<context-group name="ctx2"/<context-group name="ctx1"/
duplicate-external-file-uid	s/uid="u2"/uid="u1"/
duplicate-segment-mid	s/mid="s2"/mid="s1"/
target-mrk-mid-unknown	s/<target xml:lang="zh-CN" state="final"(.*?)mid="s1"/<target xml:lang="zh-CN" state="final"$1mid="s9"/s
alt-trans-mid-unknown	s/<alt-trans mid="s1"/<alt-trans mid="s9"/
alt-trans-mid-without-seg-source	s/<seg-source>.*?<\/seg-source>//s
ept-rid-unknown	s/<ept id="p2" rid="q1">/<ept id="p2" rid="q2">/
duplicate-bpt-rid	s/(<bpt id="p1" rid="q1" ctype="italic">&lt;i&gt;<\/bpt>)/$1$1/
ex-rid-unknown	s/<ex id="e1" rid="r1"\/>/<ex id="e1" rid="r2"\/>/
xid-unknown	s/xid="2">photo/xid="nowhere">photo/
rid-not-nmtoken	s/<bx id="b1" rid="r1"\/>/<bx id="b1" rid="r 1"\/>/
root-is-trans-unit	s/<xliff version.*<\/xliff>/<trans-unit xmlns="urn:oasis:names:tc:xliff:document:1.2" id="1"><source>s<\/source><\/trans-unit>/s
root-is-skl	s/<xliff version.*<\/xliff>/<skl xmlns="urn:oasis:names:tc:xliff:document:1.2"><external-file href="a"\/><\/skl>/s
mime-type-trailing-slash	s/mime-type="image\/png" approved/mime-type="image\/" approved/
coord-five-values	s/coord="1;2;#;-4"/coord="1;2;#;-4;5"/
xml-lang-with-blank	s/<source xml:lang="en-US">/<source xml:lang=" en-US ">/
priority-with-blanks	s/priority="10"/priority=" 3 "/
state-qualifier-extension	s/state-qualifier="exact-match"/state-qualifier="x-human"/
trans-unit-metadata-any-order	s/(<context-group name="ctx2".*?<\/context-group>)\s*(<count-group name="tu1counts">.*?<\/count-group>)\s*(<note annotates="target" priority="10">checked<\/note>)/$3$2$1/s
header-notes-any-order	s/(<glossary>.*?<\/glossary>)(.*?)(<note from="aligner".*?<\/note>)/$3$2$1/s
internal-file-with-child	s/<internal-file form="text" crc="x1">term list/<internal-file form="text" crc="x1"><note>x<\/note>/
nested-tool	s/text <note>inside tool<\/note>/<tool tool-id="t2" tool-name="n"\/>/
mrk-nested-in-g	s/<g id="g1" ctype="bold">position<\/g>/<g id="g1" ctype="bold"><mrk mtype="protected">position<\/mrk><\/g>/
sub-in-g	s/<g id="g1" ctype="bold">position<\/g>/<g id="g1" ctype="bold"><sub>position<\/sub><\/g>/
not-well-formed	s/<\/body>\s*<\/file>/<\/file>/
EOF
)

run_mutations() { # FORMAT SEED MUTATIONS COMPARE_FN
  local fmt=$1 seed=$2 list=$3 fn=$4 name code n=0
  while IFS=$'\t' read -r name code; do
    [ -n "$name" ] || continue
    n=$((n + 1))
    local out="$work/$fmt-$n.${seed##*.}"
    if [ "$name" = unchanged ]; then
      cp "$seed" "$out"
    elif ! mutate "$seed" "$out" "$code"; then
      echo "check_equivalence: mutation '$name' did not change the seed (fix the script)" >&2
      continue
    fi
    $fn "$fmt mutations" "$fmt:seed:$name" "$out"
  done <<<"$list"
}

run_mutations tmx "$here/equivalence/seed.tmx" "$TMX_MUTATIONS" compare_tmx
run_mutations xliff "$here/equivalence/seed.xlf" "$XLIFF_MUTATIONS" compare_xliff

# ---------------------------------------------------------------- generic mutations of upstream files

GENERIC_TMX=$(cat <<'EOF'
drop-srclang	s/(<header\b[^>]*?)\ssrclang="[^"]*"/$1/s
bad-segtype	s/(<header\b[^>]*?\ssegtype=")[^"]*"/$1line"/s
misspell-first-seg	s/<seg>(.*?)<\/seg>/<sge>$1<\/sge>/s
unknown-attribute-on-tu	s/<tu\b/<tu bogus="1"/
drop-first-tuv-lang	s/(<tuv\b[^>]*?)\sxml:lang="[^"]*"/$1/s
prop-after-last-tuv	s/(.*<\/tuv>)/$1<prop type="x">y<\/prop>/s
EOF
)
GENERIC_XLIFF=$(cat <<'EOF'
drop-original	s/(<file\b[^>]*?)\soriginal="[^"]*"/$1/s
misspell-first-trans-unit	s/<trans-unit\b(.*?)<\/trans-unit>/<trans-unt$1<\/trans-unt>/s
unknown-attribute-on-trans-unit	s/<trans-unit\b/<trans-unit bogus="1"/
bad-target-state	s/<target\b(?![^>]*\sstate=)/<target state="done"/
all-unit-ids-equal	s/(<trans-unit\b[^>]*?\sid=")[^"]*"/$1dup"/gs
bad-source-language	s/(<file\b[^>]*?\ssource-language=")[^"]*"/$1en_US"/s
EOF
)

generic() { # FORMAT FILE LIST COMPARE_FN
  local fmt=$1 f=$2 list=$3 fn=$4 name code n=0 base rel
  rel=${f#$SUITE/}
  base="$work/generic-base.${f##*.}"
  as_utf8 "$f" "$base"
  while IFS=$'\t' read -r name code; do
    [ -n "$name" ] || continue
    n=$((n + 1))
    local out="$work/generic-$n.${f##*.}"
    mutate "$base" "$out" "$code" || continue
    $fn "$fmt upstream mutated" "$fmt:$rel:$name" "$out"
  done <<<"$list"
}

for f in "${tmx_files[@]}"; do generic tmx "$f" "$GENERIC_TMX" compare_tmx; done
for f in "${xliff_files[@]}"; do generic xliff "$f" "$GENERIC_XLIFF" compare_xliff; done

# ---------------------------------------------------------------- enumeration sweep (--sweep)

if [ "$sweep" = 1 ]; then
  # All enumerated values of both XLIFF schemas, plus some near misses.
  xliff_values=$( { for x in "$OFFICIAL_XLIFF" "$OWN_XLIFF"; do
        xmllint --nonet --xpath '//*[local-name()="enumeration"]/@value' "$x" 2>/dev/null |
          sed -E 's/ value="([^"]*)"/\1\n/g'
      done; printf '%s\n' x-a X-a x- bogus; } | grep -v '^$' | sort -u)
  # Each line: slot name <TAB> perl code, VALUE standing for the value tried.
  XLIFF_SLOTS=$(cat <<'EOF'
state	s/state="final"/state="VALUE"/
state-qualifier	s/state-qualifier="exact-match"/state-qualifier="VALUE"/
datatype	s/datatype="x-transcript"/datatype="VALUE"/
restype	s/restype="string"/restype="VALUE"/
context-type	s/context-type="sourcefile"/context-type="VALUE"/
purpose	s/purpose="information location"/purpose="VALUE"/
count-type	s/count-type="total"/count-type="VALUE"/
unit	s/unit="word"/unit="VALUE"/
size-unit	s/size-unit="char"/size-unit="VALUE"/
mtype	s/<mrk mtype="term" /<mrk mtype="VALUE" /
g-ctype	s/ctype="bold"/ctype="VALUE"/
x-ctype	s/ctype="lb"/ctype="VALUE"/
alttranstype	s/alttranstype="previous-version"/alttranstype="VALUE"/
reformat	s/reformat="yes" phase/reformat="VALUE" phase/
annotates	s/annotates="target"/annotates="VALUE"/
assoc	s/assoc="both"/assoc="VALUE"/
pos	s/pos="open"/pos="VALUE"/
priority	s/priority="10"/priority="VALUE"/
version	s/<xliff version="1.2" /<xliff version="VALUE" /
approved	s/approved="yes"/approved="VALUE"/
xml-space	s/xml:space="default"/xml:space="VALUE"/
EOF
)
  while IFS=$'\t' read -r slot code; do
    while IFS= read -r v; do
      out="$work/sweep.xlf"
      mutate "$here/equivalence/seed.xlf" "$out" "${code//VALUE/$v}" || cp "$here/equivalence/seed.xlf" "$out"
      compare_xliff "xliff enumeration sweep" "xliff:sweep:$slot=$v" "$out"
    done <<<"$xliff_values"
  done <<<"$XLIFF_SLOTS"

  tmx_values=$( { grep -ohE '\([a-z| ]+\)' "$OFFICIAL_TMX_DTD" "$OWN_TMX_DTD" | tr -d '() ' | tr '|' '\n'
      grep -o 'segmentation.levels "[^"]*"' "$OWN_TMX_DTD" | sed 's/.*"\(.*\)"/\1/' | tr -d ' ' | tr '|' '\n'
      grep -o 'segtypes *"[^"]*"' "$OFFICIAL_TMX_DTD" | sed 's/.*"\(.*\)"/\1/' | tr -d ' ' | tr '|' '\n'
      xmllint --nonet --xpath '//*[local-name()="enumeration"]/@value' "$OWN_TMX_XSD" 2>/dev/null |
        sed -E 's/ value="([^"]*)"/\1\n/g'
      printf '%s\n' Sentence line; } | grep -v '^$' | sort -u)
  TMX_SLOTS=$(cat <<'EOF'
header-segtype	s/segtype="sentence"\n          o-tmf/segtype="VALUE"\n          o-tmf/
tu-segtype	s/srclang="en-US" segtype="sentence" datatype/srclang="en-US" segtype="VALUE" datatype/
it-pos	s/<it pos="begin"/<it pos="VALUE"/
EOF
)
  while IFS=$'\t' read -r slot code; do
    while IFS= read -r v; do
      out="$work/sweep.tmx"
      mutate "$here/equivalence/seed.tmx" "$out" "${code//VALUE/$v}" || cp "$here/equivalence/seed.tmx" "$out"
      compare_tmx "tmx enumeration sweep" "tmx:sweep:$slot=$v" "$out"
    done <<<"$tmx_values"
  done <<<"$TMX_SLOTS"
fi

# ---------------------------------------------------------------- report

status=0
echo "Verdict agreement (official vs own schema):"
for g in "TMX upstream (DTD vs own XSD)" "TMX upstream (DTD vs own DTD)" \
         "tmx mutations (DTD vs own XSD)" "tmx mutations (DTD vs own DTD)" \
         "tmx upstream mutated (DTD vs own XSD)" "tmx upstream mutated (DTD vs own DTD)" \
         "tmx enumeration sweep (DTD vs own XSD)" "tmx enumeration sweep (DTD vs own DTD)" \
         "XLIFF 1.2 upstream" "xliff mutations" "xliff upstream mutated" "xliff enumeration sweep"; do
  t=${total[$g]:-0}; a=${agree[$g]:-0}; k=${known[$g]:-0}
  [ "$t" -gt 0 ] || continue
  printf '  %-40s %4d compared, %4d agree' "$g" "$t" "$a"
  [ "$k" -gt 0 ] && printf ', %d known difference(s)' "$k"
  printf '\n'
  [ $((t - a - k)) -eq 0 ] || status=1
done
if [ -n "$disagreements" ]; then
  echo "Disagreements:"
  printf '%s' "$disagreements"
fi
if [ $verbose = 1 ] && [ -n "$linediffs" ]; then
  echo "Same verdict, different error lines (informational):"
  printf '%s' "$linediffs"
fi
[ $status = 0 ] && echo "OK: no unexplained differences." || echo "FAIL: unexplained differences above."
exit $status
