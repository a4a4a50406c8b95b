#!/usr/bin/env python3
"""Read a translation memory with the Translate Toolkit and print its pairs as JSON.

Usage: ttk_read.py FORMAT FILE, where FORMAT is one of
  tmx      translate.storage.tmx.tmxfile
  xliff12  translate.storage.xliff.xlifffile
  xliff2   translate.storage.xliff2.Xliff2File (Translate Toolkit 3.16 and later)

Prints one JSON object:
  {"ttk": VERSION, "reader": "module.Class", "source_language": ..., "target_language": ...,
   "pairs": [[source, target], ...],
   "states": [{"translated": bool, "fuzzy": bool, "approved": bool, "notes": str}, ...]}
with the units in file order, skipping only the units the toolkit itself marks as headers.
"states" is what the toolkit's unit API says of each unit (istranslated, isfuzzy,
isapproved, getnotes): what its converters (xliff2po, po2tmx) act on.

Exit status: 0 on success; 3 when the toolkit (or the reader FORMAT needs) is not installed,
so that callers can skip; 1 on any other error (a file the toolkit cannot read).
"""

import json
import sys

MISSING = 3


def reader(fmt):
    try:
        import translate
        from translate.__version__ import sver
    except ImportError as e:
        print(f"translate-toolkit not installed: {e}", file=sys.stderr)
        sys.exit(MISSING)
    try:
        if fmt == "tmx":
            from translate.storage.tmx import tmxfile as cls
        elif fmt == "xliff12":
            from translate.storage.xliff import xlifffile as cls
        elif fmt == "xliff2":
            from translate.storage.xliff2 import Xliff2File as cls
        else:
            print(f"unknown format {fmt!r}", file=sys.stderr)
            sys.exit(2)
    except ImportError as e:
        print(f"translate-toolkit {sver} has no reader for {fmt}: {e}", file=sys.stderr)
        sys.exit(MISSING)
    del translate
    return sver, cls


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    fmt, path = sys.argv[1], sys.argv[2]
    sver, cls = reader(fmt)
    with open(path, "rb") as f:
        store = cls.parsefile(f)
    units = [unit for unit in store.units if not unit.isheader()]
    pairs = [[unit.source, unit.target] for unit in units]
    states = [
        {
            "translated": bool(unit.istranslated()),
            "fuzzy": bool(unit.isfuzzy()),
            "approved": bool(getattr(unit, "isapproved", lambda: False)()),
            "notes": unit.getnotes() or "",
        }
        for unit in units
    ]
    json.dump(
        {
            "ttk": sver,
            "reader": f"{cls.__module__}.{cls.__name__}",
            "source_language": store.getsourcelanguage(),
            "target_language": store.gettargetlanguage(),
            "pairs": pairs,
            "states": states,
        },
        sys.stdout,
        ensure_ascii=False,
    )
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
