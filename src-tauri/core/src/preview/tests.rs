//! The viewer decision for each type, and text decoding, tables and JSON on real encodings.

use super::kind::{by_bytes, by_type_or_name, Choice, TextKind};
use super::text::{decode, pretty_json, sniff_delimiter, table, MAX_ROWS};
use super::*;

#[test]
fn the_served_type_comes_from_the_allow_list_only() {
    let p = false;
    for (stored, key, sniffed, want) in [
        (Some("application/pdf"), "r.pdf", None, Some("application/pdf")),
        (Some("Application/PDF; qs=1"), "r", None, Some("application/pdf")),
        (Some("image/jpg"), "x", None, Some("image/jpeg")),
        (Some("text/html"), "report.pdf", None, None),
        (Some("text/html; charset=utf-8"), "x.png", Some("image/png"), None),
        (Some("application/xhtml+xml"), "a.svg", None, None),
        (Some("image/svg+xml"), "a.svg", None, Some("image/svg+xml")),
        (Some("application/octet-stream"), "scan.PDF", None, Some("application/pdf")),
        (None, "photo.jpeg", Some("text/html"), Some("image/jpeg")),
        (None, "noext", Some("image/webp"), Some("image/webp")),
        (Some("binary/octet-stream"), "page.html", Some("text/html"), None),
        (None, "noext", None, None),
        (Some(""), "noext", Some("application/pdf"), Some("application/pdf")),
        (Some("video/mp4"), "clip.mp4", None, None),
    ] {
        assert_eq!(decide(stored, key, sniffed, p), want, "{stored:?} {key:?} {sniffed:?}");
    }
    assert_eq!(decide(Some("image/svg+xml"), "a.svg", None, true), None);
    assert_eq!(decide(Some("image/png"), "a.png", None, true), Some("image/png"));
}

#[test]
fn each_type_gets_its_viewer() {
    use Viewer::*;
    for (stored, key, want) in [
        (Some("application/pdf"), "a/r.pdf", Pdf),
        (Some("image/webp"), "a/b.webp", Image),
        (Some("text/plain; charset=utf-8"), "notes.txt", Text),
        (Some("text/plain"), "server.log", Text),
        (None, "server.log", Text),
        (Some("application/octet-stream"), "data.json", Text),
        (Some("application/json"), "x", Text),
        (Some("application/geo+json"), "x", Text),
        (Some("text/markdown"), "x", Markdown),
        (Some("text/plain"), "README.md", Markdown),
        (None, "README.markdown", Markdown),
        (Some("text/csv"), "x", Table),
        (Some("text/plain"), "export.CSV", Table),
        (Some("application/vnd.ms-excel"), "export.csv", Table),
        (Some("application/vnd.ms-excel"), "book.xls", Card),
        (None, "export.tsv", Table),
        (Some("text/html"), "page.html", Text),
        (Some("audio/mpeg"), "a.mp3", Media),
        (Some("audio/x-m4a"), "a.m4a", Media),
        (None, "clip.mp4", Media),
        (Some("video/quicktime"), "clip.mov", Media),
        (Some("video/x-msvideo"), "clip.avi", Card),
        (
            Some("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            "r.docx",
            Card,
        ),
        (None, "r.docx", Card),
        (Some("application/zip"), "a.zip", Card),
        (Some("application/xhtml+xml"), "a.xhtml", Card),
    ] {
        let c = by_type_or_name(stored, key, false).expect("decided without the bytes");
        assert_eq!(c.viewer(), want, "{stored:?} {key:?}");
    }
    // Silent type and name: the bytes decide.
    assert_eq!(by_type_or_name(None, "noext", false), None);
    assert_eq!(by_type_or_name(Some("binary/octet-stream"), "a.bin", false), None);
    assert_eq!(by_bytes(Some("image/png"), false, false), Choice::Linked("image/png"));
    assert_eq!(
        by_bytes(Some("application/octet-stream"), true, false),
        Choice::Text(TextKind::Plain)
    );
    assert_eq!(by_bytes(Some("application/zip"), false, false), Choice::None);
    // A browser tab gets no text and no media inline.
    assert_eq!(by_type_or_name(Some("text/plain"), "a.txt", true), Some(Choice::None));
    assert_eq!(by_type_or_name(Some("video/mp4"), "a.mp4", true), Some(Choice::None));
}

#[test]
fn japanese_encodings_are_detected_and_utf8_is_kept() {
    let jp = "月次報告書\n売上は前年比 12% 増、利益は横ばい。\n担当：経理部 山田\n";
    for enc in [encoding_rs::SHIFT_JIS, encoding_rs::EUC_JP] {
        let bytes = enc.encode(jp).0;
        assert_ne!(&bytes[..], jp.as_bytes());
        let (text, name) = decode(&bytes, None, false).expect("text");
        assert_eq!((text.as_str(), name), (jp, enc.name()));
    }
    assert_eq!(decode(jp.as_bytes(), None, false).unwrap(), (jp.to_owned(), "UTF-8"));
    // A stored charset decides when the bytes are not UTF-8.
    let latin = encoding_rs::WINDOWS_1252.encode("café crème").0;
    assert_eq!(decode(&latin, Some("\"iso-8859-1\""), false).unwrap().0, "café crème");
    // A BOM wins.
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend("日本語 text".encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(decode(&utf16, None, false).unwrap(), ("日本語 text".to_owned(), "UTF-16LE"));
}

#[test]
fn a_character_cut_by_the_read_limit_is_dropped_not_garbled() {
    let s = "報告".as_bytes();
    let cut = &s[..4]; // 報 and the first byte of 告
    assert_eq!(decode(cut, None, true).unwrap(), ("報".to_owned(), "UTF-8"));
    let sjis = encoding_rs::SHIFT_JIS.encode("報告書です").0;
    let (text, enc) = decode(&sjis[..sjis.len() - 1], None, true).unwrap();
    assert_eq!((text.as_str(), enc), ("報告書で", "Shift_JIS"));
}

#[test]
fn binary_bytes_are_not_text() {
    let png = bucketlens_demo_free_png();
    assert!(decode(&png, None, false).is_none());
    assert!(decode(b"a\0b\0c\0d\0", None, false).is_none());
    let log = "\x1b[32mINFO\x1b[0m started\r\n\tindented\x0c\n".repeat(10);
    assert!(decode(log.as_bytes(), None, false).is_some(), "colours and tabs in logs are text");
}

/// A PNG's first bytes, written out so the unit tests need no fixture crate.
fn bucketlens_demo_free_png() -> Vec<u8> {
    let mut v = vec![
        0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, b'I', b'H', b'D', b'R',
    ];
    v.extend((0..200u8).map(|i| i.wrapping_mul(37)));
    v
}

#[test]
fn tables_keep_quoted_cells_and_stop_at_the_row_limit() {
    let csv = "name,note,amount\n\"Yamada, Taro\",\"two\nlines\",1\nshort\n\"quote \"\"here\"\"\",x,3,extra\n";
    let t = table(csv, b',', "UTF-8", false);
    assert_eq!(t.rows.len(), 4);
    assert_eq!(t.rows[1], ["Yamada, Taro", "two\nlines", "1"]);
    assert_eq!(t.rows[2], ["short"]);
    assert_eq!(t.rows[3], ["quote \"here\"", "x", "3", "extra"]);
    assert!(!t.more);

    let big: String = (0..MAX_ROWS + 5).map(|i| format!("{i},v{i}\n")).collect();
    let t = table(&big, b',', "UTF-8", false);
    assert_eq!((t.rows.len(), t.more), (MAX_ROWS, true));
    assert_eq!(t.rows[MAX_ROWS - 1], [format!("{}", MAX_ROWS - 1), format!("v{}", MAX_ROWS - 1)]);

    // A read cut mid-row drops that row.
    let t = table("a,b\n1,2\n3,4", b',', "UTF-8", true);
    assert_eq!((t.rows.len(), t.more), (2, true));
}

#[test]
fn the_delimiter_is_read_from_the_first_line() {
    assert_eq!(sniff_delimiter("a;b;c\n1;2;3"), b';');
    assert_eq!(sniff_delimiter("a\tb,c\td"), b'\t');
    assert_eq!(sniff_delimiter("\"x;y;z\",b\n"), b',');
    assert_eq!(sniff_delimiter("single column"), b',');
    let t = table("名前;金額\n山田;1,5\n", sniff_delimiter("名前;金額\n"), "UTF-8", false);
    assert_eq!(t.rows[1], ["山田", "1,5"]);
}

#[test]
fn json_is_reindented_without_changing_a_value() {
    let src = r#"{"a":0.10,"big":12345678901234567890,"s":"{[\"x\",:]}","e":{},"l":[],"n":[1,{"b":null}]}"#;
    let want = "{\n  \"a\": 0.10,\n  \"big\": 12345678901234567890,\n  \"s\": \"{[\\\"x\\\",:]}\",\n  \"e\": {},\n  \
                \"l\": [],\n  \"n\": [\n    1,\n    {\n      \"b\": null\n    }\n  ]\n}";
    assert_eq!(pretty_json(src).as_deref(), Some(want));
    assert_eq!(pretty_json("  [ 1 ,\n 2 ]  ").as_deref(), Some("[\n  1,\n  2\n]"));
    assert_eq!(pretty_json("\"日本語 \\u3042\"").as_deref(), Some("\"日本語 \\u3042\""));
    assert_eq!(pretty_json("{\"a\":1}\n{\"a\":2}"), None, "JSON lines stay as written");
    assert_eq!(pretty_json("{\"a\":"), None);
}
