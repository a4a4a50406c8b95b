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

/// OmegaT's version as its jar's manifest states it (`Implementation-Version`), read with
/// `unzip -p` if available; `None` if it cannot be read.
pub fn omegat_version(jar: &Path) -> Option<String> {
    let out = Command::new("unzip")
        .arg("-p")
        .arg(jar)
        .arg("META-INF/MANIFEST.MF")
        .output()
        .ok()?;
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Implementation-Version:"))
        .map(|v| v.trim().to_string())
}

/// One glossary entry as OmegaT reports it: `GlossaryEntry.getSrcText()`, `getLocText()`,
/// `getCommentText()`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OmegatEntry {
    pub source: String,
    pub target: String,
    pub comment: String,
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

fn unescape(s: &str) -> String {
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

/// The `omegat.project` of a zh-CN → en-US project with every folder at its default place
/// (`source/`, `target/`, `tm/`, `glossary/`, `dictionary/`).
fn omegat_project_file(source_lang: &str, target_lang: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>{source_lang}</source_lang>
    <target_lang>{target_lang}</target_lang>
    <source_tok>org.omegat.tokenizer.LuceneSmartChineseTokenizer</source_tok>
    <target_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</target_tok>
    <sentence_seg>false</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
"#
    )
}

/// Builds a zh-CN → en-US OmegaT project in a temporary folder with `files` copied into its
/// `glossary/` folder (under their own names: the extension picks OmegaT's reader), runs
/// OmegaT in console mode on it, and returns, per file name, what OmegaT's glossary loader
/// made of it. `None` when OmegaT or java is missing (print [`OMEGAT_SKIP`]).
///
/// The command is `java -Djava.awt.headless=true -jar OmegaT.jar <project>
/// --mode=console-translate --config-dir=<private> --script=<dump.groovy> --quiet`: the same
/// as the Debian `omegat` launcher with console arguments, but with a headless JVM and a
/// private configuration folder so it neither needs a display nor touches `~/.omegat`.
pub fn omegat_load_glossaries(
    files: &[&Path],
) -> Option<Result<Vec<(String, OmegatLoad)>, String>> {
    let jar = omegat_jar()?;
    let java = on_path("java")?;
    Some(omegat_run(&java, &jar, files))
}

fn omegat_run(
    java: &Path,
    jar: &Path,
    files: &[&Path],
) -> Result<Vec<(String, OmegatLoad)>, String> {
    let tmp = tempfile::tempdir().map_err(|e| e.to_string())?;
    let project = tmp.path().join("project");
    for dir in ["source", "target", "tm", "glossary", "dictionary", "omegat"] {
        std::fs::create_dir_all(project.join(dir)).map_err(|e| e.to_string())?;
    }
    std::fs::write(
        project.join("omegat.project"),
        omegat_project_file("zh-CN", "en-US"),
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

    let mut cmd = Command::new(java);
    cmd.arg("-Djava.awt.headless=true")
        .arg("-jar")
        .arg(jar)
        .arg(&project)
        .arg("--mode=console-translate")
        .arg(format!("--config-dir={}", config.display()))
        .arg(format!("--script={}", script.display()))
        .arg("--quiet")
        .env("ZHEN_TM_OMEGAT_DUMP", &dump)
        .current_dir(tmp.path());
    let out = run_with_timeout(cmd, OMEGAT_TIME_LIMIT)?;
    let text = std::fs::read_to_string(&dump).map_err(|e| {
        format!(
            "OmegaT wrote no glossary dump ({e}); exit {}\nstdout:\n{}\nstderr (tail):\n{}",
            out.status,
            String::from_utf8_lossy(&out.stdout),
            tail(&String::from_utf8_lossy(&out.stderr), 40)
        )
    })?;

    let mut result: Vec<(String, OmegatLoad)> = Vec::new();
    for line in text.lines() {
        let fields: Vec<String> = line.split('\t').map(unescape).collect();
        match fields.first().map(String::as_str) {
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
    Ok(result)
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
