#!/usr/bin/env bash
# check_xliff2.sh - compare the project's XLIFF 2 schemas with the OASIS ones (the "oracle").
#
# Usage:  schemas/check_xliff2.sh [SHARED]      (SHARED defaults to ../shared, i.e. /work/shared
#                                                when run from the worktree root)
#
# For every XLIFF 2.x file in SHARED/testsuite-upstream (OASIS 2.1 and 2.2 test suites, Okapi
# lib-xliff2 valid/invalid/warning) and for a set of mutated documents generated here, run
#     xmllint --nonet --noout --schema SHARED/oracle/xliff2X-all.xsd FILE     (official verdict)
#     xmllint --nonet --noout --schema schemas/xliff2*/xliff2X-all.xsd FILE   (our verdict)
# and compare the exit codes (0 valid, 3 invalid, 1 not well-formed, 5 schema did not compile).
# Prints agreement counts per suite and lists every disagreement.  Exit status 0 when all agree.
set -u

here=$(cd "$(dirname "$0")" && pwd)
shared=$(cd "${1:-../shared}" && pwd) || { echo "no shared folder: ${1:-../shared}" >&2; exit 2; }
command -v xmllint >/dev/null || { echo "xmllint missing (apt-get install -y libxml2-utils)" >&2; exit 2; }
export XML_CATALOG_FILES="$shared/oracle/catalog.xml"   # the official 2.2 schemas import the W3C xml.xsd by URL

ours21="$here/xliff2/xliff21-all.xsd";  oracle21="$shared/oracle/xliff21-all.xsd"
ours22="$here/xliff22/xliff22-all.xsd"; oracle22="$shared/oracle/xliff22-all.xsd"
suites="$shared/testsuite-upstream"

total=0; agreed=0; disagreements=(); known=(); where_diffs=()
verbose=${VERBOSE:-0}    # VERBOSE=1 prints every mutation's verdicts

# Deliberate differences: "label-pattern<TAB>reason".  A disagreement whose file name matches a
# pattern is reported under "known differences" and does not fail the run.
known_patterns=$(printf '%s\t%s\n' \
  'base22-itsm-' 'oracle xliff22-all.xsd leaves out itsm.xsd (upstream 2.2 itsm.xsd imports a core file missing from that folder); ours imports it, so itsm:lang is checked in 2.2 documents too')

# verdict SCHEMA FILE -> "rc|where": xmllint's exit code, and the sorted list of
# "line: element NAME" locations of its error messages (a finer check than the exit code alone)
verdict() {
  local err rc
  err=$(xmllint --nonet --noout --schema "$1" "$2" 2>&1 >/dev/null); rc=$?
  printf '%s|%s' "$rc" "$(printf '%s\n' "$err" | grep -o ':[0-9]*: element [^:]*' | LC_ALL=C sort -u | tr '\n' ' ')"
}

# compare LABEL OURS ORACLE FILE...
compare() {
  local label=$1 ours=$2 oracle=$3; shift 3
  local n=0 ok=0 same_where=0 valid=0 f a b va vb
  for f in "$@"; do
    va=$(verdict "$oracle" "$f"); vb=$(verdict "$ours" "$f")
    a=${va%%|*}; b=${vb%%|*}
    n=$((n+1))
    if [ "$va" = "$vb" ]; then same_where=$((same_where+1)); elif [ "$a" = "$b" ]; then
      where_diffs+=("$label: same rc=$a, error locations differ  ${f#$shared/}"); fi
    [ "$a" = 0 ] && valid=$((valid+1))
    [ "$verbose" = 1 ] && [[ "$label" == mutations* ]] && printf '    oracle rc=%s ours rc=%s  %s\n' "$a" "$b" "$(basename "$f" .xlf)"
    if [ "$a" = "$b" ]; then ok=$((ok+1)); continue; fi
    local line="$label: oracle rc=$a ours rc=$b  ${f#$shared/}" pat reason matched=0
    while IFS=$'\t' read -r pat reason; do
      [ -n "$pat" ] && [[ "$(basename "$f")" == $pat* ]] && { known+=("$line"$'\n'"      reason: $reason"); matched=1; }
    done <<< "$known_patterns"
    [ $matched = 1 ] || disagreements+=("$line")
  done
  printf '%-44s %4d files  %4d agree  (%d also on error locations; %d valid per oracle)\n' "$label" "$n" "$ok" "$same_where" "$valid"
  total=$((total+n)); agreed=$((agreed+ok))
}

files() { find "$@" -maxdepth 1 -type f \( -name '*.xlf' -o -name '*.xliff' \) 2>/dev/null | LC_ALL=C sort; }

# ---------------------------------------------------------------- upstream suites
o21="$suites/oasis-tcs+xliff-xliff-22/xliff-21/test-suite"
o22="$suites/oasis-tcs+xliff-xliff-22/xliff-22/test-suite"
ok2="$suites/mihnita+okapi/okapi/libraries/lib-xliff2/src/test/resources"

echo "== upstream files (verdict = xmllint exit code)"
for sub in core/valid core/in-out core/invalid modules/valid modules/invalid; do
  mapfile -t fl < <(files "$o21/$sub")
  compare "OASIS 2.1 $sub" "$ours21" "$oracle21" "${fl[@]}"
done
for sub in valid invalid warning; do
  mapfile -t fl < <(files "$ok2/$sub" "$ok2/$sub"/*/)
  compare "Okapi lib-xliff2 $sub" "$ours21" "$oracle21" "${fl[@]}"
done
if [ -f "$ours22" ]; then
  for sub in core/valid core/invalid modules/valid modules/invalid; do
    mapfile -t fl < <(files "$o22/$sub")
    compare "OASIS 2.2 $sub" "$ours22" "$oracle22" "${fl[@]}"
  done
fi

# ---------------------------------------------------------------- mutations
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# A valid 2.1 document shaped like zhen-tm output, plus one element or attribute of each module,
# every line carrying a unique marker (MARK-n) so that one sed expression changes one thing.
cat > "$tmp/base21.xlf" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en" trgLang="zh-CN"
 xmlns:mda="urn:oasis:names:tc:xliff:metadata:2.0" xmlns:mtc="urn:oasis:names:tc:xliff:matches:2.0"
 xmlns:gls="urn:oasis:names:tc:xliff:glossary:2.0" xmlns:fs="urn:oasis:names:tc:xliff:fs:2.0"
 xmlns:res="urn:oasis:names:tc:xliff:resourcedata:2.0" xmlns:slr="urn:oasis:names:tc:xliff:sizerestriction:2.0"
 xmlns:val="urn:oasis:names:tc:xliff:validation:2.0" xmlns:its="http://www.w3.org/2005/11/its"
 xmlns:itsm="urn:oasis:names:tc:xliff:itsm:2.1" xmlns:ctr="urn:oasis:names:tc:xliff:changetracking:2.0"
 xmlns:x="urn:example:ext" its:version="2.0">
 <file id="f1" original="transcript.md" canResegment="no" translate="yes" srcDir="ltr" trgDir="auto"><!--MARK-file-->
  <skeleton href="transcript.skl"/><!--MARK-skel-->
  <mda:metadata id="md1"><!--MARK-mdafile-->
   <mda:metaGroup category="document" appliesTo="source"><!--MARK-mg-->
    <mda:meta type="date">2024-05-01</mda:meta><!--MARK-meta-->
    <mda:meta type="speaker">Spokesperson</mda:meta>
   </mda:metaGroup>
  </mda:metadata>
  <slr:profiles generalProfile="xliff:codepoints"><slr:normalization general="nfc" storage="none"/></slr:profiles><!--MARK-slr-->
  <notes><!--MARK-notes-->
   <note id="n1" appliesTo="source" category="x" priority="2">Regular press conference</note><!--MARK-note-->
  </notes>
  <group id="g1" name="para-1" type="z:paragraph" translate="yes"><!--MARK-group-->
   <unit id="u1" name="s1" slr:sizeRestriction="200" fs:fs="p" fs:subFs="class,x"><!--MARK-unit-->
    <mda:metadata><mda:metaGroup><mda:meta type="score">0.93</mda:meta></mda:metaGroup></mda:metadata><!--MARK-mdaunit-->
    <mtc:matches><mtc:match ref="#s1" id="m1" type="tm" similarity="95.5" reference="no"><!--MARK-match-->
     <source>Good afternoon.</source><target>下午好。</target></mtc:match></mtc:matches>
    <gls:glossary><gls:glossEntry id="ge1"><gls:term source="MFA">spokesperson</gls:term><!--MARK-gls-->
     <gls:translation id="gt1">发言人</gls:translation><gls:definition>official voice</gls:definition></gls:glossEntry></gls:glossary>
    <res:resourceData><res:resourceItemRef ref="ri1"/><!--MARK-resref-->
     <res:resourceItem id="ri1" context="yes"><res:source href="a.png"/><res:reference href="b.png"/></res:resourceItem></res:resourceData>
    <val:validation><val:rule isPresent="MFA" occurs="1" caseSensitive="no"/></val:validation><!--MARK-val-->
    <its:provenanceRecords xml:id="pr1"><its:provenanceRecord tool="zhen-tm"/></its:provenanceRecords><!--MARK-prov-->
    <ctr:changeTrack><ctr:revisions appliesTo="source"><ctr:revision author="a"><ctr:item property="content">x</ctr:item></ctr:revision></ctr:revisions></ctr:changeTrack><!--MARK-ctr-->
    <x:custom attr="1"/><!--MARK-ext-->
    <notes><note>unit note</note></notes><!--MARK-unitnotes-->
    <originalData><data id="d1">&lt;b&gt;</data><data id="d2" xml:space="preserve">&lt;/b&gt;<cp hex="0007"/></data></originalData><!--MARK-od-->
    <segment id="s1" state="translated" subState="z:ok" canResegment="no"><!--MARK-seg-->
     <source xml:lang="en">Good <pc id="p1" dataRefStart="d1" dataRefEnd="d2" type="fmt" subType="xlf:b" its:locQualityIssueType="style">afternoon</pc><ph id="ph1" canCopy="no" canReorder="firstNo"/>.</source><!--MARK-src-->
     <target xml:lang="zh-CN" order="1"><mrk id="m1" type="term" translate="yes" itsm:lang="zh">下午好</mrk><sm id="sm1" type="z:custom"/><em startRef="sm1"/>。</target><!--MARK-trg-->
    </segment>
    <ignorable><source> </source></ignorable><!--MARK-ign-->
    <segment><source><sc id="c1" canOverlap="yes" isolated="yes" dir="rtl"/>x<ec id="c2" isolated="yes"/></source></segment><!--MARK-sc-->
   </unit>
  </group>
  <unit id="u2"><segment><source>Next question.</source></segment></unit><!--MARK-u2-->
 </file>
</xliff>
EOF

# name <TAB> sed expression (applied to base21.xlf)
mutations21=$(cat <<'EOF'
drop-srcLang	1,10s/ srcLang="en"//
drop-version	1,10s/ version="2.1"//
drop-file-id	/MARK-file/s/ id="f1"//
drop-unit-id	/MARK-unit/s/ id="u1"//
drop-group-id	/MARK-group/s/ id="g1"//
drop-data-id	/MARK-od/s/ id="d1"//
drop-ph-id	/MARK-src/s/<ph id="ph1"/<ph/
drop-em-startRef	/MARK-trg/s/<em startRef="sm1"\/>/<em\/>/
misspell-segment	/MARK-seg/s/<segment /<segmnt /;/MARK-seg/,/<\/segment>/s/<\/segment>/<\/segmnt>/
misspell-source	/MARK-ign/s/source>/sorce>/g
bad-state	/MARK-seg/s/state="translated"/state="done"/
bad-canResegment	/MARK-file/s/canResegment="no"/canResegment="false"/
bad-translate	/MARK-group/s/translate="yes"/translate="Yes"/
bad-appliesTo	/MARK-note/s/appliesTo="source"/appliesTo="both"/
bad-srcDir	/MARK-file/s/srcDir="ltr"/srcDir="left"/
bad-pc-type	/MARK-src/s/type="fmt"/type="bold"/
bad-canReorder	/MARK-src/s/canReorder="firstNo"/canReorder="first"/
bad-subType	/MARK-src/s/subType="xlf:b"/subType="b"/
bad-group-type	/MARK-group/s/type="z:paragraph"/type="paragraph"/
bad-mrk-type	/MARK-trg/s/type="term"/type="keyword"/
bad-priority	/MARK-note/s/priority="2"/priority="11"/
bad-order	/MARK-trg/s/order="1"/order="0"/
bad-cp-hex	/MARK-od/s/hex="0007"/hex="07G"/
bad-data-space	/MARK-od/s/xml:space="preserve"/xml:space="default"/
bad-xml-lang	/MARK-src/s/xml:lang="en"/xml:lang="en US"/
bad-trgLang	1,3s/trgLang="zh-CN"/trgLang="zh_CN!"/
bad-xml-space	/MARK-file/s/trgDir="auto"/trgDir="auto" xml:space="keep"/
bad-unit-id-nmtoken	/MARK-unit/s/id="u1"/id="u 1"/
wrong-namespace	s/urn:oasis:names:tc:xliff:document:2.0/urn:oasis:names:tc:xliff:document:1.2/
wrong-namespace-2.2	s/urn:oasis:names:tc:xliff:document:2.0/urn:oasis:names:tc:xliff:document:2.2/
notes-after-segment	/MARK-unitnotes/d;/MARK-ign/s/$/<notes><note>late<\/note><\/notes>/
originalData-after-notes-swap	/MARK-unitnotes/d;/MARK-od/s/$/<notes><note>late<\/note><\/notes>/
skeleton-after-notes	/MARK-skel/d;/MARK-notes/s/^/<skeleton href="s"\/>/
target-before-source	/MARK-ign/s/<ignorable><source> <\/source><\/ignorable>/<ignorable><target>t<\/target><source>s<\/source><\/ignorable>/
two-targets	/MARK-ign/s/<\/source>/<\/source><target>a<\/target><target>b<\/target>/
empty-unit	/MARK-u2/s/<segment><source>Next question.<\/source><\/segment>//
empty-file	/MARK-group/,/MARK-u2/d
empty-notes	/MARK-unitnotes/s/<notes><note>unit note<\/note><\/notes>/<notes\/>/
empty-group	/MARK-group/,/<\/group>/{/MARK-group/!d};/MARK-group/s/$/<\/group>/
duplicate-unit-id	/MARK-u2/s/id="u2"/id="u1"/
duplicate-file-id	/<\/file>/s/$/<file id="f1"><unit id="u9"><segment><source>x<\/source><\/segment><\/unit><\/file>/
duplicate-xml-id	/MARK-prov/s/$/<its:provenanceRecords xml:id="pr1"><its:provenanceRecord tool="t"\/><\/its:provenanceRecords>/
core-ns-attr-on-unit	/MARK-unit/s/<unit /<unit xmlns:c="urn:oasis:names:tc:xliff:document:2.0" c:foo="1" /
no-ns-attr-on-unit	/MARK-unit/s/<unit /<unit foo="1" /
no-ns-attr-on-segment	/MARK-seg/s/<segment /<segment foo="1" /
ext-attr-on-unit	/MARK-unit/s/<unit /<unit x:foo="1" /
ext-attr-on-segment	/MARK-seg/s/<segment /<segment x:foo="1" /
ext-attr-on-source	/MARK-src/s/<source /<source x:foo="1" /
ext-attr-on-notes	/MARK-notes/s/<notes>/<notes x:foo="1">/
ext-attr-on-em	/MARK-trg/s/<em startRef/<em x:foo="1" startRef/
fs-on-source	/MARK-src/s/<source /<source fs:fs="p" /
fs-bad-value	/MARK-unit/s/fs:fs="p"/fs:fs="blink"/
ext-elem-in-segment	/MARK-seg/s/$/<x:custom\/>/
ext-elem-in-source	/MARK-src/s/Good /Good <x:custom\/>/
ext-elem-in-notes	/MARK-notes/s/$/<x:custom\/>/
ext-elem-in-xliff	/MARK-file/s/^/<x:custom\/>/
ext-elem-after-notes-in-unit	/MARK-unitnotes/s/$/<x:custom\/>/
ext-elem-in-skeleton	/MARK-skel/s/<skeleton href="transcript.skl"\/>/<skeleton><x:custom\/>text<\/skeleton>/
mda-in-segment	/MARK-seg/s/$/<mda:metadata><mda:metaGroup><mda:meta type="a">b<\/mda:meta><\/mda:metaGroup><\/mda:metadata>/
mda-in-source	/MARK-src/s/Good /Good <mda:metadata><mda:metaGroup><mda:meta type="a">b<\/mda:meta><\/mda:metaGroup><\/mda:metadata>/
mda-after-originalData	/MARK-mdaunit/d;/MARK-od/s/$/<mda:metadata><mda:metaGroup><mda:meta type="a">b<\/mda:meta><\/mda:metaGroup><\/mda:metadata>/
mda-meta-missing-type	/MARK-meta/s/ type="date"//
mda-meta-child	/MARK-meta/s/2024-05-01/<mda:meta type="x">y<\/mda:meta>/
mda-empty-metaGroup	/MARK-mdaunit/s/<mda:metaGroup><mda:meta type="score">0.93<\/mda:meta><\/mda:metaGroup>/<mda:metaGroup\/>/
mda-empty-metadata	/MARK-mdaunit/s/<mda:metaGroup><mda:meta type="score">0.93<\/mda:meta><\/mda:metaGroup>//
mda-bad-appliesTo	/MARK-mg/s/appliesTo="source"/appliesTo="unit"/
mda-bad-id	/MARK-mdafile/s/id="md1"/id="m d"/
mda-meta-in-core-ns	/MARK-meta/s/<mda:meta type="date">2024-05-01<\/mda:meta>/<meta type="date">2024-05-01<\/meta>/
mda-unknown-attr	/MARK-mg/s/category=/foo="1" category=/
mda-misspelled	/MARK-mdaunit/s/mda:metadata>/mda:metdata>/g
mtc-missing-ref	/MARK-match/s/ref="#s1" //
mtc-bad-type	/MARK-match/s/type="tm"/type="human"/
mtc-bad-similarity	/MARK-match/s/similarity="95.5"/similarity="101"/
mtc-missing-target	/MARK-match/,+1s/<target>下午好。<\/target>//
mtc-in-file	/MARK-slr/s/$/<mtc:matches><mtc:match ref="#s1"><source>a<\/source><target>b<\/target><\/mtc:match><\/mtc:matches>/
gls-missing-term	/MARK-gls/s/<gls:term source="MFA">spokesperson<\/gls:term>//
gls-term-child	/MARK-gls/s/spokesperson/<x:b\/>spokesperson/
res-missing-ref	/MARK-resref/s/ ref="ri1"//
res-text-in-source	/MARK-resref/,+1s/<res:source href="a.png"\/>/<res:source>text<\/res:source>/
res-order	/MARK-resref/,+1s/<res:source href="a.png"\/><res:reference href="b.png"\/>/<res:reference href="b.png"\/><res:source href="a.png"\/>/
val-bad-occurs	/MARK-val/s/occurs="1"/occurs="0"/
val-bad-caseSensitive	/MARK-val/s/caseSensitive="no"/caseSensitive="false"/
val-empty	/MARK-val/s/<val:rule[^>]*\/>//
slr-bad-normalization	/MARK-slr/s/general="nfc"/general="nfkc"/
slr-bad-sizeInfoRef	/MARK-unit/s/slr:sizeRestriction="200"/slr:sizeInfoRef="a b"/
its-bad-version	1,12s/its:version="2.0"/its:version="2.1"/
its-bad-issue-type	/MARK-src/s/locQualityIssueType="style"/locQualityIssueType="stylistic"/
its-missing-xml-id	/MARK-prov/s/ xml:id="pr1"//
itsm-bad-lang	/MARK-trg/s/itsm:lang="zh"/itsm:lang="zh hans"/
ctr-missing-property	/MARK-ctr/s/ property="content"//
ctr-missing-appliesTo	/MARK-ctr/s/ appliesTo="source"//
text-in-unit	/MARK-unitnotes/s/^/stray text/
note-child	/MARK-note/s/Regular press/Regular <x:b\/> press/
ctr-item-child	/MARK-ctr/s/">x</">x<x:b\/></
gls-definition-child	/MARK-gls/,+1s/official voice/<gls:term>t<\/gls:term>/
EOF
)

# run_mutations LABEL OURS ORACLE BASE LIST
run_mutations() {
  local label=$1 ours=$2 oracle=$3 base=$4 list=$5 name expr out mfiles=()
  while IFS=$'\t' read -r name expr; do
    [ -n "$name" ] || continue
    out="$tmp/$label-$name.xlf"
    sed -e "$expr" "$base" > "$out"
    if cmp -s "$base" "$out"; then disagreements+=("$label mutation '$name' did not change the file"); continue; fi
    mfiles+=("$out")
  done <<< "$list"
  compare "mutations of $label (${#mfiles[@]})" "$ours" "$oracle" "$base" "${mfiles[@]}"
}

echo "== mutated documents (first file of each set is the unmutated base)"
run_mutations base21 "$ours21" "$oracle21" "$tmp/base21.xlf" "$mutations21"

if [ -f "$ours22" ]; then
  # The same document as XLIFF 2.2 (no change tracking: neither 2.2 driver imports it), plus
  # 2.2-only mutations.
  sed -e 's/urn:oasis:names:tc:xliff:document:2.0/urn:oasis:names:tc:xliff:document:2.2/' \
      -e '1,12s/version="2.1"/version="2.2"/' -e '/MARK-ctr/d' "$tmp/base21.xlf" > "$tmp/base22.xlf"
  mutations22=$(printf '%s\n' "$mutations21" | grep -v '^ctr-\|^wrong-namespace-2.2' | sed -e 's/urn:oasis:names:tc:xliff:document:2.0/urn:oasis:names:tc:xliff:document:2.2/g' -e 's/version="2.1"/version="2.2"/g')
  mutations22+=$'\n'$(cat <<'EOF'
v22-bad-version	1,12s/version="2.2"/version="2.3"/
v22-version-2.0	1,12s/version="2.2"/version="2.0"/
v22-xliff-notes	/MARK-file/s/^/<notes><note ref="#u1">top<\/note><\/notes>/
v22-xliff-metadata	/MARK-file/s/^/<mda:metadata><mda:metaGroup><mda:meta type="a">b<\/mda:meta><\/mda:metaGroup><\/mda:metadata>/
v22-xliff-metadata-before-notes	/MARK-file/s/^/<mda:metadata><mda:metaGroup><mda:meta type="a">b<\/mda:meta><\/mda:metaGroup><\/mda:metadata><notes><note>top<\/note><\/notes>/
v22-xliff-bad-metadata	/MARK-file/s/^/<mda:metadata\/>/
v22-note-ref	/MARK-note/s/priority="2"/priority="2" ref="#u1"/
v22-res-notes	/MARK-resref/,+1s/<res:resourceItem id="ri1" context="yes">/<res:resourceItem id="ri1"><notes><note>n<\/note><\/notes>/
v22-res-notes-late	/MARK-resref/,+1s/<res:reference href="b.png"\/>/<res:reference href="b.png"\/><notes><note>n<\/note><\/notes>/
v22-pgs	/MARK-group/s/<group /<group xmlns:pgs="urn:oasis:names:tc:xliff:pgs:1.0" pgs:switch="count" /
v22-2.0-namespace	s/urn:oasis:names:tc:xliff:document:2.2/urn:oasis:names:tc:xliff:document:2.0/
EOF
)
  run_mutations base22 "$ours22" "$oracle22" "$tmp/base22.xlf" "$mutations22"
fi

echo
echo "TOTAL: $agreed of $total verdicts agree (${#known[@]} known differences, ${#disagreements[@]} unexplained)"
if [ ${#known[@]} -gt 0 ]; then
  echo "Known (deliberate) differences:"
  printf '  %s\n' "${known[@]}"
fi
if [ ${#where_diffs[@]} -gt 0 ]; then
  echo "Same verdict, different error locations (informational):"
  printf '  %s\n' "${where_diffs[@]}"
fi
if [ ${#disagreements[@]} -gt 0 ]; then
  echo "Disagreements / problems:"
  printf '  %s\n' "${disagreements[@]}"
  exit 1
fi
echo "no disagreements"
