//! Decides how an object may be shown, from what the server says and never from what the window asks: a
//! preview link always names an allow-listed `response-content-type`, so an object swapped for HTML between
//! the HEAD and the GET is still served as a PDF or an image and never renders as a page. Text is read here
//! and sent as text, never as a link the window could render.

pub mod kind;
pub mod text;

use crate::client::Connection;
use crate::error::{Error, Result};
use crate::keys::{has_dot_segment, visible};
use crate::listing::ObjectMeta;
use crate::objects;
use crate::presign::{presign_get, Disposition, Presigned};
use kind::{Choice, TextKind};
use serde::Serialize;
pub use text::{TableBody, TextBody};
use ts_rs::TS;

pub use kind::{is_generic, LINKED_TYPES};

/// How the window shows an object. `card` is the "none" viewer: facts, Download and Open in browser.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Viewer {
    Pdf,
    Image,
    /// Plain text, logs, JSON (re-indented when it parses): `text` is set.
    Text,
    /// CSV and TSV: `table` is set.
    Table,
    /// Markdown source in `text`, which the window renders without scripts or remote images.
    Markdown,
    /// Audio or video through `link`; `servedAs` says which.
    Media,
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
    /// Its name or type says text, but its bytes are not.
    Binary,
}

/// An object's facts and how to show it: `link` for the PDF, image and media viewers, `text` or `table` for
/// the text viewers.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Preview {
    pub meta: ObjectMeta,
    pub viewer: Viewer,
    /// The type the link is signed to be served as.
    pub served_as: Option<String>,
    pub link: Option<Presigned>,
    pub card: Option<CardReason>,
    pub text: Option<TextBody>,
    pub table: Option<TableBody>,
}

impl Preview {
    fn card(meta: ObjectMeta, reason: CardReason) -> Self {
        Preview {
            meta,
            viewer: Viewer::Card,
            served_as: None,
            link: None,
            card: Some(reason),
            text: None,
            table: None,
        }
    }
}

/// The allow-listed type to serve `key` as inline (PDF or an image), or `None` when it must not be shown
/// inline. A specific stored type decides alone; a generic one defers to the name's extension, then to
/// `sniffed` (the first bytes). `browser` leaves out SVG, which in a tab of its own runs scripts.
pub fn decide(stored: Option<&str>, key: &str, sniffed: Option<&str>, browser: bool) -> Option<&'static str> {
    kind::served_inline(stored, key, sniffed, browser)
}

fn charset(content_type: Option<&str>) -> Option<&str> {
    content_type?.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim().eq_ignore_ascii_case("charset").then_some(v.trim())
    })
}

/// The text viewer for `bytes` (the object's first bytes), or the binary card.
fn text_preview(meta: ObjectMeta, bytes: &[u8], k: TextKind) -> Preview {
    let truncated = (bytes.len() as i64) < meta.size;
    let Some((text, enc)) = text::decode(bytes, charset(meta.content_type.as_deref()), truncated) else {
        return Preview::card(meta, CardReason::Binary);
    };
    let mut p = Preview::card(meta, CardReason::Type);
    p.card = None;
    p.viewer = Choice::Text(k).viewer();
    match k {
        TextKind::Table(d) => {
            let d = d.unwrap_or_else(|| text::sniff_delimiter(&text));
            p.table = Some(text::table(&text, d, enc, truncated));
        }
        _ => {
            let pretty = (k == TextKind::Json && !truncated).then(|| text::pretty_json(&text)).flatten();
            p.text = Some(TextBody {
                pretty: pretty.is_some(),
                text: pretty.unwrap_or(text),
                encoding: enc.to_owned(),
                truncated,
            });
        }
    }
    p
}

/// Reads the object's facts and decides its viewer: an inline link signed with its served type for PDFs,
/// images and media, the first MiB as text for text, a card for anything else. One call per selection.
pub async fn open(conn: &Connection, bucket: &str, key: &str, expires_secs: u64) -> Result<Preview> {
    let meta = objects::head_object(conn, bucket, key).await?;
    if has_dot_segment(key) {
        return Ok(Preview::card(meta, CardReason::DotSegment));
    }
    if meta.size == 0 {
        return Ok(Preview::card(meta, CardReason::Empty));
    }
    let mut head = None;
    let choice = match kind::by_type_or_name(meta.content_type.as_deref(), key, false) {
        Some(c) => c,
        None => {
            let bytes = objects::read_head(conn, bucket, key, text::TEXT_LIMIT).await?;
            let sniffed = crate::mime::detect(&bytes[..bytes.len().min(crate::mime::SNIFF_LEN)], "");
            let truncated = (bytes.len() as i64) < meta.size;
            let reads_as_text = text::decode(&bytes, None, truncated).is_some();
            let c = kind::by_bytes(Some(&sniffed.mime), reads_as_text, false);
            head = Some(bytes);
            c
        }
    };
    match choice {
        Choice::None => Ok(Preview::card(meta, CardReason::Type)),
        Choice::Text(k) => {
            let bytes = match head {
                Some(b) => b,
                None => objects::read_head(conn, bucket, key, text::TEXT_LIMIT).await?,
            };
            Ok(text_preview(meta, &bytes, k))
        }
        Choice::Linked(t) => {
            let link = presign_get(conn, bucket, key, &Disposition::Inline, Some(t), expires_secs).await?;
            let mut p = Preview::card(meta, CardReason::Type);
            p.card = None;
            p.viewer = choice.viewer();
            p.served_as = Some(t.to_owned());
            p.link = Some(link);
            Ok(p)
        }
    }
}

/// The type to serve `meta`'s object as in a browser tab, reading its first bytes only when type and name
/// are silent.
async fn served_in_browser(conn: &Connection, meta: &ObjectMeta) -> Result<Option<&'static str>> {
    let stored = meta.content_type.as_deref();
    if kind::by_type_or_name(stored, &meta.key, true).is_some() || meta.size == 0 {
        return Ok(decide(stored, &meta.key, None, true));
    }
    let sniffed = objects::sniff_type(conn, &meta.bucket, &meta.key).await?;
    Ok(decide(stored, &meta.key, Some(&sniffed.mime), true))
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
    match served_in_browser(conn, &meta).await? {
        Some(t) => presign_get(conn, bucket, key, &Disposition::Inline, Some(t), expires_secs).await,
        None => presign_get(conn, bucket, key, &attachment, None, expires_secs).await,
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod link_tests {
    use super::*;

    #[test]
    fn dot_segment_keys_get_their_own_message() {
        let e = check_linkable("a/../b.pdf").unwrap_err();
        assert!(e.message().contains("Browsers remove such folders"), "{}", e.message());
        assert!(check_linkable("a..b/c.pdf").is_ok());
    }
}
