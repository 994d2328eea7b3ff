use super::*;

fn at(bucket: &str, prefix: &str) -> Place {
    Place {
        bucket: bucket.into(),
        prefix: prefix.into(),
    }
}

fn names(p: &Places) -> Vec<&str> {
    p.bookmarks.iter().map(|b| b.name.as_str()).collect()
}

#[test]
fn a_visit_returns_the_previous_one_and_keeps_ten_recent_places_newest_first_without_repeats() {
    let dir = tempfile::tempdir().unwrap();
    let store = PlacesStore::new(dir.path());
    assert_eq!(store.visit("work", &at("docs", "2026/"), 1_000).unwrap().previous_ms, None);
    assert_eq!(store.visit("work", &at("docs", "2026/"), 2_000).unwrap().previous_ms, Some(1_000));
    for i in 0..12 {
        store.visit("work", &at("docs", &format!("f{i}/")), 3_000 + i).unwrap();
    }
    let v = store.visit("work", &at("docs", "f5/"), 9_000).unwrap();
    assert_eq!(v.previous_ms, Some(3_005));
    let recent: Vec<_> = v.places.recent.iter().map(|p| p.prefix.as_str()).collect();
    assert_eq!(recent, ["f5/", "f11/", "f10/", "f9/", "f8/", "f7/", "f6/", "f4/", "f3/", "f2/"]);
    // Another profile has its own places; a new store on the same folder reads the same file.
    assert_eq!(PlacesStore::new(dir.path()).places("home"), Places::default());
    assert_eq!(PlacesStore::new(dir.path()).places("work").recent.len(), RECENT);
    assert_eq!(
        store.visit("work", &at("docs", "2026/"), 10_000).unwrap().previous_ms,
        Some(2_000),
        "remembered beyond the recent ten"
    );
}

#[test]
fn bookmarks_are_added_once_named_renamed_moved_and_removed() {
    let dir = tempfile::tempdir().unwrap();
    let s = PlacesStore::new(dir.path());
    s.edit(
        "p",
        BookmarkEdit::Add {
            place: at("docs", "reports/2026/"),
            name: None,
        },
    )
    .unwrap();
    s.edit(
        "p",
        BookmarkEdit::Add {
            place: at("docs", ""),
            name: None,
        },
    )
    .unwrap();
    let p = s
        .edit(
            "p",
            BookmarkEdit::Add {
                place: at("docs", "請求書/"),
                name: Some("  Invoices  ".into()),
            },
        )
        .unwrap();
    assert_eq!(
        names(&p),
        ["2026", "docs", "Invoices"],
        "the folder's name, the bucket's, or the one given, trimmed"
    );
    let p = s
        .edit(
            "p",
            BookmarkEdit::Add {
                place: at("docs", ""),
                name: Some("Top".into()),
            },
        )
        .unwrap();
    assert_eq!(
        names(&p),
        ["2026", "Top", "Invoices"],
        "a place is bookmarked once: adding it again renames it"
    );
    let p = s
        .edit(
            "p",
            BookmarkEdit::Move {
                place: at("docs", "請求書/"),
                to: 0,
            },
        )
        .unwrap();
    assert_eq!(names(&p), ["Invoices", "2026", "Top"]);
    let p = s
        .edit(
            "p",
            BookmarkEdit::Move {
                place: at("docs", "請求書/"),
                to: 99,
            },
        )
        .unwrap();
    assert_eq!(names(&p), ["2026", "Top", "Invoices"]);
    let p = s
        .edit(
            "p",
            BookmarkEdit::Rename {
                place: at("docs", ""),
                name: "Everything".into(),
            },
        )
        .unwrap();
    assert_eq!(names(&p), ["2026", "Everything", "Invoices"]);
    let p = s
        .edit(
            "p",
            BookmarkEdit::Remove {
                place: at("docs", "reports/2026/"),
            },
        )
        .unwrap();
    assert_eq!(names(&p), ["Everything", "Invoices"]);
    assert_eq!(s.places("p"), p, "saved");
}

#[test]
fn what_no_place_can_be_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let s = PlacesStore::new(dir.path());
    s.edit(
        "p",
        BookmarkEdit::Add {
            place: at("docs", "a/"),
            name: None,
        },
    )
    .unwrap();
    let before = s.places("p");
    let refused = [
        BookmarkEdit::Add {
            place: at("", "a/"),
            name: None,
        },
        BookmarkEdit::Add {
            place: at("a/b", ""),
            name: None,
        },
        BookmarkEdit::Add {
            place: at("docs", "no-slash"),
            name: None,
        },
        BookmarkEdit::Add {
            place: at("docs", &"x/".repeat(600)),
            name: None,
        },
        BookmarkEdit::Add {
            place: at("docs", "b/"),
            name: Some("two\nlines".into()),
        },
        BookmarkEdit::Rename {
            place: at("docs", "never/"),
            name: "x".into(),
        },
        BookmarkEdit::Remove {
            place: at("docs", "never/"),
        },
    ];
    for edit in refused {
        let e = s.edit("p", edit.clone()).expect_err(&format!("{edit:?}"));
        assert_eq!(e.kind(), crate::error::ErrorKind::InvalidInput, "{e}");
    }
    assert!(s.visit("p", &at("docs", "x"), 1).is_err());
    assert_eq!(s.places("p"), before);
    let long = s
        .edit(
            "p",
            BookmarkEdit::Rename {
                place: at("docs", "a/"),
                name: "長".repeat(500),
            },
        )
        .unwrap();
    assert_eq!(long.bookmarks[0].name.chars().count(), MAX_NAME);
}

#[test]
fn a_broken_file_is_moved_aside_and_the_places_start_empty() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("places.json"), "{ not json").unwrap();
    let s = PlacesStore::new(dir.path());
    assert_eq!(s.places("p"), Places::default(), "reading does not move it");
    assert!(dir.path().join("places.json").exists());
    s.visit("p", &at("docs", ""), 1).unwrap();
    let backups: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.starts_with("places.json.broken-"))
        .collect();
    assert_eq!(backups.len(), 1, "{backups:?}");
    assert_eq!(std::fs::read_to_string(dir.path().join(&backups[0])).unwrap(), "{ not json");
    assert_eq!(s.places("p").recent, vec![at("docs", "")]);
}

#[test]
fn concurrent_writers_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let threads: Vec<_> = (0..8)
        .map(|t| {
            let s = PlacesStore::new(dir.path());
            std::thread::spawn(move || {
                for i in 0..10 {
                    s.edit(
                        "p",
                        BookmarkEdit::Add {
                            place: at("docs", &format!("t{t}-{i}/")),
                            name: None,
                        },
                    )
                    .unwrap();
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    assert_eq!(PlacesStore::new(dir.path()).places("p").bookmarks.len(), 80);
}
