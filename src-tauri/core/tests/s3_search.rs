//! Search against the embedded S3 with SigV4 checking on: every depth, odd keys, hits streamed page by page
//! with the count of keys scanned, the scan limit, Stop, and errors as the listing's.

mod common;
use bucketlens_core::error::ErrorKind;
use bucketlens_core::search::{search, SearchPage, SearchQuery};
use futures::StreamExt;

const ODD: [&str; 6] = [
    "a b+c.pdf",
    "100%.pdf",
    "日本語/報告書.pdf",
    "tab\tname.pdf",
    "new\nline.pdf",
    "x/y/z/deep.PDF",
];

async fn seed(f: &common::Fixture, n: usize) {
    futures::stream::iter(0..n)
        .map(|i| {
            let f = &f;
            async move {
                f.put(&format!("docs/bulk/{:04}/item-{i:05}.txt", i / 500), b"x", "text/plain")
                    .await
            }
        })
        .buffer_unordered(16)
        .collect::<Vec<_>>()
        .await;
    for k in ODD {
        f.put(&format!("docs/{k}"), b"pdf", "application/pdf").await;
    }
    f.put("docs/folder-marker/", b"", "application/x-directory").await;
    f.put("other/outside.pdf", b"pdf", "application/pdf").await;
}

async fn run(f: &common::Fixture, prefix: &str, q: SearchQuery, limit: u64) -> (Vec<SearchPage>, SearchPage) {
    let mut pages = Vec::new();
    let last = search(&f.conn, f.bucket, prefix, &q, limit, |p| {
        pages.push(p);
        true
    })
    .await
    .unwrap();
    (pages, last)
}

#[tokio::test]
async fn a_glob_finds_hits_at_every_depth_as_pages_arrive() {
    let f = common::fixture().await;
    seed(&f, 2500).await;
    let q = SearchQuery {
        name: "*.pdf".into(),
        ..Default::default()
    };
    let (pages, last) = run(&f, "docs/", q, 1_000_000).await;
    let mut names: Vec<String> = pages.iter().flat_map(|p| p.hits.iter().map(|h| h.name.clone())).collect();
    names.sort();
    let mut want: Vec<String> = ODD.iter().map(|s| s.to_string()).collect();
    want.sort();
    assert_eq!(names, want, "odd names come back as they are; the marker and other/ do not");
    // 2,500 + 6 keys (the embedded server keeps `folder-marker/` as a folder and does not list it; S3 lists such
    // a key, and search never returns one): three pages, each reporting the count so far.
    assert_eq!(pages.iter().map(|p| p.scanned).collect::<Vec<_>>(), [1000, 2000, 2506]);
    assert_eq!((last.scanned, last.found, last.done, last.stopped_at_limit), (2506, 6, true, false));
    let hit = pages.iter().flat_map(|p| &p.hits).find(|h| h.name == "日本語/報告書.pdf").unwrap();
    assert_eq!((hit.key.as_str(), hit.size), ("docs/日本語/報告書.pdf", 3));
}

#[tokio::test]
async fn the_scan_limit_stops_with_a_note_and_stop_stops() {
    let f = common::fixture().await;
    seed(&f, 1200).await;
    let q = SearchQuery {
        name: "item-0000".into(),
        ..Default::default()
    };
    let (pages, last) = run(&f, "docs/", q.clone(), 1500).await;
    assert_eq!(
        pages.iter().map(|p| p.scanned).collect::<Vec<_>>(),
        [1000, 1206],
        "the last page asks only for what is left"
    );
    assert_eq!(
        (last.done, last.stopped_at_limit),
        (true, false),
        "1,206 keys: the end came before the limit"
    );
    let (pages, last) = run(&f, "docs/", q.clone(), 700).await;
    assert_eq!((pages.len(), last.scanned, last.stopped_at_limit, last.done), (1, 700, true, true));
    assert_eq!(last.found, 10, "item-00000 … item-00009");
    // Stop after the first page: no second request.
    let mut seen = 0;
    let last = search(&f.conn, f.bucket, "docs/", &q, 1_000_000, |_| {
        seen += 1;
        false
    })
    .await
    .unwrap();
    assert_eq!((seen, last.scanned), (1, 1000));
}

#[tokio::test]
async fn filters_and_errors() {
    let f = common::fixture().await;
    seed(&f, 10).await;
    let q = SearchQuery {
        min_size: Some(2),
        modified_after: Some("2000-01-01".into()),
        ..Default::default()
    };
    let (_, last) = run(&f, "", q, 1_000_000).await;
    assert_eq!(
        last.found, 7,
        "the six 3-byte PDFs and other/outside.pdf; 1-byte items and the empty marker are out"
    );
    let bad = SearchQuery {
        name: "[x".into(),
        ..Default::default()
    };
    let e = search(&f.conn, f.bucket, "", &bad, 10, |_| true).await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput, "{e}");
    let e = search(&f.conn, "no-such-bucket", "", &SearchQuery::default(), 10, |_| true)
        .await
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NoSuchBucket, "{e}");
}
