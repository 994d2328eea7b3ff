//! Which viewer an object gets, from its stored type, its name and, when both are silent, its first bytes: the
//! one table of types the app keeps (the window has none). Everything here is an allow-list; a type that is
//! not listed is shown as a card of facts.

use super::Viewer;

/// What the type says the text is, which decides how the window lays it out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    Plain,
    /// Re-indented when it parses.
    Json,
    Markdown,
    /// Comma-, semicolon- or tab-separated; the delimiter is read from the first line unless given.
    Table(Option<u8>),
}

/// How one object is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// Through a presigned link served as exactly this type (PDF, image, audio, video).
    Linked(&'static str),
    /// As text the backend reads (the first MiB) and sends over IPC.
    Text(TextKind),
    None,
}

impl Choice {
    pub fn viewer(self) -> Viewer {
        match self {
            Choice::Linked("application/pdf") => Viewer::Pdf,
            Choice::Linked(t) if t.starts_with("image/") => Viewer::Image,
            Choice::Linked(_) => Viewer::Media,
            Choice::Text(TextKind::Table(_)) => Viewer::Table,
            Choice::Text(TextKind::Markdown) => Viewer::Markdown,
            Choice::Text(_) => Viewer::Text,
            Choice::None => Viewer::Card,
        }
    }
}

/// Types shown through a link: PDF and images in the pane (SVG only ever through `<img>`), audio and video in
/// the platform's player. A link opened in a browser takes only PDF and raster images.
pub const LINKED_TYPES: &[&str] = &[
    "application/pdf",
    "image/jpeg",
    "image/png",
    "image/gif",
    "image/webp",
    "image/avif",
    "image/bmp",
    "image/svg+xml",
    "audio/mpeg",
    "audio/mp4",
    "audio/aac",
    "audio/ogg",
    "audio/wav",
    "audio/webm",
    "audio/flac",
    "video/mp4",
    "video/webm",
    "video/ogg",
    "video/quicktime",
];

/// The canonical spelling of a type (lower case, no parameters, common aliases folded).
pub fn essence(content_type: Option<&str>) -> Option<String> {
    let e = content_type?.split(';').next()?.trim().to_ascii_lowercase();
    let canonical = match e.as_str() {
        "image/jpg" | "image/pjpeg" => "image/jpeg",
        "image/x-png" => "image/png",
        "image/x-ms-bmp" => "image/bmp",
        "audio/mp3" | "audio/mpeg3" | "audio/x-mpeg" => "audio/mpeg",
        "audio/x-m4a" | "audio/m4a" => "audio/mp4",
        "audio/x-wav" | "audio/wave" | "audio/vnd.wave" => "audio/wav",
        "audio/x-flac" => "audio/flac",
        "audio/x-aac" => "audio/aac",
        "video/x-m4v" => "video/mp4",
        "text/x-markdown" => "text/markdown",
        "text/comma-separated-values" | "application/csv" => "text/csv",
        "text/json" => "application/json",
        _ => e.as_str(),
    };
    Some(canonical.to_owned()).filter(|e| !e.is_empty())
}

/// True when the stored type says nothing (missing or octet-stream): then the name, then the bytes decide.
pub fn is_generic(content_type: Option<&str>) -> bool {
    matches!(
        essence(content_type).as_deref(),
        None | Some("application/octet-stream" | "binary/octet-stream")
    )
}

fn ext_of(key: &str) -> Option<String> {
    let name = key.rsplit('/').next().unwrap_or(key);
    Some(name.rsplit_once('.')?.1.to_ascii_lowercase()).filter(|e| !e.is_empty())
}

/// The text layout a name's extension asks for, for names whose type is plain text or says nothing.
fn text_by_ext(ext: &str) -> Option<TextKind> {
    Some(match ext {
        "md" | "markdown" | "mdown" | "mkd" => TextKind::Markdown,
        "csv" => TextKind::Table(None),
        "tsv" | "tab" => TextKind::Table(Some(b'\t')),
        "json" | "geojson" | "har" => TextKind::Json,
        "txt" | "text" | "log" | "out" | "err" | "ndjson" | "jsonl" | "yaml" | "yml" | "toml" | "ini" | "cfg" | "conf" | "properties"
        | "env" | "xml" | "html" | "htm" | "css" | "js" | "mjs" | "ts" | "tsx" | "jsx" | "sql" | "sh" | "bash" | "ps1" | "bat" | "py"
        | "rb" | "rs" | "go" | "java" | "kt" | "c" | "h" | "cpp" | "hpp" | "cs" | "php" | "pl" | "r" | "tex" | "srt" | "vtt" | "diff"
        | "patch" | "gitignore" | "dockerfile" | "rst" | "adoc" | "org" => TextKind::Plain,
        _ => return None,
    })
}

/// The text layout a specific stored type asks for (the name may refine plain text: a `.csv` stored as
/// `text/plain` is still a table).
fn text_by_type(t: &str, ext: Option<&str>) -> Option<TextKind> {
    let refined = || ext.and_then(text_by_ext).unwrap_or(TextKind::Plain);
    Some(match t {
        "text/csv" => TextKind::Table(None),
        "text/tab-separated-values" => TextKind::Table(Some(b'\t')),
        "text/markdown" => TextKind::Markdown,
        "application/json" => TextKind::Json,
        // Windows registers `.csv` as an Excel type, and uploaders copy it.
        "application/vnd.ms-excel" if ext == Some("csv") => TextKind::Table(None),
        "application/xml"
        | "application/yaml"
        | "application/x-yaml"
        | "application/toml"
        | "application/x-ndjson"
        | "application/javascript"
        | "application/x-sh"
        | "application/sql" => TextKind::Plain,
        t if t.starts_with("application/") && t.ends_with("+json") => TextKind::Json,
        t if t.starts_with("application/") && t.ends_with("+xml") && t != "application/xhtml+xml" => TextKind::Plain,
        t if t.starts_with("text/") => refined(),
        _ => return None,
    })
}

fn linked(t: &str, browser: bool) -> Option<&'static str> {
    let t = LINKED_TYPES.iter().copied().find(|l| *l == t)?;
    let in_browser = t == "application/pdf" || (t.starts_with("image/") && t != "image/svg+xml");
    (!browser || in_browser).then_some(t)
}

fn by_type(t: &str, ext: Option<&str>, browser: bool) -> Choice {
    if let Some(l) = linked(t, browser) {
        return Choice::Linked(l);
    }
    match text_by_type(t, ext) {
        Some(k) if !browser => Choice::Text(k),
        _ => Choice::None,
    }
}

/// How to show `key` from its stored type and, when that says nothing, its name. `None` from a generic type
/// and an unknown name means: read the first bytes and ask `by_bytes`.
pub fn by_type_or_name(stored: Option<&str>, key: &str, browser: bool) -> Option<Choice> {
    let ext = ext_of(key);
    if !is_generic(stored) {
        return Some(by_type(&essence(stored)?, ext.as_deref(), browser));
    }
    let ext = ext?;
    if let Some(k) = text_by_ext(&ext) {
        return Some(if browser { Choice::None } else { Choice::Text(k) });
    }
    let guessed = mime_guess::from_ext(&ext).first()?;
    let guessed = Some(guessed.essence_str()).filter(|g| !is_generic(Some(g)))?;
    Some(by_type(&essence(Some(guessed))?, Some(&ext), browser))
}

/// How to show an object whose type and name said nothing, from the type its bytes were detected as and
/// whether they read as text.
pub fn by_bytes(sniffed: Option<&str>, reads_as_text: bool, browser: bool) -> Choice {
    match essence(sniffed).and_then(|t| linked(&t, browser)) {
        Some(l) => Choice::Linked(l),
        None if reads_as_text && !browser => Choice::Text(TextKind::Plain),
        None => Choice::None,
    }
}

/// The allow-listed type to serve an object as in a browser tab or the pane (PDF and images), if any.
pub fn served_inline(stored: Option<&str>, key: &str, sniffed: Option<&str>, browser: bool) -> Option<&'static str> {
    let c = by_type_or_name(stored, key, browser).unwrap_or_else(|| by_bytes(sniffed, false, browser));
    match c {
        Choice::Linked(t) if t == "application/pdf" || t.starts_with("image/") => Some(t),
        _ => None,
    }
}
