//! The log's redaction, levels and writer, checked through real subscribers and files.
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

/// A burst of many more lines than the queue holds reaches the file whole, in order.
#[test]
fn a_burst_longer_than_the_queue_loses_no_line() {
    let dir = tempfile::tempdir().unwrap();
    let (nb, guard) = background_writer(tracing_appender::rolling::never(dir.path(), "b.log"));
    let sub = tracing_subscriber::fmt().with_ansi(false).with_writer(nb).finish();
    let lines = QUEUED_LINES * 5;
    tracing::subscriber::with_default(sub, || (0..lines).for_each(|i| tracing::info!("line {i}")));
    drop(guard);
    let text = std::fs::read_to_string(dir.path().join("b.log")).unwrap();
    let got: Vec<usize> = text.lines().filter_map(|l| l.rsplit("line ").next()?.parse().ok()).collect();
    assert_eq!(got, (0..lines).collect::<Vec<_>>());
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
