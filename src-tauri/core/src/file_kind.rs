//! What kind of file a name says it is (PDF, image, text, Office, media), from its extension alone: the
//! listing and the search send it with each object so the window draws icons and steps through previews
//! without a table of its own.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A kind of file, from its name's extension (the search lists names, not contents).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum FileKind {
    Pdf,
    Image,
    /// Plain text, logs, CSV, JSON, Markdown.
    Text,
    /// Word, Excel, PowerPoint and OpenDocument files.
    Office,
    /// Audio and video.
    Media,
}

impl FileKind {
    /// The kind `name` says it is, if any of these.
    pub fn of(name: &str) -> Option<Self> {
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        if ext == "log" || ext == "md" || ext == "tsv" {
            return Some(Self::Text);
        }
        let mime = mime_guess::from_ext(&ext).first()?;
        let (top, sub) = (mime.type_().as_str(), mime.subtype().as_str());
        Some(match (top, sub) {
            ("application", "pdf") => Self::Pdf,
            ("image", _) => Self::Image,
            ("text", _) | ("application", "json" | "xml" | "x-yaml" | "yaml") => Self::Text,
            ("audio" | "video", _) => Self::Media,
            ("application", s)
                if s == "msword"
                    || s == "rtf"
                    || s.starts_with("vnd.openxmlformats")
                    || s.starts_with("vnd.ms-")
                    || s.starts_with("vnd.oasis.opendocument") =>
            {
                Self::Office
            }
            _ => return None,
        })
    }
}

impl FileKind {
    /// One ASCII letter for `kind`, for the listing's `kinds` column: `p`df, `i`mage, `t`ext, `o`ffice,
    /// `m`edia, `-` for any other name.
    pub fn letter(kind: Option<Self>) -> char {
        match kind {
            Some(Self::Pdf) => 'p',
            Some(Self::Image) => 'i',
            Some(Self::Text) => 't',
            Some(Self::Office) => 'o',
            Some(Self::Media) => 'm',
            None => '-',
        }
    }
}
