//! The command line as people use it: `-o -` streams one format to standard output,
//! `--quiet`, the progress bar only on a terminal, one unaligned report per memory (a
//! second run into the folder keeps the first's), glossaries in an input folder are not
//! read back as transcripts, and an export of 0 pairs fails.

#[path = "common/cli.rs"]
mod cli;

use cli::*;
use std::path::{Path, PathBuf};

fn scratch(name: &str) -> PathBuf {
    scratch_in("cli_usage", name)
}

/// `zhen-tm ARGS…` with `dir` as working directory.
fn run_in(dir: &Path, args: &[&str]) -> std::process::Output {
    zhen_tm().current_dir(dir).args(args).output().unwrap()
}

/// A transcript file `name` in `dir` holding the small bilingual fixture.
fn transcript(dir: &Path, name: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, BILINGUAL).unwrap();
    p
}

#[test]
fn output_dash_streams_one_format_to_stdout() {
    let d = scratch("stdout");
    transcript(&d, "a.txt");
    // The same memory as a folder export's, on standard output; the summary on stderr.
    let o = run_in(&d, &["export", "a.txt", "-o", "-", "--format", "tmx"]);
    assert_ok(&o);
    let streamed = d.join("streamed.tmx");
    std::fs::write(&streamed, &o.stdout).unwrap();
    assert_eq!(
        read_tmx(&streamed).pairs("zh-CN", "en-US"),
        bilingual_pairs()
    );
    let err = stderr(&o);
    assert!(err.contains("pairs: 6"), "{err}");
    assert!(err.contains("no unaligned report"), "{err}");
    assert_eq!(list_dir(&d), ["a.txt", "streamed.tmx"], "no file written");
    let o = run_in(&d, &["export", "a.txt", "-o", "out", "--format", "tmx"]);
    assert_ok(&o);
    assert_eq!(
        std::fs::read(d.join("out/a.tmx")).unwrap(),
        std::fs::read(&streamed).unwrap(),
        "byte-identical to the file export"
    );
    // CSV too, and --quiet leaves standard error empty.
    let o = run_in(&d, &["export", "a.txt", "-o", "-", "--format", "csv", "-q"]);
    assert_ok(&o);
    assert!(stdout(&o).starts_with("source,target,"), "{}", stdout(&o));
    assert_eq!(stderr(&o), "");

    // Several formats (the default four, or --review-tmx's second memory): usage error.
    for extra in [
        &[][..],
        &["--format", "tmx,csv"],
        &["--format", "tmx", "--review-tmx"],
    ] {
        let mut args = vec!["export", "a.txt", "-o", "-"];
        args.extend_from_slice(extra);
        let o = run_in(&d, &args);
        assert_eq!(o.status.code(), Some(2), "{extra:?}: {}", stderr(&o));
        assert!(stderr(&o).contains("-o -"), "{}", stderr(&o));
        assert!(o.stdout.is_empty());
    }

    // terms: one glossary on standard output, the same bytes as the file.
    let o = run_in(&d, &["terms", "a.txt", "-o", "-", "--format", "tbx"]);
    assert_ok(&o);
    let o2 = run_in(&d, &["terms", "a.txt", "-o", "gl", "--format", "tbx"]);
    assert_ok(&o2);
    assert_eq!(o.stdout, std::fs::read(d.join("gl/glossary.tbx")).unwrap());
    let o = run_in(&d, &["terms", "a.txt", "-o", "-"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
}

#[test]
fn quiet_prints_nothing_but_writes_everything() {
    let d = scratch("quiet");
    transcript(&d, "a.txt");
    let o = run_in(&d, &["export", "a.txt", "-o", "out", "--quiet"]);
    assert_ok(&o);
    assert_eq!(stdout(&o), "");
    assert_eq!(stderr(&o), "");
    assert_eq!(
        list_dir(&d.join("out")),
        [
            "a.csv",
            "a.tmx",
            "a.unaligned.tsv",
            "a.xliff12.xlf",
            "a.xliff21.xlf"
        ]
    );
    let o = run_in(&d, &["terms", "a.txt", "-o", "gl", "-q", "--format", "csv"]);
    assert_ok(&o);
    assert_eq!(stdout(&o), "");
    assert!(d.join("gl/glossary.csv").is_file());
}

/// Standard error of these tests is a pipe: no bar, not a single carriage return. On a
/// terminal (`script` gives the program one) the bar is drawn.
#[test]
fn progress_bar_only_on_a_terminal() {
    let d = scratch("progress");
    let o = zhen_tm()
        .args(["export", "-o"])
        .arg(d.join("out"))
        .arg(samples_dir())
        .output()
        .unwrap();
    assert_ok(&o);
    let err = stderr(&o);
    assert!(
        !err.contains('\r') && !err.contains("aligning"),
        "progress bar on a pipe: {err:?}"
    );
    if !Path::new("/usr/bin/script").is_file() {
        eprintln!("skipping the terminal half: `script` (util-linux) not found");
        return;
    }
    let bin = env!("CARGO_BIN_EXE_zhen-tm");
    let cmd = |quiet: &str| {
        format!(
            "{bin} export {} -o {} {quiet} >/dev/null",
            samples_dir().display(),
            d.join("tty").display()
        )
    };
    let on_tty = |quiet: &str| {
        let o = std::process::Command::new("script")
            .args(["-qec", &cmd(quiet), "/dev/null"])
            .env_remove("SOURCE_DATE_EPOCH")
            .output()
            .unwrap();
        assert_ok(&o);
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    let shown = on_tty("");
    assert!(
        shown.contains("aligning"),
        "no bar on a terminal: {shown:?}"
    );
    let quiet = on_tty("--quiet");
    assert!(
        !quiet.contains("aligning"),
        "bar despite --quiet: {quiet:?}"
    );
}

#[test]
fn each_memory_has_its_own_unaligned_report() {
    let d = scratch("reports");
    // Sample 000 has Chinese sentences without an English counterpart; the fixture none.
    std::fs::copy(sample("000"), d.join("a.md")).unwrap();
    transcript(&d, "b.txt");
    assert_ok(&run_in(&d, &["export", "a.md", "-o", "out", "-q"]));
    let first = std::fs::read(d.join("out/a.unaligned.tsv")).unwrap();
    let rows = read_unaligned(&d.join("out/a.unaligned.tsv"));
    assert!(
        !rows.is_empty() && rows.iter().all(|(doc, ..)| doc == "a"),
        "{rows:?}"
    );
    // A second run into the same folder adds its report and keeps the first.
    assert_ok(&run_in(&d, &["export", "b.txt", "-o", "out", "-q"]));
    assert_eq!(std::fs::read(d.join("out/a.unaligned.tsv")).unwrap(), first);
    assert!(read_unaligned(&d.join("out/b.unaligned.tsv")).is_empty());
    // A merged export has one report, named after the merge.
    assert_ok(&run_in(
        &d,
        &[
            "export", "a.md", "b.txt", "-o", "m", "--merge", "both", "-q",
        ],
    ));
    assert!(list_dir(&d.join("m")).contains(&"both.unaligned.tsv".to_string()));
    assert_eq!(
        read_unaligned(&d.join("m/both.unaligned.tsv")),
        read_unaligned(&d.join("out/a.unaligned.tsv"))
    );
}

#[test]
fn glossaries_in_an_input_folder_are_not_read_as_transcripts() {
    let d = scratch("glossaries");
    std::fs::create_dir(d.join("in")).unwrap();
    transcript(&d.join("in"), "a.txt");
    // Every glossary format into a folder inside the input folder, then an export of it.
    let o = run_in(&d, &["terms", "in", "-o", "in/glossaries", "-q"]);
    assert_ok(&o);
    assert!(list_dir(&d.join("in/glossaries")).contains(&"glossary.utf8".to_string()));
    assert!(list_dir(&d.join("in/glossaries")).contains(&"glossary.xlsx".to_string()));
    let o = run_in(&d, &["export", "in", "-o", "out"]);
    assert_ok(&o);
    assert!(stdout(&o).contains("documents: 1"), "{}", stdout(&o));
    assert_eq!(stderr(&o), "", "nothing else read");
}

#[test]
fn an_export_of_zero_pairs_says_so_and_fails() {
    let d = scratch("zero");
    std::fs::write(
        d.join("v.txt"),
        "Wang Yi: The weather in the mountains was cold last winter. Farmers planted rice \
         in the spring.\n\n王毅：我们将继续同各方一道为地区和平而努力。中国愿同美国加强合作。\n",
    )
    .unwrap();
    let o = run_in(
        &d,
        &[
            "export",
            "v.txt",
            "-o",
            "out",
            "--force",
            "--min-score",
            "0.9",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("yields 0 pairs"), "{err}");
    assert!(err.contains("below --min-score"), "{err}");
    assert!(err.contains("nothing was written"), "{err}");
    assert!(!d.join("out").exists());
    assert!(o.stdout.is_empty());
}
