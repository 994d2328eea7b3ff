//! A sorted key index for the embedded store's ListObjectsV2: s3s-fs rescans and sorts a whole bucket for
//! every page, which makes a 100,000-key prefix quadratic; here one scan serves every page until a write.

use s3s::dto::*;
use s3s::{s3_error, S3Result};
use std::collections::{BTreeMap, HashMap};
use std::ops::Bound;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

#[derive(Debug, Clone)]
struct Entry {
    size: u64,
    modified: SystemTime,
}

type Keys = Arc<BTreeMap<String, Entry>>;

/// One index per bucket, built on the first listing and dropped by any write through the server.
#[derive(Default)]
pub struct ListingIndex {
    buckets: Mutex<HashMap<String, (u64, Option<Keys>)>>,
}

/// Past every key that starts with a given prefix (keys are compared as UTF-8 bytes, i.e. code points).
const AFTER_ALL: char = char::MAX;

impl ListingIndex {
    /// Forgets `bucket`'s keys; a listing that was scanning meanwhile does not store its stale result.
    pub fn invalidate(&self, bucket: &str) {
        let mut g = self.buckets.lock().unwrap();
        let e = g.entry(bucket.to_owned()).or_default();
        *e = (e.0 + 1, None);
    }

    async fn keys(&self, bucket: &str, root: PathBuf) -> S3Result<Keys> {
        let generation = {
            let g = self.buckets.lock().unwrap();
            match g.get(bucket) {
                Some((_, Some(keys))) => return Ok(keys.clone()),
                Some((n, None)) => *n,
                None => 0,
            }
        };
        let keys = tokio::task::spawn_blocking(move || scan(&root))
            .await
            .map_err(|e| s3_error!(InternalError, "listing scan: {e}"))?
            .map_err(|e| s3_error!(InternalError, "listing scan: {e}"))?;
        let keys = Arc::new(keys);
        let mut g = self.buckets.lock().unwrap();
        let e = g.entry(bucket.to_owned()).or_default();
        if e.0 == generation {
            e.1 = Some(keys.clone());
        }
        Ok(keys)
    }

    /// ListObjectsV2 as S3 answers it: prefix, delimiter, start-after / continuation token, at most
    /// 1,000 keys and prefixes a page, `encoding-type=url` honoured.
    pub async fn list(&self, bucket_root: &Path, input: ListObjectsV2Input) -> S3Result<ListObjectsV2Output> {
        if input.bucket.contains(['/', '\\']) || input.bucket.starts_with('.') || !bucket_root.is_dir() {
            return Err(s3_error!(NoSuchBucket));
        }
        let keys = self.keys(&input.bucket, bucket_root.to_owned()).await?;
        let prefix = input.prefix.as_deref().unwrap_or("");
        let delimiter = input.delimiter.as_deref().filter(|d| !d.is_empty());
        let max = usize::try_from(input.max_keys.unwrap_or(1000).clamp(0, 1000)).unwrap_or(1000);
        let marker = match (input.continuation_token.as_deref(), input.start_after.as_deref()) {
            (Some(t), Some(s)) => Some(t.max(s)),
            (t, s) => t.or(s),
        };
        let mut lower = match marker {
            Some(m) if m >= prefix => Bound::Excluded(m.to_owned()),
            _ => Bound::Included(prefix.to_owned()),
        };
        let (mut contents, mut prefixes, mut last, mut truncated) = (Vec::new(), Vec::new(), None::<String>, false);
        // One range lookup per entry: a common prefix moves the cursor past every key it groups.
        while let Some((key, e)) = keys.range::<String, _>((lower.clone(), Bound::Unbounded)).next() {
            if !key.starts_with(prefix) {
                break;
            }
            if contents.len() + prefixes.len() == max {
                truncated = max > 0; // max-keys 0 answers an empty, untruncated page
                break;
            }
            let rest = &key[prefix.len()..];
            if let Some(pos) = delimiter.and_then(|d| rest.find(d).map(|p| p + d.len())) {
                let group = &key[..prefix.len() + pos];
                lower = Bound::Excluded(format!("{group}{AFTER_ALL}"));
                if marker.is_none_or(|m| group > m) {
                    prefixes.push(group.to_owned());
                    last = Some(group.to_owned());
                }
                continue;
            }
            contents.push(object(key, e));
            last = Some(key.clone());
            lower = Bound::Excluded(key.clone());
        }
        let url = input.encoding_type.as_ref().is_some_and(|e| e.as_str() == EncodingType::URL);
        let enc = |s: String| if url { encode(&s) } else { s };
        let count = contents.len() + prefixes.len();
        Ok(ListObjectsV2Output {
            key_count: Some(i32::try_from(count).unwrap_or(i32::MAX)),
            max_keys: input.max_keys.or(Some(1000)),
            is_truncated: Some(truncated),
            contents: (!contents.is_empty()).then(|| contents.into_iter().map(|o| Object { key: o.key.map(enc), ..o }).collect()),
            common_prefixes: (!prefixes.is_empty()).then(|| prefixes.into_iter().map(|p| CommonPrefix { prefix: Some(enc(p)) }).collect()),
            next_continuation_token: if truncated { last } else { None },
            continuation_token: input.continuation_token,
            delimiter: input.delimiter.map(enc),
            prefix: input.prefix.map(enc),
            start_after: input.start_after.map(enc),
            encoding_type: input.encoding_type,
            name: Some(input.bucket),
            ..Default::default()
        })
    }
}

fn object(key: &str, e: &Entry) -> Object {
    Object {
        key: Some(key.to_owned()),
        size: Some(i64::try_from(e.size).unwrap_or(i64::MAX)),
        last_modified: Some(Timestamp::from(e.modified)),
        storage_class: Some(ObjectStorageClass::from_static(ObjectStorageClass::STANDARD)),
        ..Default::default()
    }
}

/// S3's `encoding-type=url`: unreserved characters and `/` stay, a space becomes `+`, the rest `%XX`.
fn encode(s: &str) -> String {
    use percent_encoding::{utf8_percent_encode, AsciiSet};
    const KEEP: &AsciiSet = &bucketlens_core::sigv4::UNRESERVED.remove(b'/').remove(b' ');
    utf8_percent_encode(s, KEEP).to_string().replace(' ', "+")
}

/// Every file under a bucket's folder, keyed by its path with `/` between components (as s3s-fs stores keys).
fn scan(root: &Path) -> std::io::Result<BTreeMap<String, Entry>> {
    let mut out = BTreeMap::new();
    let mut dirs = vec![(root.to_owned(), String::new())];
    while let Some((dir, base)) = dirs.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let entry = entry?;
            let Some(name) = entry.file_name().to_str().map(str::to_owned) else {
                continue;
            };
            let key = format!("{base}{name}");
            let kind = entry.file_type()?;
            if kind.is_dir() {
                dirs.push((entry.path(), format!("{key}/")));
            } else if kind.is_file() {
                let m = entry.metadata()?;
                out.insert(
                    key,
                    Entry {
                        size: m.len(),
                        modified: m.modified()?,
                    },
                );
            }
        }
    }
    Ok(out)
}
