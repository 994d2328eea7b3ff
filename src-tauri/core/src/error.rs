//! The one error type of BucketLens: every failure becomes a kind the UI can explain, with a next step.

use serde::ser::SerializeStruct;
use serde::Serialize;
use ts_rs::TS;

/// Context that travels with an error: a human message and, where known, what it was about.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Detail {
    pub message: String,
    pub profile: Option<String>,
    pub bucket: Option<String>,
    pub key: Option<String>,
    /// The HTTP status and S3 error code, when a server answered (for retry decisions; not shown). Boxed to
    /// keep the error small.
    pub answer: Option<Box<(u16, Option<String>)>>,
}

impl Detail {
    pub fn msg(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            ..Self::default()
        }
    }
    pub fn bucket(mut self, bucket: impl Into<String>) -> Self {
        self.bucket = Some(bucket.into());
        self
    }
    pub fn key(mut self, key: impl Into<String>) -> Self {
        self.key = Some(key.into());
        self
    }
    pub fn profile(mut self, profile: impl Into<String>) -> Self {
        self.profile = Some(profile.into());
        self
    }
    /// Records what the server answered.
    pub fn answered(mut self, status: u16, code: Option<&str>) -> Self {
        self.answer = Some(Box::new((status, code.map(str::to_owned))));
        self
    }
    /// The HTTP status the server answered, if one did.
    pub fn status(&self) -> Option<u16> {
        self.answer.as_ref().map(|a| a.0)
    }
    /// The S3 error code the server answered, if any.
    pub fn code(&self) -> Option<&str> {
        self.answer.as_ref().and_then(|a| a.1.as_deref())
    }
}

macro_rules! error_kinds {
    ($( $variant:ident => $key:literal, $next:literal; )*) => {
        /// What went wrong, as a stable name the UI and scripts can switch on.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
        #[non_exhaustive]
        pub enum ErrorKind { $($variant,)* }

        /// The BucketLens error. Crosses IPC as `{kind, message, messageKey, nextStep, ...}`.
        #[derive(Debug, Clone, PartialEq, Eq)]
        #[non_exhaustive]
        pub enum Error { $($variant(Detail),)* }

        impl Error {
            pub fn kind(&self) -> ErrorKind {
                match self { $(Error::$variant(_) => ErrorKind::$variant,)* }
            }
            pub fn detail(&self) -> &Detail {
                match self { $(Error::$variant(d) => d,)* }
            }
            pub fn detail_mut(&mut self) -> &mut Detail {
                match self { $(Error::$variant(d) => d,)* }
            }
            pub fn new(kind: ErrorKind, detail: Detail) -> Self {
                match kind { $(ErrorKind::$variant => Error::$variant(detail),)* }
            }
        }

        impl ErrorKind {
            /// Every kind, for catalogs and tests.
            pub const ALL: &'static [ErrorKind] = &[$(ErrorKind::$variant,)*];
            /// The i18n key of the sentence that explains this kind.
            pub fn message_key(self) -> &'static str {
                match self { $(ErrorKind::$variant => $key,)* }
            }
            /// What the user can do next, in English (the UI translates by `message_key`).
            pub fn next_step(self) -> &'static str {
                match self { $(ErrorKind::$variant => $next,)* }
            }
            pub fn name(self) -> &'static str {
                match self { $(ErrorKind::$variant => stringify!($variant),)* }
            }
        }
    };
}

error_kinds! {
    NoCredentials => "error.noCredentials", "Add credentials for this profile (aws configure --profile NAME) or pick another profile in Settings.";
    ProfileNotFound => "error.profileNotFound", "Pick a profile that exists in ~/.aws/config or ~/.aws/credentials, or reload profiles.";
    InvalidProfile => "error.invalidProfile", "Fix the AWS config file named in the message; the previous profile stays usable.";
    AccessDenied => "error.accessDenied", "Ask an administrator for the missing S3 permission on this bucket, or switch to a profile that has it.";
    InvalidAccessKey => "error.invalidAccessKey", "The access key is not known to this server: check the profile's keys or endpoint.";
    NoSuchBucket => "error.noSuchBucket", "Check the bucket name and the region or endpoint of the profile.";
    NoSuchKey => "error.noSuchKey", "The object was moved or deleted: refresh the folder.";
    ExpiredToken => "error.expiredToken", "The temporary credentials expired: sign in again or refresh them, then retry.";
    SsoLoginRequired => "error.ssoLoginRequired", "Sign in with SSO (Sign in, next to the profile), then retry.";
    MfaRejected => "error.mfaRejected", "Type the code your MFA device shows now (it changes every 30 seconds), then retry.";
    SignatureMismatch => "error.signatureMismatch", "The secret key does not match the access key: check the profile's credentials.";
    ExpiredUrl => "error.expiredUrl", "The link expired: make a new one.";
    ClockSkew => "error.clockSkew", "This computer's clock is off: set the time automatically, then retry.";
    Network => "error.network", "Check the network connection and the endpoint, then retry.";
    TlsUntrusted => "error.tlsUntrusted", "Ask IT to install the company's root certificate on this computer (or name it in SSL_CERT_FILE), then retry.";
    Throttled => "error.throttled", "The server asked to slow down: wait a moment and retry.";
    AlreadyExists => "error.alreadyExists", "An object with this name exists: replace it, keep both, or skip.";
    PreconditionFailed => "error.preconditionFailed", "The object changed meanwhile: refresh and retry.";
    InvalidInput => "error.invalidInput", "Correct the value described in the message.";
    UnsupportedType => "error.unsupportedType", "Choose a file of an allowed type (see Settings → Uploads).";
    Cancelled => "error.cancelled", "Nothing was changed.";
    Io => "error.io", "Check that the file exists and can be read, and that the disk has room.";
    FileChanged => "error.fileChanged", "Wait until the file is no longer being written, then upload it again.";
    UpdateRejected => "error.updateRejected", "Nothing was installed. Download the release from the project's page, or ask IT whether updates are mirrored.";
    Internal => "error.internal", "Retry; if it happens again, send the log file from Help → Open log folder.";
}

impl Error {
    pub fn message(&self) -> &str {
        &self.detail().message
    }
    pub fn invalid_input(message: impl Into<String>) -> Self {
        Error::InvalidInput(Detail::msg(message))
    }
    pub fn internal(message: impl Into<String>) -> Self {
        Error::Internal(Detail::msg(message))
    }
    pub fn io(context: &str, err: std::io::Error) -> Self {
        Error::Io(Detail::msg(format!("{context}: {err}")))
    }
    /// Adds the bucket and key the failed call was about, when the error does not name them yet.
    pub fn about(mut self, bucket: &str, key: Option<&str>) -> Self {
        let d = self.detail_mut();
        if d.bucket.is_none() {
            d.bucket = Some(bucket.to_owned());
        }
        if d.key.is_none() {
            d.key = key.map(str::to_owned);
        }
        self
    }
    /// One sentence for a terminal: what happened, then what to do.
    pub fn friendly(&self) -> String {
        format!("{}: {}\n{}", self.kind().name(), self.message(), self.kind().next_step())
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.kind().name(), self.message())
    }
}

impl std::error::Error for Error {}

/// The JSON shape of [`Error`] as the UI receives it (generated into the TypeScript bindings).
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
pub struct ErrorPayload {
    pub kind: ErrorKind,
    pub message: String,
    pub message_key: String,
    pub next_step: String,
    #[ts(optional)]
    pub profile: Option<String>,
    #[ts(optional)]
    pub bucket: Option<String>,
    #[ts(optional)]
    pub key: Option<String>,
}

/// Serialising is how an error reaches a person (the window over IPC, the CLI's `--json`), so it is also
/// where each one is logged: the log then holds every error anyone was shown, through the redacting writer.
impl Serialize for Error {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let d = self.detail();
        tracing::warn!(
            target: "bucketlens::shown",
            kind = self.kind().name(),
            message = %d.message,
            profile = d.profile.as_deref(),
            bucket = d.bucket.as_deref(),
            key = d.key.as_deref(),
            "error shown"
        );
        let extra = [&d.profile, &d.bucket, &d.key].iter().filter(|v| v.is_some()).count();
        let mut st = s.serialize_struct("Error", 4 + extra)?;
        st.serialize_field("kind", &self.kind())?;
        st.serialize_field("message", &d.message)?;
        st.serialize_field("messageKey", self.kind().message_key())?;
        st.serialize_field("nextStep", self.kind().next_step())?;
        for (name, v) in [("profile", &d.profile), ("bucket", &d.bucket), ("key", &d.key)] {
            if let Some(v) = v {
                st.serialize_field(name, v)?;
            }
        }
        st.end()
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::Io(Detail::msg(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_as_kind_message_data() {
        let e = Error::AccessDenied(Detail::msg("Access Denied").bucket("reports"));
        let v = serde_json::to_value(&e).unwrap();
        assert_eq!(
            v,
            serde_json::json!({
                "kind": "AccessDenied",
                "message": "Access Denied",
                "messageKey": "error.accessDenied",
                "nextStep": ErrorKind::AccessDenied.next_step(),
                "bucket": "reports"
            })
        );
    }

    #[test]
    fn every_kind_has_distinct_key_and_a_next_step() {
        let mut keys = std::collections::HashSet::new();
        for k in ErrorKind::ALL {
            assert!(keys.insert(k.message_key()), "duplicate key {}", k.message_key());
            assert!(k.next_step().len() > 10);
            let e = Error::new(*k, Detail::msg("x"));
            assert_eq!(e.kind(), *k);
            assert_eq!(serde_json::to_value(&e).unwrap()["kind"], serde_json::json!(k.name()));
        }
    }
}
