//! `--presplit` means one sentence a line and nothing else: lines that look like speaker
//! labels, dialogue tags or headings (`所以我说：`, `Problem:`, `他说：`, `各位代表：`) stay text,
//! with their words in the exported segments; `--labels` splits labels off on request.

#[path = "common/cli.rs"]
mod cli;

fn run(args: &[&str]) -> (i32, String) {
    let o = cli::run(args);
    (o.status.code().unwrap_or(-1), cli::stderr(&o))
}

const EN: &str = "Fellow deputies,\nProblem: the report lists 12 targets for 2024.\nHe said:\n\"We met 36 of 40 goals in 2023.\"\nRemark: growth reached 5.2 percent.\nThat's 1108:21:37, Wang thought.\n";
const ZH: &str = "各位代表：\n问题：报告列出了2024年的12项目标。\n他说：\n“2023年我们完成了40项目标中的36项。”\n附注：增长达到5.2%。\n王想，那是1108:21:37。\n";

#[test]
fn presplit_lines_are_text_not_labels() {
    let tmp = tempfile::tempdir().unwrap();
    let (en, zh, out) = (
        tmp.path().join("en.txt"),
        tmp.path().join("zh.txt"),
        tmp.path().join("out"),
    );
    std::fs::write(&en, EN).unwrap();
    std::fs::write(&zh, ZH).unwrap();
    let (code, err) = run(&[
        "export",
        "--presplit",
        "--en",
        en.to_str().unwrap(),
        "--zh",
        zh.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--format",
        "csv",
        "--keep-duplicates",
    ]);
    assert_eq!(code, 0, "{err}");
    let csv = std::fs::read_to_string(out.join("zh.csv")).unwrap();
    let unaligned = std::fs::read_to_string(out.join("zh.unaligned.tsv")).unwrap();
    let all = format!("{csv}\n{unaligned}");
    // Every line's words are kept, prefix included, in a pair or in the report.
    for line in EN.lines().chain(ZH.lines()) {
        let probe = line.replace('"', "");
        assert!(
            all.replace("\"\"", "").contains(&probe),
            "lost: {line:?}\n{all}"
        );
    }
    // No speaker was invented.
    assert!(
        !csv.contains("Problem,") && !csv.contains(",Remark,"),
        "{csv}"
    );
    // The heading-like lines pair with their counterparts, prefix and all.
    for (z, e) in [
        ("问题：报告", "Problem: the report"),
        ("附注：增长", "Remark: growth"),
    ] {
        assert!(
            csv.lines().any(|l| l.contains(z) && l.contains(e)),
            "{z} / {e} not paired:\n{csv}"
        );
    }
}

#[test]
fn presplit_lines_are_not_read_as_markdown_or_a_bilingual_layout() {
    // A line with markup-looking text, front-matter-looking first lines, and Chinese lines
    // quoting English: each line is one sentence as written, in a pair or in the report.
    let en = "---\nlayout: the plan\nThe ratio A<br/>B holds.\nWe call it the Friendship Medal.\n";
    let zh = "---\nlayout：计划\n比例A<br/>B成立。\n我们称之为 the Friendship Medal 友谊勋章。\n";
    let tmp = tempfile::tempdir().unwrap();
    let (e, z, out) = (
        tmp.path().join("en.txt"),
        tmp.path().join("zh.txt"),
        tmp.path().join("out"),
    );
    std::fs::write(&e, en).unwrap();
    std::fs::write(&z, zh).unwrap();
    let (code, err) = run(&[
        "export",
        "--presplit",
        "--en",
        e.to_str().unwrap(),
        "--zh",
        z.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--format",
        "csv",
        "--force",
        "--as-written",
    ]);
    assert_eq!(code, 0, "{err}");
    let csv = std::fs::read_to_string(out.join("zh.csv")).unwrap();
    let unaligned = std::fs::read_to_string(out.join("zh.unaligned.tsv")).unwrap();
    let all = format!("{csv}\n{unaligned}");
    for line in en.lines().chain(zh.lines()) {
        assert!(all.contains(line), "lost or changed: {line:?}\n{all}");
    }
}

#[test]
fn labels_only_on_request() {
    let tmp = tempfile::tempdir().unwrap();
    let (en, zh, out) = (
        tmp.path().join("en.txt"),
        tmp.path().join("zh.txt"),
        tmp.path().join("out"),
    );
    std::fs::write(&en, "Mao Ning: Good afternoon.\nMao Ning: Next question.\n").unwrap();
    std::fs::write(&zh, "毛宁：下午好。\n毛宁：下一个问题。\n").unwrap();
    let args = |labels: bool| {
        let mut v = vec![
            "export".to_string(),
            "--presplit".into(),
            "--en".into(),
            en.display().to_string(),
            "--zh".into(),
            zh.display().to_string(),
            "-o".into(),
            out.display().to_string(),
            "--format".into(),
            "csv".into(),
        ];
        if labels {
            v.push("--labels".into());
        }
        v
    };
    let a = args(false);
    let (code, err) = run(&a.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(code, 0, "{err}");
    let csv = std::fs::read_to_string(out.join("zh.csv")).unwrap();
    assert!(csv.contains("毛宁：下午好。"), "{csv}");
    let a = args(true);
    let (code, err) = run(&a.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(code, 0, "{err}");
    let csv = std::fs::read_to_string(out.join("zh.csv")).unwrap();
    assert!(
        !csv.contains("毛宁：下午好。") && csv.contains("下午好。"),
        "{csv}"
    );
}
