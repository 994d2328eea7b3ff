//! Sharing several files at once: a link for each (inline for PDFs and images, a download otherwise, as a single
//! share is), each with its real expiry, and a local record of every link issued. Presigned links can't be
//! revoked, so the record says, for each, who it was for and until when it stays valid; it never holds the link.

use crate::client::Connection;
use crate::error::{Error, Result};
use crate::presign::Presigned;
use futures::{stream, StreamExt, TryStreamExt};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// The most files one share may name.
pub const MAX_FILES: usize = 500;
/// How many records the local record keeps (the oldest go first).
pub const MAX_RECORDS: usize = 10_000;
/// Links signed at once.
const AT_ONCE: usize = 8;

/// One shared file's link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SharedLink {
    pub key: String,
    pub link: Presigned,
}

/// One link as the record keeps it: which object, for whom, issued and valid until (Unix milliseconds).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IssuedLink {
    pub profile: String,
    pub bucket: String,
    pub key: String,
    pub recipient: Option<String>,
    #[ts(type = "number")]
    pub issued_at: i64,
    #[ts(type = "number")]
    pub expires_at: i64,
}

/// Checks a share before anything is signed: 1 to `MAX_FILES` distinct keys, a recipient on one line.
pub fn check(keys: &[String], recipient: Option<&str>) -> Result<()> {
    if keys.is_empty() || keys.len() > MAX_FILES {
        return Err(Error::invalid_input(format!(
            "share 1 to {MAX_FILES} files at once, not {}",
            keys.len()
        )));
    }
    if keys.iter().any(|k| k.is_empty() || k.ends_with('/')) {
        return Err(Error::invalid_input("only files can be shared, not folders"));
    }
    let mut seen = std::collections::HashSet::new();
    if let Some(k) = keys.iter().find(|k| !seen.insert(k.as_str())) {
        return Err(Error::invalid_input(format!("{} is named twice", crate::keys::visible(k))));
    }
    if recipient.is_some_and(|r| r.chars().count() > 200 || r.chars().any(char::is_control)) {
        return Err(Error::invalid_input("\"for whom\" is one line of at most 200 characters"));
    }
    Ok(())
}

/// A link for each key, in the order given, all or none (a key that can't be shared fails the whole share,
/// naming it, so nobody mails a list with a hole in it).
pub async fn share_links(conn: &Connection, bucket: &str, keys: &[String], expires_secs: u64) -> Result<Vec<SharedLink>> {
    check(keys, None)?;
    stream::iter(keys.iter().cloned())
        .map(|key| async move {
            let link = crate::preview::share_link(conn, bucket, &key, true, expires_secs)
                .await
                .map_err(|e| e.about(bucket, Some(&key)))?;
            Ok::<_, Error>(SharedLink { key, link })
        })
        .buffered(AT_ONCE)
        .try_collect()
        .await
}

/// The record of issued links, `issued-links.json` in the data folder.
#[derive(Debug, Clone)]
pub struct LinkRecord {
    path: PathBuf,
}

impl LinkRecord {
    pub fn new(dir: &Path) -> Self {
        Self {
            path: dir.join("issued-links.json"),
        }
    }

    /// Newest first; the links of one share in the order they were given. A file that can't be read is an empty
    /// record (it is moved aside on the next write).
    pub fn list(&self) -> Vec<IssuedLink> {
        let mut all = self.read(false);
        all.sort_by_key(|l| std::cmp::Reverse(l.issued_at));
        all
    }

    fn read(&self, mend: bool) -> Vec<IssuedLink> {
        let Ok(text) = std::fs::read_to_string(&self.path) else {
            return Vec::new();
        };
        serde_json::from_str(&text).unwrap_or_else(|e| {
            let backup = if mend { crate::durable::set_aside(&self.path) } else { None };
            tracing::warn!(path = %self.path.display(), ?backup, "the record of issued links was broken ({e}); starting a new one");
            Vec::new()
        })
    }

    /// Adds `links` (oldest first) and keeps the newest `MAX_RECORDS`.
    pub fn add(&self, links: &[IssuedLink]) -> Result<()> {
        let _lock = self.path.parent().and_then(|d| crate::durable::lock(d, "issued-links.lock"));
        let mut all = self.read(true);
        all.extend_from_slice(links);
        let over = all.len().saturating_sub(MAX_RECORDS);
        all.drain(..over);
        let json = serde_json::to_vec_pretty(&all).map_err(|e| Error::internal(e.to_string()))?;
        crate::durable::replace(&self.path, &json).map_err(|e| Error::io("saving the record of issued links", e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn issued(key: &str, at: i64) -> IssuedLink {
        IssuedLink {
            profile: "p".into(),
            bucket: "b".into(),
            key: key.into(),
            recipient: Some("経理 / accounts".into()),
            issued_at: at,
            expires_at: at + 3_600_000,
        }
    }

    #[test]
    fn the_record_keeps_the_newest_first_and_caps_its_size() {
        let dir = tempfile::tempdir().unwrap();
        let r = LinkRecord::new(dir.path());
        assert!(r.list().is_empty());
        r.add(&[issued("a", 1), issued("b", 2)]).unwrap();
        r.add(&[issued("c", 3)]).unwrap();
        let keys: Vec<_> = r.list().into_iter().map(|l| l.key).collect();
        assert_eq!(keys, ["c", "b", "a"]);
        let many: Vec<_> = (0..MAX_RECORDS as i64).map(|i| issued(&format!("k{i}"), 10 + i)).collect();
        r.add(&many).unwrap();
        let list = r.list();
        assert_eq!(list.len(), MAX_RECORDS);
        assert_eq!(list.last().unwrap().key, "k0", "a, b and c went first");
        let text = std::fs::read_to_string(dir.path().join("issued-links.json")).unwrap();
        assert!(
            !text.contains("X-Amz-Signature") && !text.contains("https://"),
            "the record never holds a link"
        );
    }

    #[test]
    fn a_broken_record_is_set_aside_when_written_and_nothing_else_is_lost() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("issued-links.json"), "[{").unwrap();
        let r = LinkRecord::new(dir.path());
        assert!(r.list().is_empty());
        r.add(&[issued("a", 1)]).unwrap();
        assert_eq!(r.list().len(), 1);
        let kept = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok()?.file_name().into_string().ok());
        assert_eq!(kept.filter(|n| n.starts_with("issued-links.json.broken-")).count(), 1);
    }

    #[test]
    fn a_share_names_one_to_five_hundred_distinct_files_and_one_line_for_whom() {
        let k = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(check(&k(&["a.pdf", "b c+%.pdf", "請求書.pdf"]), Some("Kaori (経理)")).is_ok());
        for (keys, who) in [
            (k(&[]), None),
            (k(&["a", "a"]), None),
            (k(&["folder/"]), None),
            ((0..=MAX_FILES).map(|i| i.to_string()).collect(), None),
            (k(&["a"]), Some("two\nlines")),
        ] {
            let e = check(&keys, who).unwrap_err();
            assert_eq!(e.kind(), crate::error::ErrorKind::InvalidInput, "{e}");
        }
    }
}
