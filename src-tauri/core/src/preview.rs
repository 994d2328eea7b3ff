//! Decides how an object may be shown, from what the server says and never from what the window asks: a
//! preview link always names an allow-listed `response-content-type`, so an object swapped for HTML between
//! the HEAD and the GET is still served as a PDF or an image and never renders as a page.

use crate::client::Connection;
use crate::error::{Error, Result};
use crate::keys::{has_dot_segment, visible};
use crate::listing::ObjectMeta;
use crate::objects;
use crate::presign::{presign_get, Disposition, Presigned};
use serde::Serialize;
use ts_rs::TS;

/// What may be shown inline: PDF and the image types. The preview pane takes all of them (SVG only ever
/// through `<img>`); a link opened in a browser takes all but SVG, which in a tab of its own runs scripts.
pub const INLINE_TYPES: &[&str] = &[
    "application/pdf",
    "image/jpeg",
    "image/png",
    "image/gif",
    "image/webp",
    "image/avif",
    "image/bmp",
    "image/svg+xml",
];

/// Who will show the object inline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// The preview pane: `<img>` or the sandboxed PDF frame.
    Pane,
    /// The system browser, in a tab of its own.
    Browser,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Viewer {
    Pdf,
    Image,
    /// Facts only: type, size, dates, metadata.
    Card,
}

/// Why an object is shown as a card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum CardReason {
    /// Its type is not one the preview renders.
    Type,
    /// It has no bytes.
    Empty,
    /// Its key has a `.` or `..` folder, which web views remove from the path.
    DotSegment,
}

/// An object's facts and how to show it; `link` is set for the PDF and image viewers.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Preview {
    pub meta: ObjectMeta,
    pub viewer: Viewer,
    /// The type the link is signed to be served as.
    pub served_as: Option<String>,
    pub link: Option<Presigned>,
    pub card: Option<CardReason>,
}

fn essence(content_type: Option<&str>) -> Option<String> {
    let e = content_type?.split(';').next()?.trim().to_ascii_lowercase();
    Some(match e.as_str() {
        "image/jpg" | "image/pjpeg" => "image/jpeg".to_owned(),
        "image/x-png" => "image/png".to_owned(),
        "image/x-ms-bmp" => "image/bmp".to_owned(),
        _ => e,
    })
    .filter(|e| !e.is_empty())
}

/// True when the stored type says nothing (missing or octet-stream): then the name, then the bytes decide.
pub fn is_generic(content_type: Option<&str>) -> bool {
    matches!(
        essence(content_type).as_deref(),
        None | Some("application/octet-stream" | "binary/octet-stream")
    )
}

fn pick(candidate: &str, shown: Shown) -> Option<&'static str> {
    let t = INLINE_TYPES.iter().copied().find(|t| *t == candidate)?;
    (shown == Shown::Pane || t != "image/svg+xml").then_some(t)
}

/// The allow-listed type to serve `key` as, or `None` when it must not be shown inline. A specific stored
/// type decides alone; a generic one defers to the name's extension, then to `sniffed` (the first bytes).
pub fn decide(stored: Option<&str>, key: &str, sniffed: Option<&str>, shown: Shown) -> Option<&'static str> {
    if !is_generic(stored) {
        return pick(&essence(stored)?, shown);
    }
    let name = key.rsplit('/').next().unwrap_or(key);
    let by_name = mime_guess::from_path(name).first().map(|m| m.essence_str().to_owned());
    by_name.and_then(|t| pick(&t, shown)).or_else(|| pick(&essence(sniffed)?, shown))
}

fn viewer_of(t: &str) -> Viewer {
    if t == "application/pdf" {
        Viewer::Pdf
    } else {
        Viewer::Image
    }
}

/// The type to serve `meta`'s object as for `shown`, reading its first bytes only when type and name are silent.
async fn served_type(conn: &Connection, meta: &ObjectMeta, shown: Shown) -> Result<Option<&'static str>> {
    let stored = meta.content_type.as_deref();
    let by_type_or_name = decide(stored, &meta.key, None, shown);
    if by_type_or_name.is_some() || !is_generic(stored) || meta.size == 0 {
        return Ok(by_type_or_name);
    }
    let sniffed = objects::sniff_type(conn, &meta.bucket, &meta.key).await?;
    Ok(decide(stored, &meta.key, Some(&sniffed.mime), shown))
}

/// Reads the object's facts and, when it can be shown, mints an inline link signed with its served type.
pub async fn open(conn: &Connection, bucket: &str, key: &str, expires_secs: u64) -> Result<Preview> {
    let meta = objects::head_object(conn, bucket, key).await?;
    let card = |reason| Preview {
        meta: meta.clone(),
        viewer: Viewer::Card,
        served_as: None,
        link: None,
        card: Some(reason),
    };
    if has_dot_segment(key) {
        return Ok(card(CardReason::DotSegment));
    }
    if meta.size == 0 {
        return Ok(card(CardReason::Empty));
    }
    let Some(t) = served_type(conn, &meta, Shown::Pane).await? else {
        return Ok(card(CardReason::Type));
    };
    let link = presign_get(conn, bucket, key, &Disposition::Inline, Some(t), expires_secs).await?;
    Ok(Preview {
        viewer: viewer_of(t),
        served_as: Some(t.to_owned()),
        link: Some(link),
        card: None,
        meta,
    })
}

/// Refuses a link to a key a browser would rewrite (`a/../b` becomes `b`, so the signature could never match).
pub fn check_linkable(key: &str) -> Result<()> {
    if has_dot_segment(key) {
        return Err(Error::invalid_input(format!(
            "\"{}\" has a \".\" or \"..\" folder in its name. Browsers remove such folders from a link, so this \
             object cannot be opened or downloaded through one; it can still be deleted here.",
            visible(key)
        )));
    }
    Ok(())
}

/// A link for a browser. `inline` is kept only for a PDF or a raster image, served as that type; anything
/// else (HTML, SVG, scripts, unknown types) becomes a download.
pub async fn share_link(conn: &Connection, bucket: &str, key: &str, inline: bool, expires_secs: u64) -> Result<Presigned> {
    check_linkable(key)?;
    let filename = key.rsplit('/').next().unwrap_or(key).to_owned();
    let attachment = Disposition::Attachment { filename };
    if !inline {
        return presign_get(conn, bucket, key, &attachment, None, expires_secs).await;
    }
    let meta = objects::head_object(conn, bucket, key).await?;
    match served_type(conn, &meta, Shown::Browser).await? {
        Some(t) => presign_get(conn, bucket, key, &Disposition::Inline, Some(t), expires_secs).await,
        None => presign_get(conn, bucket, key, &attachment, None, expires_secs).await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_served_type_comes_from_the_allow_list_only() {
        let p = Shown::Pane;
        for (stored, key, sniffed, want) in [
            (Some("application/pdf"), "r.pdf", None, Some("application/pdf")),
            (Some("Application/PDF; qs=1"), "r", None, Some("application/pdf")),
            (Some("image/jpg"), "x", None, Some("image/jpeg")),
            (Some("text/html"), "report.pdf", None, None),
            (Some("text/html; charset=utf-8"), "x.png", Some("image/png"), None),
            (Some("application/xhtml+xml"), "a.svg", None, None),
            (Some("image/svg+xml"), "a.svg", None, Some("image/svg+xml")),
            (Some("application/octet-stream"), "scan.PDF", None, Some("application/pdf")),
            (None, "photo.jpeg", Some("text/html"), Some("image/jpeg")),
            (None, "noext", Some("image/webp"), Some("image/webp")),
            (Some("binary/octet-stream"), "page.html", Some("text/html"), None),
            (None, "noext", None, None),
            (Some(""), "noext", Some("application/pdf"), Some("application/pdf")),
        ] {
            assert_eq!(decide(stored, key, sniffed, p), want, "{stored:?} {key:?} {sniffed:?}");
        }
        assert_eq!(decide(Some("image/svg+xml"), "a.svg", None, Shown::Browser), None);
        assert_eq!(decide(Some("image/png"), "a.png", None, Shown::Browser), Some("image/png"));
    }

    #[test]
    fn dot_segment_keys_get_their_own_message() {
        let e = check_linkable("a/../b.pdf").unwrap_err();
        assert!(e.message().contains("Browsers remove such folders"), "{}", e.message());
        assert!(check_linkable("a..b/c.pdf").is_ok());
    }
}
