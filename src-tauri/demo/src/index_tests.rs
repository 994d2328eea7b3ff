//! The indexed listing answers exactly as s3s-fs's own ListObjectsV2 does (page by page, for several
//! prefixes, delimiters and page sizes), and honours `encoding-type=url`, which s3s-fs only echoes.

use super::index::ListingIndex;
use s3s::dto::*;
use s3s::{S3Request, S3};
use std::path::Path;

const KEYS: &[&str] = &[
    "a.txt",
    "a b.txt",
    "a+b.txt",
    "pct%20.txt",
    "hash#.txt",
    "q?.txt",
    "日本語/報告.pdf",
    "日本語.txt",
    "many/sub/x",
    "many/sub/y",
    "many/sub2/z",
    "many/zz",
    "z/deep/er/k",
    "zz",
    "-dash",
    "many.txt",
];

fn seed(root: &Path) {
    for k in KEYS
        .iter()
        .map(|k| k.to_string())
        .chain((0..23).map(|i| format!("many/item-{i:03}")))
    {
        let p = root.join("b").join(&k);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, k.as_bytes()).unwrap();
    }
}

fn input(prefix: Option<&str>, delimiter: Option<&str>, max: i32, token: Option<String>) -> ListObjectsV2Input {
    let mut b = ListObjectsV2Input::builder();
    b.set_bucket("b".to_owned());
    b.set_prefix(prefix.map(str::to_owned));
    b.set_delimiter(delimiter.map(str::to_owned));
    b.set_max_keys(Some(max));
    b.set_continuation_token(token);
    b.build().unwrap()
}

fn request<T>(input: T) -> S3Request<T> {
    S3Request {
        input,
        method: Default::default(),
        uri: Default::default(),
        headers: Default::default(),
        extensions: Default::default(),
        credentials: None,
        region: None,
        service: None,
        trailing_headers: None,
    }
}

type Page = (Vec<(String, i64)>, Vec<String>, bool);

fn page(o: &ListObjectsV2Output) -> Page {
    let objects = o
        .contents
        .iter()
        .flatten()
        .map(|c| (c.key.clone().unwrap(), c.size.unwrap()))
        .collect();
    let prefixes = o.common_prefixes.iter().flatten().map(|p| p.prefix.clone().unwrap()).collect();
    (objects, prefixes, o.is_truncated == Some(true))
}

#[tokio::test]
async fn pages_match_s3s_fs() {
    let dir = tempfile::tempdir().unwrap();
    seed(dir.path());
    let fs = s3s_fs::FileSystem::new(dir.path()).unwrap();
    let index = ListingIndex::default();
    let mut compared = 0;
    for prefix in [None, Some("many/"), Some("many/sub"), Some("a"), Some("日本語"), Some("nothing/")] {
        // Only single-character delimiters: s3s-fs cuts a longer one to its first character (see below).
        for delimiter in [Some("/"), None, Some("-")] {
            for max in [1, 2, 7, 1000] {
                let (mut ours_token, mut theirs_token) = (None, None);
                loop {
                    let ours = index
                        .list(&dir.path().join("b"), input(prefix, delimiter, max, ours_token.clone()))
                        .await
                        .unwrap();
                    let theirs = fs
                        .list_objects_v2(request(input(prefix, delimiter, max, theirs_token.clone())))
                        .await
                        .unwrap()
                        .output;
                    assert_eq!(
                        page(&ours),
                        page(&theirs),
                        "prefix {prefix:?} delimiter {delimiter:?} max {max} after {ours_token:?}"
                    );
                    compared += 1;
                    if ours.is_truncated != Some(true) {
                        break;
                    }
                    (ours_token, theirs_token) = (ours.next_continuation_token, theirs.next_continuation_token);
                }
            }
        }
    }
    assert!(compared > 200, "{compared} pages compared");
}

#[tokio::test]
async fn invalidation_refreshes_the_index_and_url_encoding_is_applied() {
    let dir = tempfile::tempdir().unwrap();
    seed(dir.path());
    let index = ListingIndex::default();
    let root = dir.path().join("b");
    let mut i = input(Some("a"), Some("/"), 1000, None);
    i.encoding_type = Some(EncodingType::from_static(EncodingType::URL));
    let out = index.list(&root, i).await.unwrap();
    assert_eq!(
        page(&out).0.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>(),
        ["a+b.txt", "a%2Bb.txt", "a.txt"]
    );
    std::fs::write(root.join("a-new.txt"), b"new").unwrap();
    let keys = |o: ListObjectsV2Output| page(&o).0.into_iter().map(|(k, _)| k).collect::<Vec<_>>();
    assert!(!keys(index.list(&root, input(Some("a"), None, 1000, None)).await.unwrap()).contains(&"a-new.txt".to_owned()));
    index.invalidate("b");
    assert!(keys(index.list(&root, input(Some("a"), None, 1000, None)).await.unwrap()).contains(&"a-new.txt".to_owned()));
    // A longer delimiter ends the common prefix after the whole delimiter, as S3 does.
    let sub = index.list(&root, input(Some("many/"), Some("sub"), 1000, None)).await.unwrap();
    assert_eq!(page(&sub).1, ["many/sub"]);
    let missing = index
        .list(&dir.path().join("nope"), input(None, None, 1000, None))
        .await
        .unwrap_err();
    assert_eq!(missing.code(), &s3s::S3ErrorCode::NoSuchBucket);
}
