//! Makes the embedded store behave like S3 where s3s-fs does not: a body whose SHA-256 or CRC32C does
//! not match the signed `x-amz-checksum-*` header is refused with BadDigest and never stored, ListObjectsV2 is
//! served from a sorted index (see `index`) that every write through the server refreshes, keys that would
//! leave the bucket's folder are refused, and writes to one key are serialised (see `keys`).

use super::index::ListingIndex;
use super::keys::{check, KeyLocks, Keyed};
use bytes::Bytes;
use futures::Stream;
use md5::Digest as _;
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
}

/// S3's checksum of a multipart object: CRC32C over the parts' binary CRC32Cs, then `-N`.
fn composite_crc32c(parts: &[CompletedPart]) -> Option<String> {
    use base64::Engine;
    let b64 = base64::engine::general_purpose::STANDARD;
    let mut crc = 0u32;
    for p in parts {
        crc = crc32c::crc32c_append(crc, &b64.decode(p.checksum_crc32c.as_deref()?).ok()?);
    }
    (!parts.is_empty()).then(|| format!("{}-{}", b64.encode(crc.to_be_bytes()), parts.len()))
}

impl Strict {
    /// Rewrites the checksums s3s-fs keeps beside an object (its `.internal.json`): all removed, then the
    /// composite CRC32C set when there is one.
    fn replace_checksums(&self, bucket: &str, key: &str, crc32c: Option<String>) -> std::io::Result<()> {
        use base64::Engine;
        let enc = |s: &str| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(s);
        let path = self.root.join(format!(".bucket-{}.object-{}.internal.json", enc(bucket), enc(key)));
        let mut info: serde_json::Map<String, serde_json::Value> = match std::fs::read(&path) {
            Ok(b) => serde_json::from_slice(&b).map_err(std::io::Error::other)?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Default::default(),
            Err(e) => return Err(e),
        };
        info.retain(|k, _| !k.starts_with("checksum_"));
        if let Some(c) = crc32c {
            info.insert("checksum_crc32c".into(), c.into());
        }
        std::fs::write(&path, serde_json::to_vec(&info).map_err(std::io::Error::other)?)
    }

    pub fn new(root: &Path) -> Result<Self, String> {
        let fs = s3s_fs::FileSystem::new(root).map_err(|e| format!("{e:?}"))?;
        Ok(Self {
            fs,
            root: root.to_owned(),
            index: ListingIndex::default(),
            locks: KeyLocks::default(),
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
        abort_multipart_upload: AbortMultipartUploadInput => AbortMultipartUploadOutput;
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

    /// s3s-fs keeps the checksums of the object a multipart upload replaces (a GET then carries the old
    /// object's checksum with the new body, and clients refuse it). Like S3, the new object gets the
    /// composite CRC32C of its parts when they carried one, and no other checksum.
    async fn complete_multipart_upload(
        &self,
        req: S3Request<CompleteMultipartUploadInput>,
    ) -> S3Result<S3Response<CompleteMultipartUploadOutput>> {
        check(&req.input)?;
        let (bucket, key) = (req.input.bucket.clone(), req.input.key.clone());
        let parts = req.input.multipart_upload.as_ref().and_then(|m| m.parts.clone()).unwrap_or_default();
        let composite = composite_crc32c(&parts);
        let _one_writer = self.locks.lock(&bucket, &key).await;
        let out = self.fs.complete_multipart_upload(req).await;
        self.index.invalidate(&bucket);
        if out.is_ok() {
            self.replace_checksums(&bucket, &key, composite)
                .map_err(|e| s3_error!(InternalError, "updating the object's checksums: {e}"))?;
        }
        out
    }

    /// s3s-fs lists parts without their ETags (S3 gives them, and a resumed upload completes with them):
    /// each part's ETag is the MD5 of its file, as UploadPart answered.
    async fn list_parts(&self, req: S3Request<ListPartsInput>) -> S3Result<S3Response<ListPartsOutput>> {
        check(&req.input)?;
        let upload_id = req.input.upload_id.clone();
        let mut out = self.fs.list_parts(req).await?;
        let root = self.root.clone();
        let mut parts = out.output.parts.take().unwrap_or_default();
        parts = tokio::task::spawn_blocking(move || {
            for p in &mut parts {
                let file = root.join(format!(".upload_id-{upload_id}.part-{}", p.part_number.unwrap_or(0)));
                let bytes = std::fs::read(file).map_err(|e| s3_error!(InternalError, "reading a part: {e}"))?;
                let md5: String = md5::Md5::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect();
                p.e_tag = Some(ETag::Strong(md5));
            }
            parts.sort_by_key(|p| p.part_number);
            Ok::<_, s3s::S3Error>(parts)
        })
        .await
        .map_err(|e| s3_error!(InternalError, "{e}"))??;
        out.output.parts = Some(parts);
        Ok(out)
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

    async fn upload_part(&self, mut req: S3Request<UploadPartInput>) -> S3Result<S3Response<UploadPartOutput>> {
        check(&req.input)?;
        let flag = guard(&mut req.input.body, &req.input.checksum_sha256, &req.input.checksum_crc32c);
        let out = self.fs.upload_part(req).await;
        if flag.load(Ordering::SeqCst) {
            return Err(s3_error!(BadDigest, "The checksum you specified did not match the calculated checksum."));
        }
        out
    }
}
