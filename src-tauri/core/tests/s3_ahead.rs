//! A first page listed ahead (`bucketlens_core::ahead`) against the embedded S3 with SigV4 checking on: taken
//! once, only for the same connection and place, and the listing goes on from it without a gap or a repeat.

mod common;
use bucketlens_core::ahead::{ListingAhead, Start};
use bucketlens_core::client::Connection;
use bucketlens_core::listing::{list_prefix, list_prefix_from, ListCursor, ListPage};
use std::sync::Arc;

async fn all_pages(f: &common::Fixture, prefix: &str) -> Vec<ListPage> {
    let mut pages = Vec::new();
    list_prefix(&f.conn, f.bucket, prefix, 1000, |p| {
        pages.push(p);
        true
    })
    .await
    .unwrap();
    pages
}

/// The page listed ahead, then the rest of `many/` listed from `cursor`.
async fn first_then_rest(conn: &Connection, bucket: &str, first: ListPage, cursor: ListCursor) -> Vec<ListPage> {
    let mut pages = vec![first];
    list_prefix_from(conn, bucket, "many/", 1000, cursor, |p| {
        pages.push(p);
        true
    })
    .await
    .unwrap();
    pages
}

#[tokio::test]
async fn the_first_page_listed_ahead_is_taken_once_and_the_listing_goes_on_from_it() {
    let f = common::fixture().await;
    f.put_items("many/", 1500).await;
    let expected = all_pages(&f, "many/").await;
    let conn = Arc::new(f.conn.clone());
    let ahead = ListingAhead::default();
    ahead.start(conn.clone(), f.bucket, "many/", 1000);
    assert!(ahead.is_held());
    let Some(Start::First(first, cursor)) = ahead.take(&conn, f.bucket, "many/").await else {
        panic!("the page listed ahead")
    };
    assert!(!ahead.is_held());
    let pages = first_then_rest(&conn, f.bucket, first, cursor).await;
    assert_eq!(pages, expected);
    assert_eq!(
        pages.iter().map(|p| (p.index, p.loaded, p.is_last)).collect::<Vec<_>>(),
        [(0, 1000, false), (1, 1500, true)]
    );
    // Taken once: the next listing of the same place asks the bucket.
    assert!(ahead.take(&conn, f.bucket, "many/").await.is_none());
}

#[tokio::test]
async fn a_page_listed_ahead_is_given_up_for_another_place_connection_or_a_failure() {
    let f = common::fixture().await;
    f.put("a.txt", b"x", "text/plain").await;
    let conn = Arc::new(f.conn.clone());
    let ahead = ListingAhead::default();

    // Another prefix, or another bucket: none, and what was held is dropped (it is for one first listing).
    for (bucket, prefix) in [(f.bucket, "other/"), ("another-bucket", "")] {
        ahead.start(conn.clone(), f.bucket, "", 1000);
        assert!(ahead.take(&conn, bucket, prefix).await.is_none(), "{bucket} {prefix}");
        assert!(!ahead.is_held());
    }
    // The same settings in another connection (a profile switched and back): none.
    ahead.start(conn.clone(), f.bucket, "", 1000);
    assert!(ahead.take(&Arc::new(f.conn.clone()), f.bucket, "").await.is_none());
    // A listing that failed: none, so the window's own request reports the error.
    ahead.start(conn.clone(), "no-such-bucket", "", 1000);
    assert!(ahead.take(&conn, "no-such-bucket", "").await.is_none());
    // A newer start replaces an older one.
    ahead.start(conn.clone(), f.bucket, "other/", 1000);
    ahead.start(conn.clone(), f.bucket, "", 1000);
    let Some(Start::First(page, _)) = ahead.take(&conn, f.bucket, "").await else {
        panic!("the newer page")
    };
    assert_eq!((page.objects.len(), page.objects[0].key.as_str(), page.is_last), (1, "a.txt", true));
}

#[tokio::test]
async fn the_first_question_carries_the_first_page_and_the_listing_goes_on_after_it() {
    let f = common::fixture().await;
    f.put_items("many/", 1500).await;
    let expected = all_pages(&f, "many/").await;
    let conn = Arc::new(f.conn.clone());
    let ahead = ListingAhead::default();
    let wait = std::time::Duration::from_secs(30);

    // Not ready within the wait (none at all here): it stays for the window's first listing, from its start.
    ahead.start(conn.clone(), f.bucket, "many/", 1000);
    assert!(ahead
        .first_page(&conn, f.bucket, "many/", std::time::Duration::ZERO)
        .await
        .is_none());
    assert!(matches!(ahead.take(&conn, f.bucket, "many/").await, Some(Start::First(..))));

    // Ready: bootstrap takes page 0, and a listing that says it holds page 0 goes on after it.
    ahead.start(conn.clone(), f.bucket, "many/", 1000);
    assert!(ahead.first_page(&conn, f.bucket, "other/", wait).await.is_none(), "another place");
    ahead.start(conn.clone(), f.bucket, "many/", 1000);
    let first = ahead.first_page(&conn, f.bucket, "many/", wait).await.expect("ready in time");
    assert!(ahead.is_held(), "what follows the first page is kept");
    let Some(Start::After(cursor)) = ahead.take(&conn, f.bucket, "many/").await else {
        panic!("the cursor after page 0")
    };
    let pages = first_then_rest(&conn, f.bucket, first, cursor).await;
    assert_eq!(pages, expected);

    // A place of one page: nothing is kept after it.
    f.put("one/a.txt", b"x", "text/plain").await;
    ahead.start(conn.clone(), f.bucket, "one/", 1000);
    assert!(ahead.first_page(&conn, f.bucket, "one/", wait).await.unwrap().is_last);
    assert!(!ahead.is_held());
}
