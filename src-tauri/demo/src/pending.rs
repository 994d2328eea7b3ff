//! ListMultipartUploads, which s3s-fs does not implement: the uploads in progress are the attribute files
//! s3s-fs keeps for each (`.bucket-B.object-K.upload-ID.metadata.json`, removed on Complete and Abort);
//! the file's time is the upload's start.

use base64::Engine;
use s3s::dto::*;
use std::path::Path;

pub fn list(root: &Path, input: &ListMultipartUploadsInput) -> std::io::Result<ListMultipartUploadsOutput> {
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let head = format!(".bucket-{}.object-", b64.encode(&input.bucket));
    let prefix = input.prefix.as_deref().unwrap_or("");
    let mut uploads = Vec::new();
    for entry in std::fs::read_dir(root)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = name.strip_prefix(&head).and_then(|r| r.strip_suffix(".metadata.json")) else {
            continue;
        };
        let Some((key, id)) = rest.split_once(".upload-") else { continue };
        let Some(key) = b64.decode(key).ok().and_then(|k| String::from_utf8(k).ok()) else {
            continue;
        };
        if !key.starts_with(prefix) {
            continue;
        }
        let initiated = entry.metadata()?.modified()?;
        uploads.push(MultipartUpload {
            key: Some(key),
            upload_id: Some(id.to_owned()),
            initiated: Some(Timestamp::from(initiated)),
            ..Default::default()
        });
    }
    uploads.sort_by(|a, b| a.key.cmp(&b.key));
    Ok(ListMultipartUploadsOutput {
        bucket: Some(input.bucket.clone()),
        prefix: input.prefix.clone(),
        is_truncated: Some(false),
        uploads: Some(uploads),
        ..Default::default()
    })
}
