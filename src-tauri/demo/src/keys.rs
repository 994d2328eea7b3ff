//! Keys the file-backed store can hold safely: no `.`/`..` segment (s3s-fs would resolve it outside the
//! bucket, even onto its own metadata files), no leading `/`, no NUL. And one writer per key at a time, so
//! `If-None-Match: *` is decided and the object written as one step.

use s3s::dto::*;
use s3s::{s3_error, S3Result};
use std::hash::{Hash, Hasher};

/// The keys a request names (none for bucket-level requests).
pub trait Keyed {
    fn keys(&self) -> Vec<&str> {
        Vec::new()
    }
}

macro_rules! keyed {
    ($($t:ty),*) => { $(impl Keyed for $t { fn keys(&self) -> Vec<&str> { vec![&self.key] } })* };
}
macro_rules! unkeyed {
    ($($t:ty),*) => { $(impl Keyed for $t {})* };
}
keyed!(
    GetObjectInput,
    HeadObjectInput,
    PutObjectInput,
    DeleteObjectInput,
    CreateMultipartUploadInput,
    UploadPartInput,
    ListPartsInput,
    AbortMultipartUploadInput,
    CompleteMultipartUploadInput
);
unkeyed!(
    HeadBucketInput,
    GetBucketLocationInput,
    ListBucketsInput,
    ListObjectsInput,
    CreateBucketInput,
    DeleteBucketInput
);

fn with_source<'a>(key: &'a str, source: &'a CopySource) -> Vec<&'a str> {
    match source {
        CopySource::Bucket { key: from, .. } => vec![key, from],
        _ => vec![key],
    }
}

impl Keyed for CopyObjectInput {
    fn keys(&self) -> Vec<&str> {
        with_source(&self.key, &self.copy_source)
    }
}

impl Keyed for UploadPartCopyInput {
    fn keys(&self) -> Vec<&str> {
        with_source(&self.key, &self.copy_source)
    }
}

impl Keyed for DeleteObjectsInput {
    fn keys(&self) -> Vec<&str> {
        self.delete.objects.iter().map(|o| o.key.as_str()).collect()
    }
}

/// Refuses every key of `input` that would leave its bucket's folder or collide with another key's file.
pub fn check(input: &impl Keyed) -> S3Result<()> {
    for key in input.keys() {
        if key.starts_with('/') || key.contains('\0') || bucketlens_core::keys::has_dot_segment(key) {
            return Err(s3_error!(
                InvalidArgument,
                "This server does not store keys with \".\" or \"..\" segments, a leading \"/\" or NUL."
            ));
        }
    }
    Ok(())
}

/// Striped locks: one writer at a time for each (bucket, key), with a bounded number of locks.
pub struct KeyLocks([tokio::sync::Mutex<()>; 64]);

impl Default for KeyLocks {
    fn default() -> Self {
        Self(std::array::from_fn(|_| tokio::sync::Mutex::new(())))
    }
}

impl KeyLocks {
    /// Waits until no other write to `bucket`/`key` (or a key sharing its stripe) is in progress.
    pub async fn lock(&self, bucket: &str, key: &str) -> tokio::sync::MutexGuard<'_, ()> {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (bucket, key).hash(&mut h);
        self.0[(h.finish() % 64) as usize].lock().await
    }
}
