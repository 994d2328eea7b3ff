//! Logging to a daily rolling file and stderr, with presigned-URL secrets removed before anything is written.

use std::io::Write;
use std::path::Path;
use std::sync::OnceLock;
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::prelude::*;
use tracing_subscriber::EnvFilter;

fn patterns() -> &'static [regex::Regex; 3] {
    static RE: OnceLock<[regex::Regex; 3]> = OnceLock::new();
    RE.get_or_init(|| {
        [
            // Query-string form: X-Amz-Signature=..., also when percent-encoded inside another URL.
            regex::Regex::new(r"(?i)(x-amz-(?:signature|credential|security-token))(=|%3D)[^&\s'\x22<>]+").unwrap(),
            // Header form: x-amz-security-token: ...
            regex::Regex::new(r"(?i)(x-amz-security-token|authorization)(\x22?\s*:\s*\x22?)[^\n\x22}]+").unwrap(),
            // Signature=... inside an Authorization header value.
            regex::Regex::new(r"(?i)\b(Signature|Credential)=([0-9a-f]{16,}|[A-Z0-9]{16,}/[^,\s]+)").unwrap(),
        ]
    })
}

/// Removes signature, credential and session-token values from text that may hold URLs or headers.
pub fn redact(text: &str) -> String {
    let [q, h, a] = patterns();
    let s = q.replace_all(text, "${1}${2}REDACTED");
    let s = h.replace_all(&s, "${1}${2}REDACTED");
    a.replace_all(&s, "${1}=REDACTED").into_owned()
}

/// A writer that redacts each formatted log record before passing it on.
pub struct Redacting<W>(W);

impl<W: Write> Write for Redacting<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let text = String::from_utf8_lossy(buf);
        self.0.write_all(redact(&text).as_bytes())?;
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

/// Wraps a `MakeWriter` so every writer it makes redacts.
pub struct RedactingMakeWriter<M>(pub M);

impl<'a, M: MakeWriter<'a>> MakeWriter<'a> for RedactingMakeWriter<M> {
    type Writer = Redacting<M::Writer>;
    fn make_writer(&'a self) -> Self::Writer {
        Redacting(self.0.make_writer())
    }
}

/// Keeps the background log writer alive; drop it at exit to flush.
pub struct LogGuard(#[allow(dead_code)] Option<tracing_appender::non_blocking::WorkerGuard>);

/// Starts logging into `dir/bucketlens.log.YYYY-MM-DD` (kept 14 days) and stderr.
/// `level` is a tracing filter such as "info" or "bucketlens_core=debug"; `RUST_LOG` wins when set.
pub fn init(dir: &Path, level: &str) -> LogGuard {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(level));
    let _ = std::fs::create_dir_all(dir);
    let appender = tracing_appender::rolling::Builder::new()
        .rotation(tracing_appender::rolling::Rotation::DAILY)
        .filename_prefix("bucketlens")
        .filename_suffix("log")
        .max_log_files(14)
        .build(dir);
    let (file_layer, guard) = match appender {
        Ok(app) => {
            let (nb, guard) = tracing_appender::non_blocking(app);
            let layer = tracing_subscriber::fmt::layer()
                .with_ansi(false)
                .with_writer(RedactingMakeWriter(nb));
            (Some(layer), Some(guard))
        }
        Err(e) => {
            eprintln!("bucketlens: cannot open log folder {}: {e}", dir.display());
            (None, None)
        }
    };
    let stderr = tracing_subscriber::fmt::layer().with_writer(RedactingMakeWriter(std::io::stderr));
    let _ = tracing_subscriber::registry().with(filter).with(file_layer).with(stderr).try_init();
    LogGuard(guard)
}

#[cfg(test)]
mod tests {
    use super::*;

    const URL: &str = "https://b.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F20261128%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20261128T000000Z&X-Amz-Expires=300&X-Amz-SignedHeaders=host&X-Amz-Security-Token=FQoGZXIvYXdzEXAMPLETOKEN&X-Amz-Signature=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    #[test]
    fn presigned_url_secrets_are_removed() {
        let r = redact(URL);
        assert!(!r.contains("AKIAEXAMPLE"), "{r}");
        assert!(!r.contains("0123456789abcdef"), "{r}");
        assert!(!r.contains("FQoGZXIv"), "{r}");
        assert!(r.contains("X-Amz-Expires=300"), "non-secret parts stay: {r}");
        assert!(r.contains("X-Amz-Signature=REDACTED"), "{r}");
    }

    #[test]
    fn header_forms_are_removed() {
        let r = redact("authorization: AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/2026/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=0123456789abcdef0123456789abcdef\nnext line");
        assert!(!r.contains("AKIAEXAMPLE") && !r.contains("0123456789abcdef"), "{r}");
        assert!(r.contains("next line"));
        let r = redact("x-amz-security-token: FQoGZXIvYXdzEXAMPLETOKEN");
        assert!(!r.contains("FQoG"), "{r}");
    }

    #[test]
    fn log_file_never_holds_a_signature() {
        let dir = tempfile::tempdir().unwrap();
        let appender = tracing_appender::rolling::never(dir.path(), "t.log");
        let sub = tracing_subscriber::fmt()
            .with_ansi(false)
            .with_writer(RedactingMakeWriter(std::sync::Mutex::new(appender)))
            .finish();
        tracing::subscriber::with_default(sub, || tracing::info!(url = URL, "minted"));
        let text = std::fs::read_to_string(dir.path().join("t.log")).unwrap();
        assert!(text.contains("minted"), "{text}");
        assert!(!text.contains("0123456789abcdef") && !text.contains("AKIAEXAMPLE"), "{text}");
    }
}
