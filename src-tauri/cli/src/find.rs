//! `find`: a search at every depth under a prefix, hits printed as each page is read, a summary on stderr.

use crate::args::FindCmd;
use bucketlens_core::search::{search, SearchQuery};
use bucketlens_core::{s3url, Result};

/// Text: `modified  size  key` per hit. JSON: one object per hit and line (`key`, `name` below the prefix,
/// `size`, `lastModified`, `etag`, `storageClass`). The summary (found, keys read, stopped at the limit) goes
/// to stderr either way, so stdout holds only hits.
pub async fn run(conn: &bucketlens_core::client::Connection, a: &FindCmd, json: bool) -> Result<()> {
    let loc = s3url::parse(&a.location)?;
    let query = SearchQuery {
        name: a.name.clone().unwrap_or_default(),
        min_size: a.min_size,
        max_size: a.max_size,
        modified_after: a.newer.clone(),
        modified_before: a.older.clone(),
        kind: a.kind,
    };
    let last = search(conn, &loc.bucket, &loc.key, &query, a.limit, |page| {
        for hit in &page.hits {
            if json {
                println!("{}", serde_json::to_string(hit).expect("serialisable"));
            } else {
                println!("{:<20} {:>12} {}", hit.last_modified.as_deref().unwrap_or("-"), hit.size, hit.key);
            }
        }
        true
    })
    .await?;
    let limit_note = if last.stopped_at_limit {
        format!(" (stopped at the limit of {} keys: narrow the prefix or raise --limit)", a.limit)
    } else {
        String::new()
    };
    eprintln!("{} found in {} keys{limit_note}", last.found, last.scanned);
    Ok(())
}
