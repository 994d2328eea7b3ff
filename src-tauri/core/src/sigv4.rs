//! SigV4 query signing below the client, so presigned GET and PUT URLs take microseconds: the SDK's `presigned()` builds a whole operation per URL
//! (~30 µs here); this signs with `aws-sigv4`'s key derivation and HMAC, the signing key cached per
//! day/region, on a per-bucket URL template taken from the SDK and compared with it byte for byte
//! before the bucket uses it. A bucket whose comparison fails stays on the SDK.

use aws_credential_types::Credentials;
use aws_sigv4::sign::v4::{calculate_signature, generate_signing_key};
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::fmt::Write;
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

/// RFC 3986's unreserved characters stay, everything else becomes `%XX`: SigV4's query encoding, S3's
/// `encoding-type=url`, and a safe subset of RFC 5987's attr-char for `filename*`.
pub const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// SigV4's encoding of an object key in the path: unreserved characters and the `/` between segments stay.
const PATH: &AsciiSet = &UNRESERVED.remove(b'/');

/// When a presigned URL starts to be valid, and for how many seconds.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Validity {
    pub from: SystemTime,
    pub secs: u64,
}

/// Where a bucket's objects live: everything before the encoded key, and the signed `host`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Template {
    /// `https://bucket.s3.region.amazonaws.com/` or `http://127.0.0.1:9000/bucket/`.
    base: String,
    /// Index in `base` where the path starts.
    path_at: usize,
    host: String,
}

impl Template {
    /// Reads the template from a URL the SDK presigned for `probe_key` (which needs no escaping).
    pub(crate) fn from_sdk_url(url: &str, probe_key: &str) -> Option<Self> {
        let without_query = url.split_once('?').map_or(url, |(a, _)| a);
        let base = without_query.strip_suffix(probe_key)?;
        let after_scheme = base.find("://")? + 3;
        let path_at = after_scheme + base[after_scheme..].find('/')?;
        let host = base[after_scheme..path_at].to_owned();
        if host.is_empty() || host.contains('@') || !base.ends_with('/') {
            return None;
        }
        Some(Self {
            base: base.to_owned(),
            path_at,
            host,
        })
    }
}

/// What one URL signs besides the key: method, operation, extra query in the SDK's order, headers.
pub(crate) struct Shape<'a> {
    pub method: &'static str,
    pub op: &'static str,
    pub query: &'a [(&'static str, &'a str)],
    /// Lower-case names, in the order the sender is told to send them.
    pub headers: &'a [(String, &'a str)],
}

struct CachedKey {
    access_key: String,
    secret: String,
    region: String,
    date: String,
    key: Vec<u8>,
}

/// Per connection: bucket templates (None = the SDK only) and the current signing key.
#[derive(Default)]
pub(crate) struct FastPresigner {
    templates: Mutex<HashMap<String, Option<Arc<Template>>>>,
    key: Mutex<Option<CachedKey>>,
}

impl std::fmt::Debug for FastPresigner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("FastPresigner")
    }
}

impl FastPresigner {
    /// `Some(Some(t))` ready, `Some(None)` the SDK only, `None` not checked yet.
    pub(crate) fn template(&self, bucket: &str) -> Option<Option<Arc<Template>>> {
        self.templates.lock().unwrap().get(bucket).cloned()
    }

    /// Records the outcome of a bucket's check and returns the template to use, if any.
    pub(crate) fn set_template(&self, bucket: &str, t: Option<Template>) -> Option<Arc<Template>> {
        let t = t.map(Arc::new);
        self.templates.lock().unwrap().insert(bucket.to_owned(), t.clone());
        t
    }

    fn signature(&self, creds: &Credentials, region: &str, date: &str, now: SystemTime, string_to_sign: &str) -> String {
        let mut g = self.key.lock().unwrap();
        let fresh = g.as_ref().is_some_and(|k| {
            k.date == date && k.region == region && k.access_key == creds.access_key_id() && k.secret == creds.secret_access_key()
        });
        if !fresh {
            *g = Some(CachedKey {
                access_key: creds.access_key_id().to_owned(),
                secret: creds.secret_access_key().to_owned(),
                region: region.to_owned(),
                date: date.to_owned(),
                key: generate_signing_key(creds.secret_access_key(), now, region, "s3").as_ref().to_vec(),
            });
        }
        calculate_signature(&g.as_ref().expect("just set").key, string_to_sign.as_bytes())
    }

    /// The presigned URL for `key` under `t`, valid from `valid.from` for `valid.secs` seconds.
    pub(crate) fn sign(&self, t: &Template, creds: &Credentials, region: &str, key: &str, shape: &Shape<'_>, valid: Validity) -> String {
        let Validity { from: now, secs } = valid;
        let stamp = chrono::DateTime::<chrono::Utc>::from(now);
        let amz_date = stamp.format("%Y%m%dT%H%M%SZ").to_string();
        let date = &amz_date[..8];
        let scope = format!("{date}/{region}/s3/aws4_request");
        let credential = format!("{}/{scope}", creds.access_key_id());

        let mut headers: Vec<(&str, &str)> = shape.headers.iter().map(|(n, v)| (n.as_str(), *v)).collect();
        headers.push(("host", &t.host));
        headers.sort_unstable();
        let signed = headers.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(";");

        let enc = |s: &str| utf8_percent_encode(s, UNRESERVED).to_string();
        // The operation's own query comes first in the URL, then the signing parameters, the signature
        // and the token (which is signed, though the SDK writes it after the signature).
        let mut op_query: Vec<(&str, String)> = vec![("x-id", shape.op.to_owned())];
        op_query.extend(shape.query.iter().map(|(n, v)| (*n, enc(v))));
        let signing: [(&str, String); 5] = [
            ("X-Amz-Algorithm", "AWS4-HMAC-SHA256".to_owned()),
            ("X-Amz-Credential", enc(&credential)),
            ("X-Amz-Date", amz_date.clone()),
            ("X-Amz-Expires", secs.to_string()),
            ("X-Amz-SignedHeaders", enc(&signed)),
        ];
        let token = creds.session_token().map(|t| ("X-Amz-Security-Token", enc(t)));
        let mut url = String::with_capacity(t.base.len() + key.len() * 3 + 512);
        url.push_str(&t.base);
        url.extend(utf8_percent_encode(key, PATH));
        let path = &url[t.path_at..];

        let mut sorted: Vec<&(&str, String)> = op_query.iter().chain(&signing).chain(&token).collect();
        sorted.sort_unstable();
        let mut canonical = String::with_capacity(1024);
        let _ = write!(canonical, "{}\n{path}\n", shape.method);
        for (i, (n, v)) in sorted.iter().enumerate() {
            let _ = write!(canonical, "{}{n}={v}", if i > 0 { "&" } else { "" });
        }
        canonical.push('\n');
        for (n, v) in &headers {
            let _ = writeln!(canonical, "{n}:{}", trim_all(v));
        }
        let _ = write!(canonical, "\n{signed}\nUNSIGNED-PAYLOAD");
        let hashed = format!("{:x}", Sha256::digest(canonical.as_bytes()));
        let string_to_sign = format!("AWS4-HMAC-SHA256\n{amz_date}\n{scope}\n{hashed}");
        let signature = self.signature(creds, region, date, now, &string_to_sign);

        for (i, (n, v)) in op_query.iter().chain(&signing).enumerate() {
            let _ = write!(url, "{}{n}={v}", if i == 0 { '?' } else { '&' });
        }
        let _ = write!(url, "&X-Amz-Signature={signature}");
        if let Some((n, v)) = &token {
            let _ = write!(url, "&{n}={v}");
        }
        url
    }
}

/// Header values as SigV4 canonicalises them: outer spaces trimmed, runs of spaces made one.
fn trim_all(v: &str) -> std::borrow::Cow<'_, str> {
    let v = v.trim_matches(' ');
    if !v.contains("  ") {
        return v.into();
    }
    let mut out = String::with_capacity(v.len());
    for c in v.chars() {
        if !(c == ' ' && out.ends_with(' ')) {
            out.push(c);
        }
    }
    out.into()
}
