//! Serves gallery thumbnails to the window on the `thumb:` scheme, made by the core from the active profile's
//! connection: the window never holds a credential or a link for them. Four are made at a time; the window
//! asks only for the cells on screen and drops a request when its cell scrolls away.

use bucketlens_core::thumbs::{thumbnail, ThumbCache};
use std::sync::OnceLock;
use tauri::http::{Request, Response, StatusCode};
use tauri::{Manager, Runtime};

/// How many thumbnails are fetched and made at once.
pub const AT_ONCE: usize = 4;

pub struct Thumbs {
    cache: OnceLock<ThumbCache>,
    limit: tokio::sync::Semaphore,
}

impl Default for Thumbs {
    fn default() -> Self {
        Self {
            cache: OnceLock::new(),
            limit: tokio::sync::Semaphore::new(AT_ONCE),
        }
    }
}

impl Thumbs {
    /// The cache in `data_dir/thumbs`, opened on first use (reading it lists every file).
    fn cache(&self, data_dir: &std::path::Path, cap_mb: u32) -> Option<&ThumbCache> {
        if self.cache.get().is_none() {
            match ThumbCache::open(&data_dir.join("thumbs"), u64::from(cap_mb) * 1_000_000) {
                Ok(c) => {
                    let _ = self.cache.set(c);
                }
                Err(e) => tracing::warn!(error = %e, "the thumbnail cache could not be opened"),
            }
        }
        self.cache.get()
    }

    /// The cache as the active settings size it, or why it cannot be opened.
    pub fn cache_of(&self, state: &crate::state::AppState) -> bucketlens_core::Result<&ThumbCache> {
        self.cache(&state.paths.data_dir, state.settings().gallery.cache_mb)
            .ok_or_else(|| bucketlens_core::Error::internal("The thumbnail cache could not be opened."))
    }

    /// Applies a new cap (the gallery setting), evicting at once if the cache is open.
    pub fn set_cap_mb(&self, cap_mb: u32) {
        if let Some(c) = self.cache.get() {
            c.set_cap(u64::from(cap_mb) * 1_000_000);
        }
    }
}

/// `bucket` and `key` from a `thumb:` URL's path (`/<bucket>/<key>`, percent-encoded as a whole).
pub fn parse(path: &str) -> Option<(String, String)> {
    let decoded = percent_decode(path.trim_start_matches('/'))?;
    let (bucket, key) = decoded.split_once('/')?;
    let valid = (3..=63).contains(&bucket.len())
        && bucket
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-');
    (valid && !key.is_empty() && key.len() <= 1024).then(|| (bucket.to_owned(), key.to_owned()))
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes: Vec<u8> = percent_encoding::percent_decode_str(s).collect();
    // A `%` not followed by two hex digits is kept as is by the decoder; an address never has one.
    let well_formed = s
        .split('%')
        .skip(1)
        .all(|p| p.len() >= 2 && p.as_bytes()[..2].iter().all(u8::is_ascii_hexdigit));
    well_formed.then(|| String::from_utf8(bytes).ok()).flatten()
}

fn reply(status: StatusCode, body: Vec<u8>, reason: &str) -> Response<Vec<u8>> {
    let mut r = Response::builder().status(status).header("Access-Control-Allow-Origin", "*");
    if status == StatusCode::OK {
        // Not kept by WebKit: its memory cache held every decoded thumbnail scrolled past (111 MiB for 500,
        // bench/gallery.mjs). A tile shown again comes from the disk cache here.
        r = r.header("Content-Type", "image/jpeg").header("Cache-Control", "no-store");
    } else {
        r = r
            .header("Content-Type", "text/plain")
            .header("X-No-Thumbnail", reason)
            .header("Access-Control-Expose-Headers", "X-No-Thumbnail");
    }
    r.body(body).unwrap_or_default()
}

/// A PDF's bytes for the window's own renderer (pdf.js draws its first page): only an object the preview would
/// serve as a PDF, and only up to the thumbnail size cap.
async fn pdf_source(conn: &bucketlens_core::client::Connection, bucket: &str, key: &str) -> Response<Vec<u8>> {
    use bucketlens_core::{objects, preview, thumbs::MAX_SOURCE_BYTES};
    let meta = match objects::head_object(conn, bucket, key).await {
        Ok(m) => m,
        Err(e) => return reply(StatusCode::BAD_GATEWAY, Vec::new(), e.kind().name()),
    };
    if preview::decide(meta.content_type.as_deref(), key, None, false) != Some("application/pdf") {
        return reply(StatusCode::UNSUPPORTED_MEDIA_TYPE, Vec::new(), "not-pdf");
    }
    if meta.size > MAX_SOURCE_BYTES {
        return reply(StatusCode::UNSUPPORTED_MEDIA_TYPE, Vec::new(), "too-large");
    }
    match objects::read_head(conn, bucket, key, MAX_SOURCE_BYTES as usize).await {
        Ok(bytes) => Response::builder()
            .status(StatusCode::OK)
            .header("Content-Type", "application/pdf")
            .header("Access-Control-Allow-Origin", "*")
            .body(bytes)
            .unwrap_or_default(),
        Err(e) => reply(StatusCode::BAD_GATEWAY, Vec::new(), e.kind().name()),
    }
}

/// Answers one `thumb:` request: the JPEG, 415 with the reason for an icon, 400 for a bad address, 502 when
/// the object could not be read (the window shows the icon either way). With `?pdf`, a PDF's bytes instead.
pub async fn serve<R: Runtime>(app: &tauri::AppHandle<R>, request: &Request<Vec<u8>>) -> Response<Vec<u8>> {
    let Some((bucket, key)) = parse(request.uri().path()) else {
        return reply(StatusCode::BAD_REQUEST, Vec::new(), "address");
    };
    let state = app.state::<crate::state::AppState>();
    let thumbs = app.state::<Thumbs>();
    let Ok(conn) = state.session.active() else {
        return reply(StatusCode::BAD_GATEWAY, Vec::new(), "signed-out");
    };
    let Ok(cache) = thumbs.cache_of(&state) else {
        return reply(StatusCode::INTERNAL_SERVER_ERROR, Vec::new(), "cache");
    };
    let Ok(_turn) = thumbs.limit.acquire().await else {
        return reply(StatusCode::SERVICE_UNAVAILABLE, Vec::new(), "closing");
    };
    if request.uri().query().is_some_and(|q| q.split('&').any(|p| p == "pdf")) {
        return pdf_source(&conn, &bucket, &key).await;
    }
    match thumbnail(&conn, cache, &bucket, &key).await {
        Ok(Ok(jpeg)) => reply(StatusCode::OK, jpeg, ""),
        Ok(Err(reason)) => reply(StatusCode::UNSUPPORTED_MEDIA_TYPE, Vec::new(), reason.as_str()),
        Err(e) => {
            tracing::info!(bucket, key, kind = e.kind().name(), "no thumbnail");
            reply(StatusCode::BAD_GATEWAY, Vec::new(), e.kind().name())
        }
    }
}

/// Registers the `thumb:` scheme on `builder`.
pub fn protocol<R: Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder
        .manage(Thumbs::default())
        .register_asynchronous_uri_scheme_protocol("thumb", |ctx, request, responder| {
            let app = ctx.app_handle().clone();
            tauri::async_runtime::spawn(async move {
                responder.respond(serve(&app, &request).await);
            });
        })
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn thumb_addresses_name_a_bucket_and_a_key_and_nothing_else() {
        assert_eq!(
            parse("/demo%2Fimages%2F%E5%86%99%E7%9C%9F%202026.jpg"),
            Some(("demo".into(), "images/写真 2026.jpg".into()))
        );
        assert_eq!(
            parse("/my.bucket-1/a/b%2Bc%23d%3F.png"),
            Some(("my.bucket-1".into(), "a/b+c#d?.png".into()))
        );
        for bad in [
            "/demo",
            "/demo%2F",
            "/De-mo/a.jpg",
            "/ab/a.jpg",
            "/demo/%ZZ",
            "/demo/%FF%FE",
            "/%2E%2E/x",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }
}
