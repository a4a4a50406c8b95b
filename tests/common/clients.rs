//! Real client software as oracles for the glossary exports: OmegaT (its own glossary
//! loader, run in console mode) and LibreOffice Calc (headless conversion).
//!
//! Every entry point returns `None` when the client is not installed, so the caller prints a
//! skip message instead of failing; every run is time-boxed. Include it with
//! `#[path = "common/clients.rs"] mod clients;`.
#![allow(dead_code)]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Runs `cmd` to completion or kills it after `limit`. `Err` says which (spawn failure or
/// timeout, with what the command had printed so far).
pub fn run_with_timeout(mut cmd: Command, limit: Duration) -> Result<Output, String> {
    let shown = format!("{cmd:?}");
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not run {shown}: {e}"))?;
    // Drain both pipes on their own threads so a chatty child cannot block on a full pipe.
    let mut out_pipe = child.stdout.take().expect("piped stdout");
    let mut err_pipe = child.stderr.take().expect("piped stderr");
    let out_thread = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = out_pipe.read_to_end(&mut buf);
        buf
    });
    let err_thread = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = err_pipe.read_to_end(&mut buf);
        buf
    });
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if start.elapsed() < limit => std::thread::sleep(Duration::from_millis(100)),
            Ok(None) => {
                // Only this child (by its handle), never anything found by name.
                let _ = child.kill();
                let _ = child.wait();
                let stdout = out_thread.join().unwrap_or_default();
                let stderr = err_thread.join().unwrap_or_default();
                return Err(format!(
                    "{shown} timed out after {limit:?}\nstdout:\n{}\nstderr:\n{}",
                    String::from_utf8_lossy(&stdout),
                    String::from_utf8_lossy(&stderr)
                ));
            }
            Err(e) => return Err(format!("waiting for {shown}: {e}")),
        }
    };
    Ok(Output {
        status,
        stdout: out_thread.join().unwrap_or_default(),
        stderr: err_thread.join().unwrap_or_default(),
    })
}

/// `program` found on `PATH`.
pub fn on_path(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|p| p.is_file())
}

// ---------------------------------------------------------------------------------------
// OmegaT
// ---------------------------------------------------------------------------------------

/// Printed by the OmegaT tests when they skip.
pub const OMEGAT_SKIP: &str =
    "skipping: OmegaT not found (install the `omegat` package, or set OMEGAT_JAR) or no `java`";

/// Wall-clock limit of one OmegaT run (JVM start, project load, script). A run takes about
/// 5 s on a laptop.
pub const OMEGAT_TIME_LIMIT: Duration = Duration::from_secs(180);

/// OmegaT's jar: `OMEGAT_JAR` if set, else the Debian package's location.
pub fn omegat_jar() -> Option<PathBuf> {
    let jar = match std::env::var_os("OMEGAT_JAR") {
        Some(j) if !j.is_empty() => PathBuf::from(j),
        _ => PathBuf::from("/usr/share/omegat/OmegaT.jar"),
    };
    jar.is_file().then_some(jar)
}

/// One glossary entry as OmegaT reports it: `GlossaryEntry.getSrcText()`, `getLocText()`,
/// `getCommentText()`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OmegatEntry {
    pub source: String,
    pub target: String,
    pub comment: String,
}

/// One OmegaT run: its version (`OStrings.VERSION`, e.g. `3.6.0`) and, per glossary file
/// (sorted by name), what its loader did with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OmegatRun {
    pub version: String,
    pub files: Vec<(String, OmegatLoad)>,
}

/// What OmegaT did with one file of the project's `glossary/` folder: the entries its
/// loader returned, or the exception it threw.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OmegatLoad {
    Loaded(Vec<OmegatEntry>),
    Failed(String),
}

/// Groovy script OmegaT runs in console mode (`--script=`) on each project event. On `LOAD`
/// (the project is open, languages and folders set from `omegat.project`) it does what the
/// GUI's `GlossaryManager` does for every file its directory monitor finds in the glossary
/// folder: `GlossaryManager.loadGlossaryFile(File)` (private, reached from Groovy), which
/// picks the reader by extension (`.tab`/`.utf8`/`.txt` → `GlossaryReaderTSV`, `.csv` →
/// `GlossaryReaderCSV`, `.tbx` → `GlossaryReaderTBX`). `priorityGlossary` is set as
/// `GlossaryManager.start()` would; the GUI pane is not needed for loading. The result goes
/// to the file named by `ZHEN_TM_OMEGAT_DUMP`, UTF-8, one record a line, fields separated by
/// tabs, `\`, tab and line breaks escaped: `FILE name count`, `ENTRY name src loc comment`,
/// `ERROR name exception`.
const OMEGAT_DUMP_SCRIPT: &str = r#"
import org.omegat.core.Core
import org.omegat.gui.glossary.GlossaryManager
if (eventType.toString() != "LOAD") return "skipped " + eventType
def esc = { s -> s == null ? "" : s.toString().replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r") }
def props = Core.project.projectProperties
def manager = new GlossaryManager(null)
manager.priorityGlossary = new File(props.writeableGlossary)
def out = new StringBuilder()
out << "VERSION\t" << esc(org.omegat.util.OStrings.VERSION) << "\n"
new File(props.glossaryRoot).listFiles().sort { it.name }.each { f ->
  try {
    def entries = manager.loadGlossaryFile(f)
    out << "FILE\t" << esc(f.name) << "\t" << (entries == null ? 0 : entries.size()) << "\n"
    entries?.each { e ->
      out << "ENTRY\t" << esc(f.name) << "\t" << esc(e.srcText) << "\t" << esc(e.locText) << "\t" << esc(e.commentText) << "\n"
    }
  } catch (Throwable t) {
    out << "ERROR\t" << esc(f.name) << "\t" << esc(t.toString()) << "\n"
  }
}
new File(System.getenv("ZHEN_TM_OMEGAT_DUMP")).withWriter("UTF-8") { it << out.toString() }
return "dumped"
"#;

/// Undo the `\t`, `\n`, `\r` and `\\` escapes the OmegaT dump scripts write.
pub fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// OmegaT's tokenizer for a language tag: Chinese gets the SmartChinese tokenizer,
/// everything else (English here) the English one.
fn omegat_tokenizer(lang: &str) -> &'static str {
    if lang.starts_with("zh") {
        "org.omegat.tokenizer.LuceneSmartChineseTokenizer"
    } else {
        "org.omegat.tokenizer.LuceneEnglishTokenizer"
    }
}

/// The `omegat.project` of a `source_lang` → `target_lang` project with every folder at its
/// default place (`source/`, `target/`, `tm/`, `glossary/`, `dictionary/`) and OmegaT's
/// sentence segmentation on or off.
pub fn omegat_project_file(source_lang: &str, target_lang: &str, sentence_seg: bool) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
    <project version="1.0">
        <source_dir>__DEFAULT__</source_dir>
        <source_dir_excludes/>
        <target_dir>__DEFAULT__</target_dir>
        <tm_dir>__DEFAULT__</tm_dir>
        <glossary_dir>__DEFAULT__</glossary_dir>
        <glossary_file>__DEFAULT__</glossary_file>
        <dictionary_dir>__DEFAULT__</dictionary_dir>
        <source_lang>{source_lang}</source_lang>
        <target_lang>{target_lang}</target_lang>
        <source_tok>{}</source_tok>
        <target_tok>{}</target_tok>
        <sentence_seg>{sentence_seg}</sentence_seg>
        <support_default_translations>true</support_default_translations>
        <remove_tags>false</remove_tags>
    </project>
</omegat>
"#,
        omegat_tokenizer(source_lang),
        omegat_tokenizer(target_lang)
    )
}

/// The OmegaT command that opens `project` in console mode and runs the Groovy `script` on
/// it, which writes what OmegaT loaded to `dump` (passed as `ZHEN_TM_OMEGAT_DUMP`):
/// `java -Djava.awt.headless=true -jar OmegaT.jar <project> --mode=console-translate
/// --config-dir=<config> --script=<script> --quiet`, run in `cwd`. A headless JVM and a
/// private configuration folder: it needs no display and never touches `~/.omegat`.
pub fn omegat_script_command(
    java: &Path,
    jar: &Path,
    project: &Path,
    config: &Path,
    script: &Path,
    dump: &Path,
    cwd: &Path,
) -> Command {
    let mut cmd = Command::new(java);
    cmd.arg("-Djava.awt.headless=true")
        .arg("-jar")
        .arg(jar)
        .arg(project)
        .arg("--mode=console-translate")
        .arg(format!("--config-dir={}", config.display()))
        .arg(format!("--script={}", script.display()))
        .arg("--quiet")
        .env("ZHEN_TM_OMEGAT_DUMP", dump)
        .current_dir(cwd);
    cmd
}

/// Builds a zh-CN → en-US OmegaT project in a temporary folder with `files` copied into its
/// `glossary/` folder (under their own names: the extension picks OmegaT's reader), runs
/// OmegaT in console mode on it, and returns, per file name, what OmegaT's glossary loader
/// made of it. `None` when OmegaT or java is missing (print [`OMEGAT_SKIP`]). The command
/// is [`omegat_script_command`]'s.
pub fn omegat_load_glossaries(files: &[&Path]) -> Option<Result<OmegatRun, String>> {
    let jar = omegat_jar()?;
    let java = on_path("java")?;
    Some(omegat_run(&java, &jar, files))
}

fn omegat_run(java: &Path, jar: &Path, files: &[&Path]) -> Result<OmegatRun, String> {
    let tmp = tempfile::tempdir().map_err(|e| e.to_string())?;
    let project = tmp.path().join("project");
    for dir in ["source", "target", "tm", "glossary", "dictionary", "omegat"] {
        std::fs::create_dir_all(project.join(dir)).map_err(|e| e.to_string())?;
    }
    std::fs::write(
        project.join("omegat.project"),
        omegat_project_file("zh-CN", "en-US", false),
    )
    .map_err(|e| e.to_string())?;
    for f in files {
        let name = f
            .file_name()
            .ok_or_else(|| format!("{}: no file name", f.display()))?;
        std::fs::copy(f, project.join("glossary").join(name))
            .map_err(|e| format!("{}: {e}", f.display()))?;
    }
    let script = tmp.path().join("dump.groovy");
    std::fs::write(&script, OMEGAT_DUMP_SCRIPT).map_err(|e| e.to_string())?;
    let config = tmp.path().join("config");
    std::fs::create_dir_all(&config).map_err(|e| e.to_string())?;
    let dump = tmp.path().join("dump.tsv");

    let cmd = omegat_script_command(java, jar, &project, &config, &script, &dump, tmp.path());
    let out = run_with_timeout(cmd, OMEGAT_TIME_LIMIT)?;
    let text = std::fs::read_to_string(&dump).map_err(|e| {
        format!(
            "OmegaT wrote no glossary dump ({e}); exit {}\nstdout:\n{}\nstderr (tail):\n{}",
            out.status,
            String::from_utf8_lossy(&out.stdout),
            tail(&String::from_utf8_lossy(&out.stderr), 40)
        )
    })?;

    let mut version = None;
    let mut result: Vec<(String, OmegatLoad)> = Vec::new();
    for line in text.lines() {
        let fields: Vec<String> = line.split('\t').map(unescape).collect();
        match fields.first().map(String::as_str) {
            Some("VERSION") if fields.len() == 2 => version = Some(fields[1].clone()),
            Some("FILE") if fields.len() == 3 => {
                result.push((fields[1].clone(), OmegatLoad::Loaded(Vec::new())));
            }
            Some("ENTRY") if fields.len() == 5 => {
                let entry = OmegatEntry {
                    source: fields[2].clone(),
                    target: fields[3].clone(),
                    comment: fields[4].clone(),
                };
                match result.iter_mut().rev().find(|(n, _)| *n == fields[1]) {
                    Some((_, OmegatLoad::Loaded(v))) => v.push(entry),
                    _ => return Err(format!("dump: entry before its file: {line}")),
                }
            }
            Some("ERROR") if fields.len() == 3 => {
                result.push((fields[1].clone(), OmegatLoad::Failed(fields[2].clone())));
            }
            _ => return Err(format!("dump: unexpected line {line:?}")),
        }
    }
    Ok(OmegatRun {
        version: version.ok_or("dump: no VERSION line")?,
        files: result,
    })
}

fn tail(s: &str, n: usize) -> String {
    let lines: Vec<&str> = s.lines().collect();
    lines[lines.len().saturating_sub(n)..].join("\n")
}

// ---------------------------------------------------------------------------------------
// LibreOffice
// ---------------------------------------------------------------------------------------

/// Printed by the LibreOffice tests when they skip.
pub const SOFFICE_SKIP: &str =
    "skipping: LibreOffice (soffice) not found (install the `libreoffice-calc` package)";

/// Wall-clock limit of one headless conversion (first start of a fresh profile included).
pub const SOFFICE_TIME_LIMIT: Duration = Duration::from_secs(180);

/// The `soffice` binary: `SOFFICE` if set, else `soffice` or `libreoffice` on `PATH`.
pub fn soffice() -> Option<PathBuf> {
    if let Some(s) = std::env::var_os("SOFFICE").filter(|s| !s.is_empty()) {
        let s = PathBuf::from(s);
        return s.is_file().then_some(s);
    }
    on_path("soffice").or_else(|| on_path("libreoffice"))
}

/// One cell of a spreadsheet as LibreOffice saved it: the displayed text (the `text:p`
/// paragraphs joined by line breaks), `office:value-type` (`string`, `float`, `date`, …; empty
/// for an empty cell) and `table:formula` if the cell holds a formula.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct SheetCell {
    pub text: String,
    pub value_type: String,
    pub formula: Option<String>,
}

/// Opens `csv` in LibreOffice Calc headless with the CSV import filter options `options`
/// (e.g. `44,34,76,1`: comma, double quote, UTF-8, from line 1) and saves it as flat ODF
/// (`.fods`, one uncompressed XML file), then returns the first sheet's rows, trailing empty
/// cells and rows dropped. `None` when soffice is missing (print [`SOFFICE_SKIP`]).
///
/// The command is `soffice -env:UserInstallation=file:///<tmp>/profile --headless --norestore
/// --infilter=CSV:<options> --convert-to fods --outdir <tmp>/out <tmp>/<name>.csv`, with a
/// private profile so it runs beside a user's LibreOffice and leaves no trace.
pub fn soffice_open_csv(csv: &Path, options: &str) -> Option<Result<Vec<Vec<SheetCell>>, String>> {
    let soffice = soffice()?;
    Some(soffice_run(&soffice, csv, Some(options)))
}

/// Opens a spreadsheet file LibreOffice recognises by its content and extension (an
/// `.xlsx` workbook) the same way, without import options: the first sheet's rows.
/// `None` when soffice is missing (print [`SOFFICE_SKIP`]).
pub fn soffice_open(file: &Path) -> Option<Result<Vec<Vec<SheetCell>>, String>> {
    let soffice = soffice()?;
    Some(soffice_run(&soffice, file, None))
}

fn soffice_run(
    soffice: &Path,
    file: &Path,
    csv_options: Option<&str>,
) -> Result<Vec<Vec<SheetCell>>, String> {
    let tmp = tempfile::tempdir().map_err(|e| e.to_string())?;
    let ext = match csv_options {
        Some(_) => "csv".to_string(),
        None => file
            .extension()
            .map_or_else(|| "xlsx".to_string(), |e| e.to_string_lossy().into_owned()),
    };
    let input = tmp.path().join(format!("glossary.{ext}"));
    std::fs::copy(file, &input).map_err(|e| format!("{}: {e}", file.display()))?;
    let outdir = tmp.path().join("out");
    let profile = format!("file://{}", tmp.path().join("profile").display());
    let mut cmd = Command::new(soffice);
    cmd.arg(format!("-env:UserInstallation={profile}")).args([
        "--headless",
        "--norestore",
        "--nologo",
        "--nodefault",
    ]);
    if let Some(options) = csv_options {
        cmd.arg(format!("--infilter=CSV:{options}"));
    }
    cmd.args(["--convert-to", "fods", "--outdir"])
        .arg(&outdir)
        .arg(&input)
        .env("HOME", tmp.path())
        .current_dir(tmp.path());
    let out = run_with_timeout(cmd, SOFFICE_TIME_LIMIT)?;
    let fods = outdir.join("glossary.fods");
    let xml = std::fs::read_to_string(&fods).map_err(|e| {
        format!(
            "LibreOffice wrote no {} ({e}); exit {}\nstdout:\n{}\nstderr:\n{}",
            fods.display(),
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })?;
    read_fods_first_sheet(&xml)
}

/// The first table of a flat ODF spreadsheet, as rows of cells; repeated cells and rows
/// expanded (up to a sane limit), trailing empty cells and rows dropped.
pub fn read_fods_first_sheet(xml: &str) -> Result<Vec<Vec<SheetCell>>, String> {
    use quick_xml::events::{BytesStart, Event};

    fn attr(e: &BytesStart, name: &[u8]) -> Option<String> {
        e.attributes()
            .flatten()
            .find(|a| a.key.as_ref() == name)
            .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
    }
    fn repeat(e: &BytesStart, name: &[u8]) -> usize {
        attr(e, name)
            .and_then(|n| n.parse().ok())
            .unwrap_or(1)
            .min(1000)
    }
    let is_cell = |n: &[u8]| n == b"table:table-cell" || n == b"table:covered-table-cell";

    let mut reader = quick_xml::Reader::from_str(xml);
    let mut rows: Vec<Vec<SheetCell>> = Vec::new();
    let mut in_table = false;
    let mut row: Option<(Vec<SheetCell>, usize)> = None;
    let mut cell: Option<(SheetCell, usize)> = None;
    let mut paragraphs = 0usize;
    // Text counts only inside `text:p` (the file is pretty-printed between elements).
    let mut in_p = false;
    loop {
        let ev = reader.read_event().map_err(|e| format!("fods: {e}"))?;
        match ev {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(ev, Event::Empty(_));
                let name = e.name();
                let name = name.as_ref();
                if name == b"table:table" {
                    if !rows.is_empty() {
                        break; // first sheet only
                    }
                    in_table = !empty;
                } else if in_table && name == b"table:table-row" {
                    let n = repeat(e, b"table:number-rows-repeated");
                    if empty {
                        rows.extend(std::iter::repeat_n(Vec::new(), n));
                    } else {
                        row = Some((Vec::new(), n));
                    }
                } else if row.is_some() && is_cell(name) {
                    let c = SheetCell {
                        text: String::new(),
                        value_type: attr(e, b"office:value-type").unwrap_or_default(),
                        formula: attr(e, b"table:formula"),
                    };
                    let n = repeat(e, b"table:number-columns-repeated");
                    if let (true, Some((r, _))) = (empty, row.as_mut()) {
                        r.extend(std::iter::repeat_n(c, n));
                    } else {
                        cell = Some((c, n));
                        paragraphs = 0;
                    }
                } else if let Some((c, _)) = cell.as_mut() {
                    match name {
                        b"text:p" => {
                            if paragraphs > 0 {
                                c.text.push('\n');
                            }
                            paragraphs += 1;
                            in_p = !empty;
                        }
                        b"text:s" => {
                            let n = attr(e, b"text:c").and_then(|n| n.parse().ok()).unwrap_or(1);
                            c.text.extend(std::iter::repeat_n(' ', n));
                        }
                        b"text:tab" => c.text.push('\t'),
                        b"text:line-break" => c.text.push('\n'),
                        _ => {}
                    }
                }
            }
            Event::Text(t) if in_p => {
                if let Some((c, _)) = cell.as_mut() {
                    c.text
                        .push_str(&t.unescape().map_err(|e| format!("fods: {e}"))?);
                }
            }
            Event::End(ref e) => {
                let name = e.name();
                let name = name.as_ref();
                if name == b"text:p" {
                    in_p = false;
                } else if is_cell(name) {
                    if let (Some((c, n)), Some((r, _))) = (cell.take(), row.as_mut()) {
                        r.extend(std::iter::repeat_n(c, n));
                    }
                } else if name == b"table:table-row" {
                    if let Some((mut r, n)) = row.take() {
                        while r.last().is_some_and(|c| *c == SheetCell::default()) {
                            r.pop();
                        }
                        rows.extend(std::iter::repeat_n(r, n));
                    }
                } else if name == b"table:table" && in_table {
                    break;
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    while rows.last().is_some_and(Vec::is_empty) {
        rows.pop();
    }
    Ok(rows)
}
