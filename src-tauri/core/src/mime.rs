//! Decides a file's real type: the bytes first (`infer`), the extension second (`mime_guess`).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum TypeSource {
    Bytes,
    Extension,
    Unknown,
}

/// The decided type, where it came from, and what the name claimed when that disagrees.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Detected {
    pub mime: String,
    pub source: TypeSource,
    /// Set when the extension suggests another type than the bytes (a PNG named `.jpg`).
    pub extension_claims: Option<String>,
}

/// How many leading bytes `detect` needs.
pub const SNIFF_LEN: usize = 8192;

fn from_bytes(head: &[u8]) -> Option<String> {
    // SVG is XML text: look for the root element near the start before calling it generic XML.
    let text = String::from_utf8_lossy(&head[..head.len().min(1024)]).to_lowercase();
    if text.contains("<svg") {
        return Some("image/svg+xml".to_owned());
    }
    infer::get(head).map(|t| t.mime_type().to_owned())
}

fn same_family(a: &str, b: &str) -> bool {
    a == b || (a == "image/heif" && b == "image/heic") || (a == "image/heic" && b == "image/heif")
}

/// Detects the type of a file from its first bytes and its name.
pub fn detect(head: &[u8], file_name: &str) -> Detected {
    let by_ext = mime_guess::from_path(file_name).first().map(|m| m.essence_str().to_owned());
    match (from_bytes(head), by_ext) {
        (Some(b), Some(e)) if !same_family(&b, &e) => Detected {
            mime: b,
            source: TypeSource::Bytes,
            extension_claims: Some(e),
        },
        (Some(b), _) => Detected {
            mime: b,
            source: TypeSource::Bytes,
            extension_claims: None,
        },
        (None, Some(e)) => Detected {
            mime: e,
            source: TypeSource::Extension,
            extension_claims: None,
        },
        (None, None) => Detected {
            mime: "application/octet-stream".to_owned(),
            source: TypeSource::Unknown,
            extension_claims: None,
        },
    }
}

/// True when `mime` is in the allow-list (entries may end in `/*`).
pub fn allowed(mime: &str, allow: &[String]) -> bool {
    allow.iter().any(|a| match a.strip_suffix("/*") {
        Some(family) => mime.split('/').next() == Some(family),
        None => a.eq_ignore_ascii_case(mime),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use bucketlens_demo::test_samples as s;

    #[test]
    fn bytes_win_over_a_wrong_extension() {
        let png = s::png();
        let d = detect(&png, "holiday.jpg");
        assert_eq!(d.mime, "image/png");
        assert_eq!(d.source, TypeSource::Bytes);
        assert_eq!(d.extension_claims.as_deref(), Some("image/jpeg"));
        assert_eq!(
            detect(&s::jpeg(), "a.jpg"),
            Detected {
                mime: "image/jpeg".into(),
                source: TypeSource::Bytes,
                extension_claims: None
            }
        );
        assert_eq!(detect(&s::webp(), "a.webp").mime, "image/webp");
        assert_eq!(detect(&s::gif(), "a.gif").mime, "image/gif");
        assert_eq!(detect(&s::pdf(), "a").mime, "application/pdf");
    }

    #[test]
    fn extension_then_unknown() {
        assert_eq!(detect(b"hello", "notes.txt").mime, "text/plain");
        assert_eq!(detect(b"hello", "notes.txt").source, TypeSource::Extension);
        assert_eq!(detect(b"\x00\x01", "blob").mime, "application/octet-stream");
        assert_eq!(
            detect(b"<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>", "x.svg").mime,
            "image/svg+xml"
        );
    }

    #[test]
    fn allow_list() {
        let allow = vec!["image/png".to_string(), "application/*".to_string()];
        assert!(allowed("image/png", &allow));
        assert!(allowed("application/pdf", &allow));
        assert!(!allowed("image/jpeg", &allow));
    }
}
