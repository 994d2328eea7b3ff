//! Lists buckets and walks one prefix like a folder, page by page, so the first rows show at once.

use crate::client::Connection;
use crate::error::Result;
use crate::error_map::from_sdk;
use crate::file_kind::FileKind;
use aws_sdk_s3::types::EncodingType;
use serde::Serialize;
use std::collections::BTreeMap;
use ts_rs::TS;

pub const DEFAULT_PAGE_SIZE: i32 = 1000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BucketInfo {
    pub name: String,
    /// RFC 3339.
    pub created: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FolderEntry {
    /// The full prefix, ending in the delimiter.
    pub prefix: String,
    /// The last segment, without the delimiter.
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ObjectEntry {
    pub key: String,
    /// The key without the listed prefix.
    pub name: String,
    #[ts(type = "number")]
    pub size: i64,
    /// RFC 3339.
    pub last_modified: Option<String>,
    pub etag: Option<String>,
    pub storage_class: Option<String>,
    /// What the name says the file is (its extension); the window's icons and viewer steps use it.
    pub kind: Option<FileKind>,
}

/// One page of a prefix listing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ListPage {
    pub bucket: String,
    pub prefix: String,
    pub index: u32,
    pub folders: Vec<FolderEntry>,
    pub objects: Vec<ObjectEntry>,
    /// Entries delivered so far, this page included.
    pub loaded: u32,
    pub is_last: bool,
}

/// What `head_object` tells about one object.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ObjectMeta {
    pub bucket: String,
    pub key: String,
    #[ts(type = "number")]
    pub size: i64,
    pub content_type: Option<String>,
    pub last_modified: Option<String>,
    pub etag: Option<String>,
    pub storage_class: Option<String>,
    pub metadata: BTreeMap<String, String>,
}

pub(crate) fn rfc3339(t: Option<&aws_sdk_s3::primitives::DateTime>) -> Option<String> {
    t.and_then(|d| d.fmt(aws_smithy_types::date_time::Format::DateTime).ok())
}

/// Lists the buckets the profile can see. AccessDenied is a normal answer for narrow IAM policies.
pub async fn list_buckets(conn: &Connection) -> Result<Vec<BucketInfo>> {
    let mut out = Vec::new();
    let mut pages = conn.client.list_buckets().into_paginator().send();
    while let Some(page) = pages.next().await {
        let page = page.map_err(from_sdk)?;
        out.extend(page.buckets().iter().map(|b| BucketInfo {
            name: b.name().unwrap_or_default().to_owned(),
            created: rfc3339(b.creation_date()),
        }));
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

fn last_segment(prefix: &str, parent: &str) -> String {
    prefix.strip_prefix(parent).unwrap_or(prefix).trim_end_matches('/').to_owned()
}

/// Undoes S3's `encoding-type=url` (`+` is a space, `%XX` a byte); text that does not decode to UTF-8 stays.
pub fn url_decode(s: &str) -> String {
    let plus = s.replace('+', " ");
    percent_encoding::percent_decode_str(&plus)
        .decode_utf8()
        .map(|c| c.into_owned())
        .unwrap_or_else(|_| s.to_owned())
}

/// Where a listing of one prefix stands between pages: the next page continues from here.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListCursor {
    token: Option<String>,
    loaded: u32,
    index: u32,
}

/// Lists `prefix` in `bucket` with delimiter `/`, handing each page to `on_page` as it arrives.
/// `on_page` returns `false` to stop early (the user navigated away). Returns the number of entries.
pub async fn list_prefix(
    conn: &Connection,
    bucket: &str,
    prefix: &str,
    page_size: i32,
    on_page: impl FnMut(ListPage) -> bool,
) -> Result<u32> {
    list_prefix_from(conn, bucket, prefix, page_size, ListCursor::default(), on_page).await
}

/// Goes on with a listing from `cursor`, the one `next_page` left after the pages already delivered
/// (a first page listed ahead: `crate::ahead`).
pub async fn list_prefix_from(
    conn: &Connection,
    bucket: &str,
    prefix: &str,
    page_size: i32,
    mut cursor: ListCursor,
    mut on_page: impl FnMut(ListPage) -> bool,
) -> Result<u32> {
    loop {
        let page = next_page(conn, bucket, prefix, page_size, &mut cursor).await?;
        let (loaded, is_last) = (page.loaded, page.is_last);
        if !on_page(page) || is_last {
            return Ok(loaded);
        }
    }
}

/// Lists the page of `prefix` that `cursor` points at, and moves `cursor` past it.
pub async fn next_page(conn: &Connection, bucket: &str, prefix: &str, page_size: i32, cursor: &mut ListCursor) -> Result<ListPage> {
    let resp = conn
        .client
        .list_objects_v2()
        .bucket(bucket)
        .prefix(prefix)
        .delimiter("/")
        .encoding_type(EncodingType::Url)
        .max_keys(page_size.clamp(1, 1000))
        .set_continuation_token(cursor.token.clone())
        .send()
        .await
        .map_err(|e| from_sdk(e).about(bucket, None))?;
    // Keys come URL-encoded (so a control character cannot break the XML) when the server says it encoded
    // them; a server that ignores `encoding-type` sends them as they are.
    let encoded = resp.encoding_type() == Some(&EncodingType::Url);
    let text = |s: &str| if encoded { url_decode(s) } else { s.to_owned() };
    let folders: Vec<FolderEntry> = resp
        .common_prefixes()
        .iter()
        .filter_map(|p| p.prefix())
        .map(|p| {
            let p = text(p);
            FolderEntry {
                name: last_segment(&p, prefix),
                prefix: p,
            }
        })
        .collect();
    let objects: Vec<ObjectEntry> = resp
        .contents()
        .iter()
        .map(|o| (o, text(o.key().unwrap_or_default())))
        .filter(|(_, key)| key != prefix || prefix.is_empty())
        .map(|(o, key)| ObjectEntry {
            kind: FileKind::of(key.strip_prefix(prefix).unwrap_or(&key)),
            name: key.strip_prefix(prefix).unwrap_or(&key).to_owned(),
            key,
            size: o.size().unwrap_or(0),
            last_modified: rfc3339(o.last_modified()),
            etag: o.e_tag().map(str::to_owned),
            storage_class: o.storage_class().map(|s| s.as_str().to_owned()),
        })
        .collect();
    cursor.loaded += (folders.len() + objects.len()) as u32;
    cursor.token = resp
        .next_continuation_token()
        .map(str::to_owned)
        .filter(|_| resp.is_truncated() == Some(true));
    let page = ListPage {
        bucket: bucket.to_owned(),
        prefix: prefix.to_owned(),
        index: cursor.index,
        folders,
        objects,
        loaded: cursor.loaded,
        is_last: cursor.token.is_none(),
    };
    cursor.index += 1;
    Ok(page)
}

/// Checks that a bucket exists and the profile may use it (HeadBucket).
pub async fn head_bucket(conn: &Connection, bucket: &str) -> Result<()> {
    conn.client.head_bucket().bucket(bucket).send().await.map_err(|e| {
        let e = from_sdk(e).about(bucket, None);
        // HeadBucket has no body: a 404 means the bucket, not a key.
        if e.kind() == crate::ErrorKind::NoSuchKey {
            crate::Error::NoSuchBucket(e.detail().clone())
        } else {
            e
        }
    })?;
    Ok(())
}
