//! Listing, folders, paging and head against the embedded S3 with SigV4 checking on.

mod common;
use bucketlens_core::listing::{list_buckets, list_prefix};
use bucketlens_core::objects::head_object;

#[tokio::test]
async fn pages_of_2500_keys_come_in_three_pages() {
    let f = common::fixture().await;
    f.put_items("many/", 2500).await;
    let mut pages = Vec::new();
    let total = list_prefix(&f.conn, f.bucket, "many/", 1000, |p| {
        pages.push(p);
        true
    })
    .await
    .unwrap();
    assert_eq!(total, 2500);
    assert_eq!(pages.iter().map(|p| p.objects.len()).collect::<Vec<_>>(), [1000, 1000, 500]);
    assert_eq!(pages.iter().map(|p| p.is_last).collect::<Vec<_>>(), [false, false, true]);
    assert_eq!(pages[2].loaded, 2500);
    assert_eq!(pages[0].objects[0].name, "item-00001.txt");
    assert_eq!(pages[2].objects[499].key, "many/item-02500.txt");
    // Stopping early: the callback says no after the first page.
    let mut seen = 0;
    let n = list_prefix(&f.conn, f.bucket, "many/", 1000, |_| {
        seen += 1;
        false
    })
    .await
    .unwrap();
    assert_eq!((seen, n), (1, 1000));
}

#[tokio::test]
async fn folders_come_from_the_delimiter() {
    let f = common::fixture().await;
    for k in [
        "top.txt",
        "reports/a.pdf",
        "reports/2025/b.pdf",
        "reports/2026/c.pdf",
        "images/x.png",
    ] {
        f.put(k, b"data", "application/octet-stream").await;
    }
    let mut pages = Vec::new();
    list_prefix(&f.conn, f.bucket, "", 1000, |p| {
        pages.push(p);
        true
    })
    .await
    .unwrap();
    let folders: Vec<_> = pages[0].folders.iter().map(|f| (f.prefix.as_str(), f.name.as_str())).collect();
    assert_eq!(folders, [("images/", "images"), ("reports/", "reports")]);
    assert_eq!(pages[0].objects.iter().map(|o| o.key.as_str()).collect::<Vec<_>>(), ["top.txt"]);
    let mut pages = Vec::new();
    list_prefix(&f.conn, f.bucket, "reports/", 1000, |p| {
        pages.push(p);
        true
    })
    .await
    .unwrap();
    let p = &pages[0];
    assert_eq!(p.folders.iter().map(|f| f.name.as_str()).collect::<Vec<_>>(), ["2025", "2026"]);
    assert_eq!(p.objects.len(), 1);
    assert_eq!(p.objects[0].name, "a.pdf");
    assert_eq!(p.objects[0].size, 4);
    assert!(p.objects[0].last_modified.as_deref().unwrap().contains('T'));
}

#[tokio::test]
async fn buckets_and_head() {
    let f = common::fixture().await;
    f.server.ensure_bucket("second-bucket").unwrap();
    let names: Vec<String> = list_buckets(&f.conn).await.unwrap().into_iter().map(|b| b.name).collect();
    assert_eq!(names, ["second-bucket", "test-bucket"]);
    f.put("doc.pdf", b"%PDF-1.7 test", "application/pdf").await;
    let m = head_object(&f.conn, f.bucket, "doc.pdf").await.unwrap();
    assert_eq!((m.size, m.content_type.as_deref()), (13, Some("application/pdf")));
}

/// Keys stored by other tools with every C0 control character, DEL, C1 and bidi characters, `+`, `%` and
/// spaces, as files and as folders: the folder still lists, and every key comes back exactly.
#[tokio::test]
async fn a_folder_lists_whatever_characters_its_keys_hold() {
    let f = common::fixture().await;
    let mut odd: Vec<char> = (0x01u8..0x20).map(char::from).collect();
    odd.extend(['\u{7f}', '\u{85}', '\u{9b}', '\u{202e}', '\u{2066}', '+', '%', ' ']);
    let mut want: Vec<String> = Vec::new();
    for (i, c) in odd.iter().enumerate() {
        want.push(format!("ctl/{i:02}-{c}-x.txt"));
    }
    want.push("ctl/folder\u{7}/inner.txt".to_owned());
    want.push("ctl/plus+ %25 folder/inner.txt".to_owned());
    for k in &want {
        f.put(k, b"x", "text/plain").await;
    }
    let mut keys = Vec::new();
    let mut folders = Vec::new();
    let total = list_prefix(&f.conn, f.bucket, "ctl/", 1000, |p| {
        keys.extend(p.objects.into_iter().map(|o| (o.key, o.name)));
        folders.extend(p.folders.into_iter().map(|d| (d.prefix, d.name)));
        true
    })
    .await
    .unwrap();
    assert_eq!(total as usize, odd.len() + 2);
    let mut files: Vec<String> = want.iter().filter(|k| !k.ends_with("/inner.txt")).cloned().collect();
    files.sort();
    assert_eq!(keys.iter().map(|(k, _)| k.clone()).collect::<Vec<_>>(), files);
    assert!(keys.iter().all(|(k, n)| k.strip_prefix("ctl/") == Some(n.as_str())));
    folders.sort();
    assert_eq!(
        folders,
        [
            ("ctl/folder\u{7}/".to_owned(), "folder\u{7}".to_owned()),
            ("ctl/plus+ %25 folder/".to_owned(), "plus+ %25 folder".to_owned())
        ]
    );
}
