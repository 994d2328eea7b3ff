//! Name rules and filters of `search`, without a server.

use super::*;

fn m(name: &str) -> Matcher {
    Matcher::new(&SearchQuery {
        name: name.into(),
        ..Default::default()
    })
    .unwrap()
}

#[test]
fn substrings_ignore_case_and_unicode_normalisation() {
    assert!(m("report").name_matches("2026/Q3 Report.pdf"));
    assert!(m("REPORT").name_matches("q3-report.pdf"));
    assert!(!m("report").name_matches("reports/q3.pdf"), "the folder name is not the file name");
    // The same word typed on Windows (NFC) and written by a Mac (NFD): が is か + U+3099 there.
    let nfd = "\u{304b}\u{3099}\u{304f}\u{3053}\u{3046}.pdf";
    assert!(m("がくこう").name_matches(nfd));
    assert!(m("月次").name_matches("reports/月次報告書.pdf"));
    for odd in ["a b+c%20d.txt", "100% done.txt", "x+y.txt", "tab\there.txt", "new\nline.txt"] {
        let needle: String = odd.chars().skip(1).take(4).collect();
        assert!(m(&needle).name_matches(&format!("dir/{odd}")), "{odd:?} by {needle:?}");
    }
    assert!(m("").name_matches("anything"));
}

#[test]
fn globs_match_the_whole_name_or_with_a_slash_the_path() {
    assert!(m("*.pdf").name_matches("2026/報告書.PDF"));
    assert!(!m("*.pdf").name_matches("2026/notes.pdf.txt"));
    assert!(m("2026-*").name_matches("daily/2026-11-30 log.txt"));
    assert!(!m("2026-*").name_matches("2026-11/log.txt"), "the folder is not the name");
    assert!(m("report-??.csv").name_matches("x/report-07.csv"));
    assert!(!m("report-??.csv").name_matches("x/report-7.csv"));
    assert!(m("[ab]*.txt").name_matches("b-side.txt"));
    assert!(m("a b+c%*").name_matches("a b+c%20d.txt"), "space, plus and percent are literal");
    assert!(m("*/summary.pdf").name_matches("2026/summary.pdf"));
    assert!(!m("*/summary.pdf").name_matches("2026/11/summary.pdf"), "* stops at a slash");
    assert!(m("**/summary.pdf").name_matches("2026/11/summary.pdf"));
    assert!(m("*日本語*").name_matches("資料/日本語の資料.docx"));
}

#[test]
fn size_and_date_filters() {
    let q = SearchQuery {
        min_size: Some(10),
        max_size: Some(100),
        modified_after: Some("2026-11-01".into()),
        modified_before: Some("2026-12-01T00:00:00Z".into()),
        ..Default::default()
    };
    let f = Matcher::new(&q).unwrap();
    let nov = chrono::DateTime::parse_from_rfc3339("2026-11-15T12:00:00Z")
        .unwrap()
        .timestamp_millis();
    let oct = chrono::DateTime::parse_from_rfc3339("2026-10-31T23:59:59Z")
        .unwrap()
        .timestamp_millis();
    let dec = chrono::DateTime::parse_from_rfc3339("2026-12-01T00:00:00Z")
        .unwrap()
        .timestamp_millis();
    assert!(f.matches("a.txt", 10, Some(nov)));
    assert!(f.matches("a.txt", 100, Some(nov)));
    assert!(!f.matches("a.txt", 9, Some(nov)));
    assert!(!f.matches("a.txt", 101, Some(nov)));
    assert!(!f.matches("a.txt", 50, Some(oct)));
    assert!(!f.matches("a.txt", 50, Some(dec)), "before is exclusive");
    assert!(!f.matches("a.txt", 50, None), "no date cannot be in a range");
    assert!(m("").matches("a.txt", 0, None), "no filters: everything");
}

#[test]
fn malformed_queries_are_refused_with_a_reason() {
    let bad = |q: SearchQuery| Matcher::new(&q).unwrap_err().to_string();
    assert!(bad(SearchQuery {
        name: "[unclosed".into(),
        ..Default::default()
    })
    .contains("not a valid pattern"));
    let e = bad(SearchQuery {
        modified_after: Some("last week".into()),
        ..Default::default()
    });
    assert!(e.contains("not a date") && e.contains("modified after"), "{e}");
    assert!(bad(SearchQuery {
        min_size: Some(5),
        max_size: Some(1),
        ..Default::default()
    })
    .contains("above the largest"));
}

#[test]
fn the_kind_filter_goes_by_the_name_s_extension() {
    let kinds = [
        ("報告書.PDF", Some(FileKind::Pdf)),
        ("a/photo.jpeg", Some(FileKind::Image)),
        ("x.heic", Some(FileKind::Image)),
        ("server.log", Some(FileKind::Text)),
        ("README.md", Some(FileKind::Text)),
        ("t.csv", Some(FileKind::Text)),
        ("t.tsv", Some(FileKind::Text)),
        ("d.json", Some(FileKind::Text)),
        ("budget.xlsx", Some(FileKind::Office)),
        ("memo.docx", Some(FileKind::Office)),
        ("old.doc", Some(FileKind::Office)),
        ("slides.odp", Some(FileKind::Office)),
        ("talk.mp4", Some(FileKind::Media)),
        ("song.mp3", Some(FileKind::Media)),
        ("archive.zip", None),
        ("no-extension", None),
        (".pdf/inside", None),
    ];
    for (name, want) in kinds {
        assert_eq!(FileKind::of(name), want, "{name}");
    }
    let q = |kind| {
        Matcher::new(&SearchQuery {
            name: "2026".into(),
            kind: Some(kind),
            ..Default::default()
        })
        .unwrap()
    };
    assert!(q(FileKind::Pdf).matches("x/2026 report.pdf", 1, None));
    assert!(!q(FileKind::Pdf).matches("x/2026 report.docx", 1, None));
    assert!(q(FileKind::Office).matches("x/2026 report.docx", 1, None));
}
