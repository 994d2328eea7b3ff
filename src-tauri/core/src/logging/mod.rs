//! Logging to a daily rolling file and stderr, with presigned-URL secrets removed before anything is written.

use std::io::Write;
use std::path::Path;
use std::sync::OnceLock;
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::prelude::*;
use tracing_subscriber::EnvFilter;

fn patterns() -> &'static [(regex::Regex, &'static str); 6] {
    static RE: OnceLock<[(regex::Regex, &'static str); 6]> = OnceLock::new();
    RE.get_or_init(|| {
        let re = |p: &str| regex::Regex::new(p).unwrap();
        [
            // Query-string form: X-Amz-Signature=..., also percent-encoded once or more inside another URL
            // (`%3D`, `%253D`, …).
            (
                re(r"(?i)(x-amz-(?:signature|credential|security-token))(=|%(?:25)*3D)[^&\s'\x22<>]+"),
                "${1}${2}REDACTED",
            ),
            // Header form: x-amz-security-token: ...
            (
                re(r"(?i)(x-amz-security-token|authorization)(\x22?\s*:\s*\x22?)[^\n\x22}]+"),
                "${1}${2}REDACTED",
            ),
            // Signature=... inside an Authorization header value.
            (
                re(r"(?i)\b(Signature|Credential)=([0-9a-f]{16,}|[A-Z0-9]{16,}/[^,\s]+)"),
                "${1}=REDACTED",
            ),
            // JSON (`"SecretAccessKey": "…"`), INI (`aws_secret_access_key = …`) and debug (`session_token: …`)
            // forms of secret keys and session tokens, in any case and spelling.
            (
                re(r"(?i)(\x22?\b(?:aws_)?(?:secret_?access_?key|session_?token|security_?token)\x22?\s*[:=]\s*\x22?)[^\s\x22,}&]+"),
                "${1}REDACTED",
            ),
            // XML form, as STS and SSO answer: <SecretAccessKey>…</SecretAccessKey>, <SessionToken>…</SessionToken>.
            (re(r"(?i)(<(?:SecretAccessKey|SessionToken)>)[^<]*(</)"), "${1}REDACTED${2}"),
            // A user name and password inside a URL (an endpoint such as `https://user:pass@host`).
            (re(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/\s@'\x22<>]+@"), "${1}REDACTED@"),
        ]
    })
}

/// Removes signature, credential, secret-key and session-token values from text that may hold URLs,
/// headers, JSON, XML or INI lines.
pub fn redact(text: &str) -> String {
    let mut out = std::borrow::Cow::Borrowed(text);
    for (re, with) in patterns() {
        if let std::borrow::Cow::Owned(s) = re.replace_all(&out, *with) {
            out = std::borrow::Cow::Owned(s);
        }
    }
    // A failed credential_process's error output, as aws-config words it in its warnings: it may hold
    // anything the command printed, over several lines, so the rest of the record goes.
    const STDERR: &str = "Stderr: ";
    let cut = out
        .find("external process exited")
        .and_then(|at| out[at..].find(STDERR).map(|i| at + i + STDERR.len()));
    match cut {
        Some(i) => format!("{}REDACTED{}", &out[..i], if out.ends_with('\n') { "\n" } else { "" }),
        None => out.into_owned(),
    }
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

/// The crates that carry HTTP traffic: at trace level they log request and response bodies, which can
/// hold credentials (STS, SSO answers), so they never go past debug whatever the level says.
const HTTP_CRATES: &[&str] = &[
    "aws_smithy_runtime",
    "aws_smithy_runtime_api",
    "aws_smithy_http_client",
    "aws_smithy_http",
    "aws_sigv4",
    "hyper",
    "hyper_util",
    "h2",
    "reqwest",
    "rustls",
];

/// Checks a log level: a tracing filter such as "info" or "warn,bucketlens_core=debug".
pub fn validate_level(level: &str) -> Result<(), String> {
    if level.trim().is_empty() {
        return Err("must not be empty (use error, warn, info or debug)".into());
    }
    const LEVELS: &[&str] = &["off", "error", "warn", "info", "debug", "trace"];
    let target = |t: &str| !t.is_empty() && t.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == ':');
    for part in level.split(',').map(str::trim) {
        let ok = match part.split_once('=') {
            None => LEVELS.contains(&part.to_ascii_lowercase().as_str()),
            Some((t, l)) => target(t) && LEVELS.contains(&l.to_ascii_lowercase().as_str()),
        };
        if !ok {
            return Err(format!(
                "{part:?} is not a log level (use error, warn, info, debug, or crate=level such as bucketlens_core=debug)"
            ));
        }
    }
    EnvFilter::builder()
        .parse(level)
        .map(|_| ())
        .map_err(|e| format!("{level:?} is not a log level: {e}"))
}

/// The filter for `level` (the "info" default when it does not parse), with the HTTP crates capped at debug.
pub fn filter(level: &str) -> EnvFilter {
    let mut f = EnvFilter::builder().parse(level).unwrap_or_else(|_| EnvFilter::new("info"));
    if level.to_ascii_lowercase().contains("trace") {
        for c in HTTP_CRATES {
            f = f.add_directive(format!("{c}=debug").parse().expect("a valid directive"));
        }
    }
    f
}

/// Keeps the background log writer alive; drop it at exit to flush.
pub struct LogGuard(#[allow(dead_code)] Option<tracing_appender::non_blocking::WorkerGuard>);

/// Lines waiting for the log writer's thread. The channel is allocated and written in full when logging starts, so
/// its size is resident all the time: the library's default of 128,000 lines held 4 MB of the idle app.
const QUEUED_LINES: usize = 4096;

/// The file's writer on its own thread. When the queue is full a line waits for room instead of being dropped.
fn background_writer<W: std::io::Write + Send + 'static>(
    w: W,
) -> (
    tracing_appender::non_blocking::NonBlocking,
    tracing_appender::non_blocking::WorkerGuard,
) {
    tracing_appender::non_blocking::NonBlockingBuilder::default()
        .buffered_lines_limit(QUEUED_LINES)
        .lossy(false)
        .finish(w)
}

/// Starts logging into `dir/bucketlens.log.YYYY-MM-DD` (kept 14 days) and stderr.
/// `level` is a tracing filter such as "info" or "bucketlens_core=debug"; `RUST_LOG` wins when set.
pub fn init(dir: &Path, level: &str) -> LogGuard {
    let filter = filter(&std::env::var("RUST_LOG").unwrap_or_else(|_| level.to_owned()));
    let _ = std::fs::create_dir_all(dir);
    let appender = tracing_appender::rolling::Builder::new()
        .rotation(tracing_appender::rolling::Rotation::DAILY)
        .filename_prefix("bucketlens")
        .filename_suffix("log")
        .max_log_files(14)
        .build(dir);
    let (file_layer, guard) = match appender {
        Ok(app) => {
            let (nb, guard) = background_writer(app);
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
mod tests;
