//! Turns AWS SDK, credential and plain-HTTP S3 failures into [`Error`] kinds, the same way for every server.

use crate::error::{Detail, Error, ErrorKind};
use aws_credential_types::provider::error::CredentialsError;
use aws_sdk_s3::error::{ProvideErrorMetadata, SdkError};
use aws_smithy_runtime_api::client::orchestrator::HttpResponse;

/// Maps an S3 error code (and HTTP status, for bodiless answers such as HEAD) to a kind.
pub fn kind_from_s3(code: Option<&str>, status: Option<u16>, message: &str) -> ErrorKind {
    match code.unwrap_or("") {
        "AccessDenied" | "AllAccessDisabled" | "AccountProblem" => {
            if message.contains("expired") || message.contains("Request has expired") {
                ErrorKind::ExpiredUrl
            } else {
                ErrorKind::AccessDenied
            }
        }
        "InvalidAccessKeyId" => ErrorKind::InvalidAccessKey,
        "NoSuchBucket" => ErrorKind::NoSuchBucket,
        "NoSuchKey" | "NotFound" => ErrorKind::NoSuchKey,
        "ExpiredToken" | "TokenRefreshRequired" | "InvalidToken" => ErrorKind::ExpiredToken,
        "SignatureDoesNotMatch" | "AuthorizationHeaderMalformed" => ErrorKind::SignatureMismatch,
        "RequestTimeTooSkewed" => ErrorKind::ClockSkew,
        "RequestExpired" => ErrorKind::ExpiredUrl,
        "SlowDown" | "Throttling" | "ThrottlingException" | "RequestLimitExceeded" | "TooManyRequests" => ErrorKind::Throttled,
        "PreconditionFailed" => ErrorKind::PreconditionFailed,
        "BucketAlreadyExists" | "BucketAlreadyOwnedByYou" => ErrorKind::AlreadyExists,
        "InvalidBucketName"
        | "KeyTooLongError"
        | "InvalidArgument"
        | "InvalidRequest"
        | "EntityTooLarge"
        | "EntityTooSmall"
        | "BadDigest"
        | "InvalidDigest"
        | "XAmzContentSHA256Mismatch"
        | "InvalidPart" => ErrorKind::InvalidInput,
        "" => match status {
            Some(401 | 403) => ErrorKind::AccessDenied,
            Some(404) => ErrorKind::NoSuchKey,
            Some(412) => ErrorKind::PreconditionFailed,
            Some(429 | 503) => ErrorKind::Throttled,
            _ => ErrorKind::Internal,
        },
        _ if status == Some(403) => ErrorKind::AccessDenied,
        _ if status == Some(503) => ErrorKind::Throttled,
        _ => ErrorKind::Internal,
    }
}

/// Reads `<Code>` and `<Message>` out of an S3 XML error body (presigned requests get these raw).
pub fn parse_s3_error_body(body: &str) -> (Option<String>, Option<String>) {
    fn tag(body: &str, name: &str) -> Option<String> {
        let open = format!("<{name}>");
        let start = body.find(&open)? + open.len();
        let end = body[start..].find(&format!("</{name}>"))? + start;
        Some(body[start..end].trim().to_owned())
    }
    (tag(body, "Code"), tag(body, "Message"))
}

/// Builds the error for a failed plain-HTTP request against a presigned URL; `date` is the answer's `Date`
/// header, which tells a clock that is off from a link that really expired.
pub fn from_http(status: u16, date: Option<&str>, body: &str) -> Error {
    let (code, message) = parse_s3_error_body(body);
    let message = message.unwrap_or_else(|| match &code {
        Some(c) => c.clone(),
        None => format!("HTTP {status}"),
    });
    let kind = kind_from_s3(code.as_deref(), Some(status), &message);
    clock_check(Error::new(kind, Detail::msg(message).answered(status, code.as_deref())), date)
}

/// How far the server's clock (its `Date` header, RFC 7231) is ahead of this computer's, in seconds.
pub fn skew_secs(date: &str, now: std::time::SystemTime) -> Option<i64> {
    let server = chrono::DateTime::parse_from_rfc2822(date.trim()).ok()?.timestamp();
    let here = now.duration_since(std::time::SystemTime::UNIX_EPOCH).ok()?.as_secs() as i64;
    Some(server - here)
}

fn span(secs: i64) -> String {
    let s = secs.unsigned_abs();
    match (s / 3600, s / 60 % 60, s % 60) {
        (0, 0, s) => format!("{s} s"),
        (0, m, s) => format!("{m} min {s} s"),
        (h, m, _) => format!("{h} h {m} min"),
    }
}

/// A refusal that this computer's clock explains becomes ClockSkew, saying by how much and which way: a link
/// that expired although fresh (more than a minute apart), any 403 or a "too skewed" answer (more than five).
fn clock_check(err: Error, date: Option<&str>) -> Error {
    let Some(skew) = date.and_then(|d| skew_secs(d, std::time::SystemTime::now())) else {
        return err;
    };
    let limit = match err.kind() {
        ErrorKind::ExpiredUrl => 60,
        ErrorKind::ClockSkew => 0,
        _ if err.detail().status() == Some(403) => 300,
        _ => return err,
    };
    if skew.abs() <= limit {
        return err;
    }
    let way = if skew > 0 { "behind" } else { "ahead of" };
    let mut d = err.detail().clone();
    d.message = format!(
        "this computer's clock is {} {way} the server's (server: {}); signatures and links are made with this \
         computer's time ({})",
        span(skew),
        date.unwrap_or_default().trim(),
        d.message
    );
    Error::ClockSkew(d)
}

/// Maps a credentials-provider failure: SSO token trouble asks for a sign-in, the rest for credentials.
/// A failed `credential_process` reports its stderr, which may hold a token or a password: only its size
/// is kept, so it reaches neither the window nor the log.
fn without_process_stderr(text: String) -> String {
    const MARK: &str = "Stderr: ";
    match text
        .find("external process exited")
        .and_then(|at| text[at..].find(MARK).map(|i| at + i))
    {
        Some(i) => {
            let hidden = text.len() - i - MARK.len();
            format!(
                "{}(its error output, {hidden} bytes, is not shown because it may hold secrets; run the \
                 command in a terminal to read it)",
                &text[..i]
            )
        }
        None => text,
    }
}

pub fn from_credentials(err: &CredentialsError, profile: &str) -> Error {
    // A provider of ours (an MFA role) already says what went wrong.
    let mut src: Option<&(dyn std::error::Error + 'static)> = Some(err);
    while let Some(e) = src {
        if let Some(ours) = e.downcast_ref::<Error>() {
            let mut ours = ours.clone();
            if !profile.is_empty() {
                ours.detail_mut().profile.get_or_insert_with(|| profile.to_owned());
            }
            return ours;
        }
        src = e.source();
    }
    // The kind may come from what the process said ("expired"); the message keeps none of it.
    let text = full_chain(err);
    let lower = text.to_lowercase();
    // The SSO portal answers UnauthorizedException for a token it no longer accepts (revoked, session ended).
    let kind = if (lower.contains("sso") && (lower.contains("token") || lower.contains("login") || lower.contains("expired")))
        || lower.contains("unauthorizedexception")
    {
        ErrorKind::SsoLoginRequired
    } else if lower.contains("expired") {
        ErrorKind::ExpiredToken
    } else if lower.contains("profile")
        && (lower.contains("not found") || lower.contains("not defined") || lower.contains("could not find"))
    {
        ErrorKind::ProfileNotFound
    } else if matches!(err, CredentialsError::InvalidConfiguration(_)) {
        ErrorKind::InvalidProfile
    } else {
        ErrorKind::NoCredentials
    };
    Error::new(kind, Detail::msg(without_process_stderr(text)).profile(profile))
}

/// Maps any SDK operation error.
pub fn from_sdk<E>(err: SdkError<E, HttpResponse>) -> Error
where
    E: ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
{
    // Credential failures surface as a source somewhere in the chain.
    let mut src: Option<&(dyn std::error::Error + 'static)> = Some(&err);
    while let Some(e) = src {
        if let Some(c) = e.downcast_ref::<CredentialsError>() {
            return from_credentials(c, "");
        }
        src = e.source();
    }
    match &err {
        SdkError::ServiceError(se) => {
            let status = se.raw().status().as_u16();
            let code = se.err().code();
            let message = se
                .err()
                .message()
                .map(str::to_owned)
                .unwrap_or_else(|| code.map(str::to_owned).unwrap_or_else(|| format!("HTTP {status}")));
            let err = Error::new(
                kind_from_s3(code, Some(status), &message),
                Detail::msg(message).answered(status, code),
            );
            clock_check(err, se.raw().headers().get("date"))
        }
        SdkError::DispatchFailure(_) | SdkError::TimeoutError(_) => network(full_chain(&err)),
        SdkError::ResponseError(r) => {
            let status = r.raw().status().as_u16();
            Error::new(
                kind_from_s3(None, Some(status), ""),
                Detail::msg(full_chain(&err)).answered(status, None),
            )
        }
        _ => {
            let text = full_chain(&err);
            let kind = if text.contains("credentials") || text.contains("identity") {
                ErrorKind::NoCredentials
            } else {
                ErrorKind::Internal
            };
            Error::new(kind, Detail::msg(text))
        }
    }
}

/// The error and all its sources in one line, so nothing useful is hidden behind "dispatch failure".
pub fn full_chain(err: &(dyn std::error::Error + 'static)) -> String {
    let mut out = err.to_string();
    let mut src = err.source();
    while let Some(e) = src {
        let s = e.to_string();
        if !out.contains(&s) {
            out.push_str(": ");
            out.push_str(&s);
        }
        src = e.source();
    }
    out
}

/// A failure to reach the server; one whose certificate this computer does not trust (a company proxy or an
/// internal CA missing from the system's store) says so, since checking the network would not help.
fn network(text: String) -> Error {
    let lower = text.to_lowercase();
    if lower.contains("certificate") || lower.contains("unknownissuer") {
        return Error::TlsUntrusted(Detail::msg(format!(
            "the server's TLS certificate is not trusted by this computer ({text})"
        )));
    }
    Error::Network(Detail::msg(text))
}

impl From<reqwest::Error> for Error {
    fn from(e: reqwest::Error) -> Self {
        if e.is_connect() || e.is_timeout() || e.is_request() || e.is_body() {
            network(crate::logging::redact(&full_chain(&e)))
        } else {
            Error::Internal(Detail::msg(crate::logging::redact(&full_chain(&e))))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_map_to_kinds() {
        assert_eq!(kind_from_s3(Some("NoSuchBucket"), Some(404), ""), ErrorKind::NoSuchBucket);
        assert_eq!(
            kind_from_s3(Some("SignatureDoesNotMatch"), Some(403), ""),
            ErrorKind::SignatureMismatch
        );
        assert_eq!(
            kind_from_s3(Some("AccessDenied"), Some(403), "Request has expired"),
            ErrorKind::ExpiredUrl
        );
        assert_eq!(kind_from_s3(None, Some(404), ""), ErrorKind::NoSuchKey);
        assert_eq!(kind_from_s3(None, Some(412), ""), ErrorKind::PreconditionFailed);
        assert_eq!(kind_from_s3(Some("SlowDown"), Some(503), ""), ErrorKind::Throttled);
        assert_eq!(kind_from_s3(Some("Weird"), Some(500), ""), ErrorKind::Internal);
    }

    #[test]
    fn xml_body_is_parsed() {
        let body = "<?xml version=\"1.0\"?><Error><Code>NoSuchKey</Code><Message>The key does not exist</Message></Error>";
        let e = from_http(404, None, body);
        assert_eq!(e.kind(), ErrorKind::NoSuchKey);
        assert_eq!(e.message(), "The key does not exist");
        assert_eq!(from_http(403, None, "").kind(), ErrorKind::AccessDenied);
    }

    fn date_in(secs: i64) -> String {
        let t = chrono::Utc::now() + chrono::Duration::seconds(secs);
        t.format("%a, %d %b %Y %H:%M:%S GMT").to_string()
    }

    #[test]
    fn a_refusal_the_clock_explains_is_clock_skew_with_the_difference() {
        let expired = "<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>";
        let denied = "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>";
        // A fresh link refused as expired by a server 17 minutes ahead.
        let e = from_http(403, Some(&date_in(17 * 60 + 3)), expired);
        assert_eq!(e.kind(), ErrorKind::ClockSkew, "{e}");
        assert!(
            e.message().contains("is 17 min") && e.message().contains("behind the server's"),
            "{e}"
        );
        assert!(e.message().contains("Request has expired"), "{e}");
        // Two hours behind the server: a plain 403 too.
        let e = from_http(403, Some(&date_in(-2 * 3600 - 60)), denied);
        assert_eq!(e.kind(), ErrorKind::ClockSkew, "{e}");
        assert!(e.message().contains("2 h 1 min ahead of"), "{e}");
        // Clocks that agree leave the answer as it was.
        assert_eq!(from_http(403, Some(&date_in(2)), expired).kind(), ErrorKind::ExpiredUrl);
        assert_eq!(from_http(403, Some(&date_in(200)), denied).kind(), ErrorKind::AccessDenied);
        assert_eq!(from_http(404, Some(&date_in(3600)), "").kind(), ErrorKind::NoSuchKey);
        assert_eq!(from_http(403, Some("not a date"), expired).kind(), ErrorKind::ExpiredUrl);
    }
}
