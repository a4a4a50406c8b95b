//! How `export` finds its inputs: an output directory inside an input directory is never
//! read back, and a missing input does not stop the others.

#[path = "common/cli.rs"]
mod cli;

use cli::*;

/// Exporting a folder into a subfolder of itself, twice, gives the same files both times:
/// the second run does not read the first run's TMX/XLIFF/CSV as transcripts.
#[test]
fn output_inside_input_is_not_read_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("a.txt"), BILINGUAL).expect("write fixture");
    let out = dir.path().join("out");
    let first = run([
        "export".as_ref(),
        dir.path().as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    assert_ok(&first);
    let files = list_dir(&out);
    let tmx = std::fs::read(out.join("a.tmx")).expect("a.tmx");
    let second = run([
        "export".as_ref(),
        dir.path().as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    assert_ok(&second);
    assert_eq!(list_dir(&out), files, "same files after the second run");
    assert_eq!(
        std::fs::read(out.join("a.tmx")).expect("a.tmx"),
        tmx,
        "same TMX"
    );
    assert!(
        stdout(&second).contains("documents: 1"),
        "{}",
        stdout(&second)
    );
}

/// A missing path among the inputs is reported, and the other inputs are still exported;
/// the exit status says something was not exported.
#[test]
fn missing_input_does_not_stop_the_others() {
    let dir = tempfile::tempdir().expect("tempdir");
    let good = dir.path().join("a.txt");
    std::fs::write(&good, BILINGUAL).expect("write fixture");
    let missing = dir.path().join("nope.txt");
    let out = dir.path().join("out");
    let o = run([
        "export".as_ref(),
        missing.as_os_str(),
        good.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("nope.txt"), "{}", stderr(&o));
    assert!(out.join("a.tmx").is_file(), "the good input was exported");
    assert!(
        !list_dir(&out).iter().any(|f| f.starts_with(".zhen-tm")),
        "no staging left"
    );
}

/// Two inputs with the same file stem get distinct output names and tuids.
#[test]
fn same_stem_inputs_do_not_collide() {
    let dir = tempfile::tempdir().expect("tempdir");
    for sub in ["a", "b"] {
        std::fs::create_dir_all(dir.path().join(sub)).expect("mkdir");
        std::fs::write(dir.path().join(sub).join("x.txt"), BILINGUAL).expect("write fixture");
    }
    let out = dir.path().join("out");
    let o = run([
        "export".as_ref(),
        dir.path().join("a").as_os_str(),
        dir.path().join("b").as_os_str(),
        "--keep-duplicates".as_ref(),
        "--format".as_ref(),
        "tmx".as_ref(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    assert_ok(&o);
    assert!(
        out.join("x.tmx").is_file() && out.join("x-2.tmx").is_file(),
        "{:?}",
        list_dir(&out)
    );
    let second = std::fs::read_to_string(out.join("x-2.tmx")).expect("x-2.tmx");
    assert!(
        second.contains("tuid=\"x-2-0001\""),
        "tuids renamed with the document"
    );
}
