//! Makes the embedded store behave like S3 where s3s-fs does not: a body whose SHA-256 or CRC32C does
//! not match the signed `x-amz-checksum-*` header is refused with BadDigest and never stored, ListObjectsV2 is
//! served from a sorted index (see `index`) that every write through the server refreshes, keys that would
//! leave the bucket's folder are refused, and writes to one key are serialised (see `keys`).

use super::assemble::{self, PartStore};
use super::index::ListingIndex;
use super::keys::{check, KeyLocks, Keyed};
use bytes::Bytes;
use futures::Stream;
use s3s::dto::*;
use s3s::{s3_error, S3Request, S3Response, S3Result, S3};
use sha2::Sha256;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};

pub struct Strict {
    fs: s3s_fs::FileSystem,
    root: PathBuf,
    index: ListingIndex,
    locks: KeyLocks,
    parts: PartStore,
}

impl Strict {
    /// The upload exists and was started with the same access key (as s3s-fs checks).
    fn check_upload(&self, upload_id: &str, creds: Option<&s3s::auth::Credentials>) -> S3Result<()> {
        if !assemble::valid_upload_id(upload_id) {
            return Err(s3_error!(InvalidRequest, "not an upload id"));
        }
        let owner = std::fs::read(self.root.join(format!(".upload-{upload_id}.json"))).map_err(|_| s3_error!(NoSuchUpload))?;
        let owner: Option<String> = serde_json::from_slice(&owner).map_err(|e| s3_error!(InternalError, "{e}"))?;
        if owner.as_deref() != creds.map(|c| c.access_key.as_str()) {
            return Err(s3_error!(AccessDenied));
        }
        Ok(())
    }

    pub fn new(root: &Path) -> Result<Self, String> {
        let fs = s3s_fs::FileSystem::new(root).map_err(|e| format!("{e:?}"))?;
        Ok(Self {
            fs,
            root: root.to_owned(),
            index: ListingIndex::default(),
            locks: KeyLocks::default(),
            parts: PartStore::default(),
        })
    }
}

/// A checksum the request declared: the body must match it.
enum Digest {
    Sha256(Sha256),
    Crc32c(u32),
}

impl Digest {
    fn update(&mut self, b: &[u8]) {
        match self {
            Digest::Sha256(h) => sha2::Digest::update(h, b),
            Digest::Crc32c(c) => *c = crc32c::crc32c_append(*c, b),
        }
    }
    fn finish(self) -> String {
        use base64::Engine;
        let bytes = match self {
            Digest::Sha256(h) => sha2::Digest::finalize(h).to_vec(),
            Digest::Crc32c(c) => c.to_be_bytes().to_vec(),
        };
        base64::engine::general_purpose::STANDARD.encode(bytes)
    }
}

/// Passes the body through, and fails the stream at its end if the digest differs (so nothing is renamed into place).
struct Verify {
    inner: StreamingBlob,
    digests: Vec<(Digest, String)>,
    mismatch: Arc<AtomicBool>,
}

impl Stream for Verify {
    type Item = Result<Bytes, std::io::Error>;
    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        match Pin::new(&mut self.inner).poll_next(cx) {
            Poll::Ready(Some(Ok(b))) => {
                for (d, _) in &mut self.digests {
                    d.update(&b);
                }
                Poll::Ready(Some(Ok(b)))
            }
            Poll::Ready(Some(Err(e))) => Poll::Ready(Some(Err(std::io::Error::other(e.to_string())))),
            Poll::Ready(None) => {
                let digests = std::mem::take(&mut self.digests);
                if digests.into_iter().all(|(d, expected)| d.finish() == expected) {
                    Poll::Ready(None)
                } else {
                    self.mismatch.store(true, Ordering::SeqCst);
                    Poll::Ready(Some(Err(std::io::Error::new(std::io::ErrorKind::InvalidData, "checksum mismatch"))))
                }
            }
            Poll::Pending => Poll::Pending,
        }
    }
}

/// Wraps `body` to check the declared SHA-256 and CRC32C; the flag is set when one differs.
fn guard(body: &mut Option<StreamingBlob>, sha256: &Option<String>, crc32c: &Option<String>) -> Arc<AtomicBool> {
    let flag = Arc::new(AtomicBool::new(false));
    let mut digests = Vec::new();
    digests.extend(sha256.clone().map(|e| (Digest::Sha256(<Sha256 as sha2::Digest>::new()), e)));
    digests.extend(crc32c.clone().map(|e| (Digest::Crc32c(0), e)));
    if !digests.is_empty() {
        if let Some(inner) = body.take() {
            *body = Some(StreamingBlob::wrap(Verify {
                inner,
                digests,
                mismatch: flag.clone(),
            }));
        }
    }
    flag
}

// Generates the whole impl so `async_trait` sees the delegating methods already expanded. Writes drop
// the bucket's listing index once they finish.
macro_rules! strict_impl {
    (delegate { $($m:ident: $i:ty => $o:ty;)* } writes { $($w:ident: $wi:ty => $wo:ty;)* } $($custom:tt)*) => {
        #[async_trait::async_trait]
        impl S3 for Strict {
            $( async fn $m(&self, req: S3Request<$i>) -> S3Result<S3Response<$o>> {
                check(&req.input)?;
                self.fs.$m(req).await
            } )*
            $( async fn $w(&self, req: S3Request<$wi>) -> S3Result<S3Response<$wo>> {
                check(&req.input)?;
                let bucket = req.input.bucket.clone();
                let key = req.input.keys().first().map(|k| k.to_string()).unwrap_or_default();
                let _one_writer = self.locks.lock(&bucket, &key).await;
                let out = self.fs.$w(req).await;
                self.index.invalidate(&bucket);
                out
            } )*
            $($custom)*
        }
    };
}

strict_impl! {
    delegate {
        head_bucket: HeadBucketInput => HeadBucketOutput;
        get_bucket_location: GetBucketLocationInput => GetBucketLocationOutput;
        list_buckets: ListBucketsInput => ListBucketsOutput;
        list_objects: ListObjectsInput => ListObjectsOutput;
        get_object: GetObjectInput => GetObjectOutput;
        head_object: HeadObjectInput => HeadObjectOutput;
        create_multipart_upload: CreateMultipartUploadInput => CreateMultipartUploadOutput;
        upload_part_copy: UploadPartCopyInput => UploadPartCopyOutput;
    }
    writes {
        create_bucket: CreateBucketInput => CreateBucketOutput;
        delete_bucket: DeleteBucketInput => DeleteBucketOutput;
        copy_object: CopyObjectInput => CopyObjectOutput;
        delete_object: DeleteObjectInput => DeleteObjectOutput;
        delete_objects: DeleteObjectsInput => DeleteObjectsOutput;
    }

    async fn list_objects_v2(&self, req: S3Request<ListObjectsV2Input>) -> S3Result<S3Response<ListObjectsV2Output>> {
        let root = self.root.join(&req.input.bucket);
        Ok(S3Response::new(self.index.list(&root, req.input).await?))
    }

    /// Completes as S3 does (see `assemble`): the listed ETags must match the stored parts, `If-None-Match:
    /// *` is honoured, and the new object gets the composite CRC32C of its parts when they carried one and
    /// no other checksum (s3s-fs kept the replaced object's, so clients refused the new body). An
    /// `If-Match` goes through s3s-fs's own Complete.
    async fn complete_multipart_upload(
        &self,
        req: S3Request<CompleteMultipartUploadInput>,
    ) -> S3Result<S3Response<CompleteMultipartUploadOutput>> {
        check(&req.input)?;
        let (bucket, key, upload_id) = (req.input.bucket.clone(), req.input.key.clone(), req.input.upload_id.clone());
        let parts = req.input.multipart_upload.as_ref().and_then(|m| m.parts.clone()).unwrap_or_default();
        let composite = assemble::composite_crc32c(&parts);
        let _one_writer = self.locks.lock(&bucket, &key).await;
        if req.input.if_match.is_some() {
            let out = self.fs.complete_multipart_upload(req).await;
            self.index.invalidate(&bucket);
            if out.is_ok() {
                assemble::replace_checksums(&self.root, &bucket, &key, composite)
                    .map_err(|e| s3_error!(InternalError, "updating the object's checksums: {e}"))?;
            }
            return out;
        }
        self.check_upload(&upload_id, req.credentials.as_ref())?;
        let any = req.input.if_none_match.as_ref().is_some_and(|c| c.is_any());
        let e_tag = assemble::complete(&self.parts, &self.root, (&bucket, &key, &upload_id), &parts, any, composite);
        self.index.invalidate(&bucket);
        Ok(S3Response::new(CompleteMultipartUploadOutput {
            bucket: Some(bucket),
            key: Some(key),
            e_tag: Some(ETag::Strong(e_tag?)),
            ..Default::default()
        }))
    }

    async fn abort_multipart_upload(
        &self,
        req: S3Request<AbortMultipartUploadInput>,
    ) -> S3Result<S3Response<AbortMultipartUploadOutput>> {
        check(&req.input)?;
        self.fs.abort_multipart_upload(req).await
    }

    /// From the parts record (see `assemble`), with each part's ETag, as S3 gives them.
    async fn list_parts(&self, req: S3Request<ListPartsInput>) -> S3Result<S3Response<ListPartsOutput>> {
        check(&req.input)?;
        self.check_upload(&req.input.upload_id, req.credentials.as_ref())?;
        let parts = self.parts.list(&self.root, &req.input.upload_id)?;
        Ok(S3Response::new(ListPartsOutput {
            bucket: Some(req.input.bucket),
            key: Some(req.input.key),
            upload_id: Some(req.input.upload_id),
            parts: Some(parts),
            ..Default::default()
        }))
    }

    async fn list_multipart_uploads(
        &self,
        req: S3Request<ListMultipartUploadsInput>,
    ) -> S3Result<S3Response<ListMultipartUploadsOutput>> {
        let out = super::pending::list(&self.root, &req.input)
            .map_err(|e| s3_error!(InternalError, "listing uploads in progress: {e}"))?;
        Ok(S3Response::new(out))
    }

    async fn put_object(&self, mut req: S3Request<PutObjectInput>) -> S3Result<S3Response<PutObjectOutput>> {
        check(&req.input)?;
        let flag = guard(&mut req.input.body, &req.input.checksum_sha256, &req.input.checksum_crc32c);
        let bucket = req.input.bucket.clone();
        // If-None-Match is checked and the object written under the key's lock: of two creates, one wins.
        let _one_writer = self.locks.lock(&bucket, &req.input.key).await;
        let out = self.fs.put_object(req).await;
        self.index.invalidate(&bucket);
        if flag.load(Ordering::SeqCst) {
            return Err(s3_error!(BadDigest, "The checksum you specified did not match the calculated checksum."));
        }
        out
    }

    /// Stored by `assemble` (the part in its slot, MD5 and length recorded); a body that does not match
    /// its declared SHA-256 or CRC32C is refused with BadDigest and not recorded.
    async fn upload_part(&self, mut req: S3Request<UploadPartInput>) -> S3Result<S3Response<UploadPartOutput>> {
        check(&req.input)?;
        let (upload_id, n) = (req.input.upload_id.clone(), req.input.part_number);
        if !(1..=10_000).contains(&n) {
            return Err(s3_error!(InvalidArgument, "Part number must be an integer between 1 and 10000, inclusive"));
        }
        self.check_upload(&upload_id, req.credentials.as_ref())?;
        let flag = guard(&mut req.input.body, &req.input.checksum_sha256, &req.input.checksum_crc32c);
        let body = req.input.body.take().ok_or_else(|| s3_error!(IncompleteBody))?;
        let declared = req.input.content_length.and_then(|l| u64::try_from(l).ok());
        let stored = self.parts.upload_part(&self.root, &upload_id, n, declared, body).await;
        if flag.load(Ordering::SeqCst) {
            return Err(s3_error!(BadDigest, "The checksum you specified did not match the calculated checksum."));
        }
        Ok(S3Response::new(UploadPartOutput {
            e_tag: Some(ETag::Strong(stored?)),
            ..Default::default()
        }))
    }
}
