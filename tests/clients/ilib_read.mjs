// Read an XLIFF file (1.2 or 2.x) with ilib-xliff and print what it sees of each unit as
// JSON: {"reader": "ilib-xliff VERSION", "units": [{id, source, target, state, comment},
// ...]} in file order. `state` is what ilib-xliff reads as the unit's state (XLIFF 1.2: the
// target's `state`; it reads none from XLIFF 2), `comment` its first note.
//
// Usage: node ilib_read.mjs FILE. Exit status 3 when ilib-xliff is not installed (run
// `npm ci --prefix tests/clients`), so that callers can skip; 1 on any other error.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const MISSING = 3;
const here = path.dirname(fileURLToPath(import.meta.url));
let Xliff;
try {
    ({ Xliff } = await import("ilib-xliff"));
} catch (e) {
    console.error(`ilib-xliff not installed (npm ci --prefix tests/clients): ${e.message}`);
    process.exit(MISSING);
}
const pkg = JSON.parse(fs.readFileSync(path.join(here, "node_modules/ilib-xliff/package.json"), "utf8"));
const file = process.argv[2];
if (!file) {
    console.error("usage: node ilib_read.mjs FILE");
    process.exit(2);
}
const x = new Xliff();
x.deserialize(fs.readFileSync(file, "utf8"));
const units = x.getTranslationUnits().map((tu) => ({
    id: tu.id ?? null,
    source: tu.source ?? null,
    target: tu.target ?? null,
    state: tu.state ?? null,
    comment: tu.comment ?? null,
}));
process.stdout.write(JSON.stringify({ reader: `ilib-xliff ${pkg.version}`, units }) + "\n");
