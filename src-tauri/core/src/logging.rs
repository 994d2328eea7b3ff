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
    fn a_user_and_password_in_a_url_are_removed() {
        let r = redact("endpoint http://minio:s3cr3t-pass@10.0.0.5:9000/ refused; also https://tok@host.example");
        assert_eq!(
            r,
            "endpoint http://REDACTED@10.0.0.5:9000/ refused; also https://REDACTED@host.example"
        );
        assert_eq!(redact("mail hanako@example.com"), "mail hanako@example.com");
    }

    #[test]
    fn header_forms_are_removed() {
        let r = redact("authorization: AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/2026/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=0123456789abcdef0123456789abcdef\nnext line");
        assert!(!r.contains("AKIAEXAMPLE") && !r.contains("0123456789abcdef"), "{r}");
        assert!(r.contains("next line"));
        let r = redact("x-amz-security-token: FQoGZXIvYXdzEXAMPLETOKEN");
        assert!(!r.contains("FQoG"), "{r}");
    }

    /// Runs `f` with logging into a file through the redacting writer; returns `f`'s value and the file.
    fn logged<T>(f: impl FnOnce() -> T) -> (T, String) {
        let dir = tempfile::tempdir().unwrap();
        let appender = tracing_appender::rolling::never(dir.path(), "t.log");
        let sub = tracing_subscriber::fmt()
            .with_ansi(false)
            .with_writer(RedactingMakeWriter(std::sync::Mutex::new(appender)))
            .finish();
        let out = tracing::subscriber::with_default(sub, f);
        (out, std::fs::read_to_string(dir.path().join("t.log")).unwrap())
    }

    #[test]
    fn log_file_never_holds_a_signature() {
        let ((), text) = logged(|| tracing::info!(url = URL, "minted"));
        assert!(text.contains("minted"), "{text}");
        assert!(!text.contains("0123456789abcdef") && !text.contains("AKIAEXAMPLE"), "{text}");
    }

    #[test]
    fn an_error_shown_to_a_person_is_logged_redacted() {
        let e = crate::Error::ExpiredUrl(crate::error::Detail::msg(format!("GET {URL} answered 403")).bucket("docs"));
        let (json, text) = logged(|| serde_json::to_string(&e).unwrap());
        assert!(json.contains("0123456789abcdef"), "the window gets the message as it is");
        assert!(
            text.contains("error shown") && text.contains("ExpiredUrl") && text.contains("docs"),
            "{text}"
        );
        assert!(!text.contains("0123456789abcdef"), "{text}");
    }

    #[test]
    fn every_encoded_json_xml_and_ini_form_is_removed() {
        let secret = "wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY";
        let token = "IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN";
        let sig = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        let forms = [
            format!("https://x/?u=https%3A%2F%2Fb%2Fk%3FX-Amz-Signature%3D{sig}%26X-Amz-Expires%3D300"),
            format!("u=https%253A%252F%252Fb%252Fk%253FX-Amz-Signature%253D{sig}%2526X"),
            format!("X-Amz-Security-Token%253D{token}"),
            format!(r#"{{"AccessKeyId":"AKIAEXAMPLE","SecretAccessKey":"{secret}","SessionToken":"{token}"}}"#),
            format!(r#"{{"secretAccessKey": "{secret}", "sessionToken": "{token}"}}"#),
            format!("<Credentials><SecretAccessKey>{secret}</SecretAccessKey><SessionToken>{token}</SessionToken></Credentials>"),
            format!("[work]\naws_secret_access_key = {secret}\naws_session_token={token}\naws_security_token = {token}\n"),
            format!("Credentials {{ secret_access_key: {secret}, session_token: {token} }}"),
        ];
        for f in &forms {
            let r = redact(f);
            assert!(!r.contains(secret) && !r.contains(token) && !r.contains(sig), "{r}");
            assert!(r.contains("REDACTED"), "{r}");
        }
        assert!(redact(&forms[3]).contains("AKIAEXAMPLE"), "an access key id alone is not a secret");
        assert!(redact(&forms[6]).starts_with("[work]\n"), "other INI lines stay");
    }

    #[test]
    fn a_credential_process_s_error_output_is_removed() {
        let line = "WARN provider failed error=Error retrieving credentials: external process exited with code exit \
                    status: 3. Stderr: token=hunter2\nmore secret\n profile=\"proc\"\n";
        let r = redact(line);
        assert!(!r.contains("hunter2") && !r.contains("more secret"), "{r}");
        assert!(r.ends_with("Stderr: REDACTED\n") && r.contains("exit status: 3"), "{r}");
    }

    #[test]
    fn http_crates_stop_at_debug_even_at_trace() {
        use std::sync::{Arc, Mutex};
        #[derive(Clone, Default)]
        struct Buf(Arc<Mutex<Vec<u8>>>);
        impl Write for Buf {
            fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
                self.0.lock().unwrap().extend_from_slice(b);
                Ok(b.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        for level in ["trace", "info,aws_smithy_runtime=trace"] {
            let buf = Buf::default();
            let out = buf.clone();
            let sub = tracing_subscriber::registry()
                .with(filter(level))
                .with(tracing_subscriber::fmt::layer().with_ansi(false).with_writer(move || out.clone()));
            tracing::subscriber::with_default(sub, || {
                tracing::trace!(target: "aws_smithy_runtime::client::orchestrator", "response body: secret");
                tracing::debug!(target: "aws_smithy_runtime::client::orchestrator", "sending request");
                tracing::trace!(target: "bucketlens_core::listing", "own trace");
            });
            let text = String::from_utf8(buf.0.lock().unwrap().clone()).unwrap();
            assert!(!text.contains("response body"), "{level}: {text}");
            assert!(text.contains("sending request"), "{level}: {text}");
            assert_eq!(text.contains("own trace"), level == "trace", "{level}: {text}");
        }
    }

    #[test]
    fn log_levels_are_validated() {
        for ok in ["info", "debug", "warn,bucketlens_core=debug", "error"] {
            assert_eq!(validate_level(ok), Ok(()), "{ok}");
        }
        for bad in ["", "  ", "loud", "bucketlens_core=verbose"] {
            assert!(validate_level(bad).is_err(), "{bad:?}");
        }
    }
}
