//! Finds objects by name under a prefix, at any depth: ListObjectsV2 without a delimiter, each page matched as
//! it arrives, hits handed on at once, bounded by a number of keys scanned.
//!
//! A name without `*`, `?` or `[` is a substring; with them it is a glob (`*.pdf`, `2026-*`, `report-??.csv`).
//! Both ignore case and Unicode normalisation (a Mac writes `が` as two code points), and are matched against
//! the file name, or against the path below the prefix when the pattern has a `/` (`2026/*/summary.pdf`).

use crate::client::Connection;
use crate::error::{Error, Result};
use crate::error_map::from_sdk;
use crate::listing::{rfc3339, url_decode, ObjectEntry};
use aws_sdk_s3::types::EncodingType;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use unicode_normalization::UnicodeNormalization;

pub use crate::file_kind::FileKind;

/// How many keys a search reads at most unless told otherwise.
pub const DEFAULT_SCAN_LIMIT: u64 = 1_000_000;
/// The most keys one search may read, whatever it is asked.
pub const MAX_SCAN_LIMIT: u64 = 10_000_000;

/// What to look for. Empty `name` matches every name (the filters alone then decide).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct SearchQuery {
    pub name: String,
    /// Bytes, inclusive.
    #[ts(type = "number | null")]
    pub min_size: Option<i64>,
    #[ts(type = "number | null")]
    pub max_size: Option<i64>,
    /// RFC 3339 or `YYYY-MM-DD` (midnight UTC); modified at or after.
    pub modified_after: Option<String>,
    /// Modified before.
    pub modified_before: Option<String>,
    /// Only files of this kind, as their names say.
    pub kind: Option<FileKind>,
}

/// One batch of a running search: the hits in the page just read and how far it got.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SearchPage {
    /// Each hit's `name` is its path below the searched prefix.
    pub hits: Vec<ObjectEntry>,
    /// Keys read so far, this page included.
    #[ts(type = "number")]
    pub scanned: u64,
    /// Hits so far, this page included.
    #[ts(type = "number")]
    pub found: u64,
    pub done: bool,
    /// The scan limit was reached before the end of the prefix.
    pub stopped_at_limit: bool,
}

fn fold(s: &str) -> String {
    s.nfc().flat_map(char::to_lowercase).collect()
}

/// A compiled query: the name rule and the filters.
#[derive(Debug, Clone)]
pub struct Matcher {
    name: NameRule,
    on_path: bool,
    min_size: Option<i64>,
    max_size: Option<i64>,
    after: Option<i64>,
    before: Option<i64>,
    kind: Option<FileKind>,
}

#[derive(Debug, Clone)]
enum NameRule {
    Any,
    Substring(String),
    Glob(glob::Pattern),
}

fn when(field: &str, s: &str) -> Result<i64> {
    let s = s.trim();
    let t = chrono::DateTime::parse_from_rfc3339(s).map(|d| d.timestamp_millis()).or_else(|_| {
        chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").map(|d| d.and_hms_opt(0, 0, 0).unwrap().and_utc().timestamp_millis())
    });
    t.map_err(|_| Error::invalid_input(format!("{field}: {s:?} is not a date; use 2026-11-30 or 2026-11-30T09:00:00Z")))
}

impl Matcher {
    pub fn new(q: &SearchQuery) -> Result<Self> {
        let name = fold(q.name.trim());
        let rule = if name.is_empty() {
            NameRule::Any
        } else if name.contains(['*', '?', '[']) {
            let p =
                glob::Pattern::new(&name).map_err(|e| Error::invalid_input(format!("{:?} is not a valid pattern: {}", q.name, e.msg)))?;
            NameRule::Glob(p)
        } else {
            NameRule::Substring(name.clone())
        };
        if let (Some(lo), Some(hi)) = (q.min_size, q.max_size) {
            if lo > hi {
                return Err(Error::invalid_input(format!(
                    "the smallest size ({lo}) is above the largest ({hi})"
                )));
            }
        }
        let after = q.modified_after.as_deref().map(|s| when("modified after", s)).transpose()?;
        let before = q.modified_before.as_deref().map(|s| when("modified before", s)).transpose()?;
        Ok(Self {
            on_path: name.contains('/'),
            name: rule,
            min_size: q.min_size,
            max_size: q.max_size,
            after,
            before,
            kind: q.kind,
        })
    }

    /// Whether the name (or, for a pattern with `/`, the path below the prefix) matches.
    pub fn name_matches(&self, relative: &str) -> bool {
        let subject = if self.on_path {
            relative
        } else {
            relative.rsplit('/').next().unwrap_or(relative)
        };
        match &self.name {
            NameRule::Any => true,
            NameRule::Substring(s) => fold(subject).contains(s.as_str()),
            NameRule::Glob(p) => {
                let opts = glob::MatchOptions {
                    case_sensitive: true,
                    require_literal_separator: true,
                    require_literal_leading_dot: false,
                };
                p.matches_with(&fold(subject), opts)
            }
        }
    }

    /// Name and filters; `modified_ms` is the object's last modification in Unix milliseconds.
    pub fn matches(&self, relative: &str, size: i64, modified_ms: Option<i64>) -> bool {
        let in_range = |t: i64| self.after.is_none_or(|a| t >= a) && self.before.is_none_or(|b| t < b);
        self.min_size.is_none_or(|m| size >= m)
            && self.max_size.is_none_or(|m| size <= m)
            && ((self.after.is_none() && self.before.is_none()) || modified_ms.is_some_and(in_range))
            && self.kind.is_none_or(|k| FileKind::of(relative) == Some(k))
            && self.name_matches(relative)
    }
}

/// Searches `prefix` in `bucket` at every depth, reading at most `limit` keys, handing each page's hits to
/// `on_page` as it is read (a page with no hits too, so a count of keys scanned can move). `on_page` returns
/// `false` to stop (the person pressed Stop). Returns the last page's totals.
pub async fn search(
    conn: &Connection,
    bucket: &str,
    prefix: &str,
    query: &SearchQuery,
    limit: u64,
    mut on_page: impl FnMut(SearchPage) -> bool,
) -> Result<SearchPage> {
    let matcher = Matcher::new(query)?;
    let mut token: Option<String> = None;
    let (mut scanned, mut found) = (0u64, 0u64);
    loop {
        let want = (limit.saturating_sub(scanned)).clamp(1, 1000) as i32;
        let resp = conn
            .client
            .list_objects_v2()
            .bucket(bucket)
            .prefix(prefix)
            .encoding_type(EncodingType::Url)
            .max_keys(want)
            .set_continuation_token(token.take())
            .send()
            .await
            .map_err(|e| from_sdk(e).about(bucket, None))?;
        let encoded = resp.encoding_type() == Some(&EncodingType::Url);
        let mut hits = Vec::new();
        for o in resp.contents() {
            scanned += 1;
            let raw = o.key().unwrap_or_default();
            let key = if encoded { url_decode(raw) } else { raw.to_owned() };
            let Some(relative) = key.strip_prefix(prefix).filter(|r| !r.is_empty() && !r.ends_with('/')) else {
                continue;
            };
            let size = o.size().unwrap_or(0);
            let modified = o.last_modified().and_then(|d| d.to_millis().ok());
            if matcher.matches(relative, size, modified) {
                hits.push(ObjectEntry {
                    kind: FileKind::of(relative),
                    name: relative.to_owned(),
                    size,
                    last_modified: rfc3339(o.last_modified()),
                    etag: o.e_tag().map(str::to_owned),
                    storage_class: o.storage_class().map(|s| s.as_str().to_owned()),
                    key,
                });
            }
        }
        found += hits.len() as u64;
        token = resp
            .next_continuation_token()
            .map(str::to_owned)
            .filter(|_| resp.is_truncated() == Some(true));
        let stopped_at_limit = token.is_some() && scanned >= limit;
        let page = SearchPage {
            hits,
            scanned,
            found,
            done: token.is_none() || stopped_at_limit,
            stopped_at_limit,
        };
        let summary = SearchPage {
            hits: Vec::new(),
            ..page.clone()
        };
        if !on_page(page) || summary.done {
            return Ok(summary);
        }
    }
}

#[cfg(test)]
#[path = "search_tests.rs"]
mod tests;
