//! The commands for finding and sharing through real IPC on the mock runtime, against the demo bucket: what the
//! window sends is checked, the active profile's places are kept apart, shared links are recorded.

use crate::tests::{app, invoke};
use bucketlens_demo::{DEMO_BUCKET, DEMO_PROFILE};
use serde_json::json;

#[test]
fn places_links_and_shares_go_through_the_active_profile_and_refuse_what_is_not_one() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = app(true, dir.path());
    invoke(&w, "bootstrap", json!({})).unwrap();
    let place = json!({"request": {"bucket": DEMO_BUCKET, "prefix": "reports/"}});

    // Visits: the first has no previous one; the second returns the first; recent places list it.
    let first = invoke(&w, "visit_place", place.clone()).unwrap();
    assert!(first["previousMs"].is_null(), "{first}");
    let second = invoke(&w, "visit_place", place.clone()).unwrap();
    assert!(second["previousMs"].as_i64().unwrap() > 1_700_000_000_000, "{second}");
    assert_eq!(second["places"]["recent"][0], json!({"bucket": DEMO_BUCKET, "prefix": "reports/"}));

    // Bookmarks, and what no place can be.
    let added = invoke(
        &w,
        "edit_bookmarks",
        json!({"request": {"op": "add", "place": place["request"], "name": null}}),
    )
    .unwrap();
    assert_eq!(added["bookmarks"][0]["name"], "reports");
    let err = invoke(
        &w,
        "edit_bookmarks",
        json!({"request": {"op": "add", "place": {"bucket": DEMO_BUCKET, "prefix": "x"}, "name": null}}),
    )
    .unwrap_err();
    assert_eq!(err["kind"], "InvalidInput", "{err}");
    let err = invoke(&w, "visit_place", json!({"request": {"bucket": "a/b", "prefix": ""}})).unwrap_err();
    assert_eq!(err["kind"], "InvalidInput", "{err}");
    assert_eq!(invoke(&w, "get_places", json!({})).unwrap(), added);
    assert!(dir.path().join("config/places.json").exists(), "kept beside the settings");

    // An app link names the active profile; the path box reads it back.
    let link = invoke(
        &w,
        "app_link",
        json!({"request": {"bucket": DEMO_BUCKET, "key": "reports/月次報告書.pdf"}}),
    )
    .unwrap();
    let link = link.as_str().unwrap();
    assert!(link.starts_with("bucketlens://open?url=s3%3A%2F%2Fdemo%2Freports%2F"), "{link}");
    assert!(link.ends_with("&profile=Demo+%28local%29"), "{link}");
    let back = invoke(&w, "parse_location", json!({"request": {"input": link}})).unwrap();
    assert_eq!(back, json!({"bucket": DEMO_BUCKET, "key": "reports/月次報告書.pdf"}));

    // Several files shared: a link each, recorded with who for and until when (never the link).
    let keys = ["reports/2026-q3-summary.pdf", "reports/budget 2026+draft.pdf"];
    let shared = invoke(
        &w,
        "share_objects",
        json!({"request": {"bucket": DEMO_BUCKET, "keys": keys, "expiresSecs": 600, "recipient": " 経理 "}}),
    )
    .unwrap();
    assert_eq!(shared.as_array().unwrap().len(), 2);
    assert_eq!(shared[1]["key"], keys[1]);
    assert_eq!(shared[0]["link"]["effectiveSecs"], 600);
    let record = invoke(&w, "issued_links", json!({})).unwrap();
    let recorded: Vec<_> = record
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["key"].clone(), r["recipient"].clone()))
        .collect();
    assert_eq!(recorded, vec![(json!(keys[0]), json!("経理")), (json!(keys[1]), json!("経理"))]);
    assert_eq!(record[0]["profile"], DEMO_PROFILE);
    for bad in [json!([]), json!(["reports/"]), json!([keys[0], keys[0]])] {
        let err = invoke(
            &w,
            "share_objects",
            json!({"request": {"bucket": DEMO_BUCKET, "keys": bad, "expiresSecs": 60, "recipient": null}}),
        )
        .unwrap_err();
        assert_eq!(err["kind"], "InvalidInput", "{err}");
    }
    let err = invoke(
        &w,
        "share_objects",
        json!({"request": {"bucket": DEMO_BUCKET, "keys": [keys[0]], "expiresSecs": 60, "recipient": "two\nlines"}}),
    )
    .unwrap_err();
    assert_eq!(err["kind"], "InvalidInput", "{err}");
    assert_eq!(
        invoke(&w, "issued_links", json!({})).unwrap().as_array().unwrap().len(),
        2,
        "refused shares record nothing"
    );

    // The demo profile can read the demo bucket.
    let readable = invoke(&w, "readable_profiles", json!({"request": {"bucket": DEMO_BUCKET}})).unwrap();
    assert!(readable.as_array().unwrap().contains(&json!(DEMO_PROFILE)), "{readable}");
}
