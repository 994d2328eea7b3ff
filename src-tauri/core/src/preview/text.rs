//! Turns the first MiB of a text object into what the window shows: decoded (UTF-8, a BOM's encoding, the
//! stored charset, else detected, so Shift_JIS and EUC-JP reports read as Japanese), JSON re-indented without
//! touching a value, CSV and TSV split into at most 1,000 rows. Binary bytes are refused, never shown.

use serde::Serialize;
use ts_rs::TS;

/// How many bytes of a text object are read and shown.
pub const TEXT_LIMIT: usize = 1024 * 1024;
/// How many rows a table shows.
pub const MAX_ROWS: usize = 1000;
/// How many columns a row shows, and how long a cell may be.
pub const MAX_COLUMNS: usize = 200;
pub const MAX_CELL: usize = 2000;

/// Text for the window, decoded.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TextBody {
    pub text: String,
    /// The encoding it was read as (`UTF-8`, `Shift_JIS`, …).
    pub encoding: String,
    /// Only the first `TEXT_LIMIT` bytes are here.
    pub truncated: bool,
    /// JSON that parsed and was re-indented.
    pub pretty: bool,
}

/// The first rows of a table, split.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TableBody {
    pub rows: Vec<Vec<String>>,
    pub encoding: String,
    /// More rows (or columns) exist than are here.
    pub more: bool,
    pub delimiter: String,
}

/// Decoded text, or `None` when the bytes are not text. `truncated` says the bytes stop mid-file, so a
/// character cut in two at the end is dropped rather than shown as garbage.
pub fn decode(bytes: &[u8], declared_charset: Option<&str>, truncated: bool) -> Option<(String, &'static str)> {
    let (text, enc) = decode_any(bytes, declared_charset, truncated);
    let mut text = text;
    if truncated {
        while text.ends_with('\u{FFFD}') {
            text.pop();
        }
    }
    (!looks_binary(&text)).then_some((text, enc))
}

fn decode_any(bytes: &[u8], declared: Option<&str>, truncated: bool) -> (String, &'static str) {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        return (enc.decode_without_bom_handling(&bytes[bom..]).0.into_owned(), enc.name());
    }
    if let Some(utf8) = utf8_prefix(bytes, truncated) {
        return (utf8.to_owned(), "UTF-8");
    }
    let declared = declared
        .and_then(|l| encoding_rs::Encoding::for_label(l.trim().trim_matches('"').as_bytes()))
        .filter(|e| *e != encoding_rs::UTF_8);
    let enc = declared.unwrap_or_else(|| {
        let mut d = chardetng::EncodingDetector::new();
        d.feed(bytes, !truncated);
        d.guess(None, false)
    });
    (enc.decode_without_bom_handling(bytes).0.into_owned(), enc.name())
}

/// The bytes as UTF-8, allowing one character cut off at the end of a truncated read.
fn utf8_prefix(bytes: &[u8], truncated: bool) -> Option<&str> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Some(s),
        Err(e) if truncated && e.error_len().is_none() => std::str::from_utf8(&bytes[..e.valid_up_to()]).ok(),
        Err(_) => None,
    }
}

/// Control characters other than tab, line feed, carriage return, form feed and escape (ANSI colours in
/// logs), or undecodable bytes, in more than one character of a hundred: not text.
fn looks_binary(text: &str) -> bool {
    let mut total = 0usize;
    let mut odd = 0usize;
    for c in text.chars().take(64 * 1024) {
        total += 1;
        if c == '\0' || c == '\u{FFFD}' || (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c' | '\x1b')) {
            odd += 1;
        }
    }
    odd * 100 > total
}

/// The delimiter of a table whose type did not say: whichever of comma, semicolon and tab the first line
/// has most of (outside quotes); comma when it has none.
pub fn sniff_delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    let mut quoted = false;
    let mut counts = [0usize; 3];
    for c in first.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|i| (counts[*i], 3 - i)).unwrap_or(0);
    [b',', b';', b'\t'][best]
}

fn cell(s: &str) -> String {
    match s.char_indices().nth(MAX_CELL) {
        Some((cut, _)) => format!("{}…", &s[..cut]),
        None => s.to_owned(),
    }
}

/// The first `MAX_ROWS` rows of `text`. Rows may have different lengths; a quote left open runs to the end
/// of what was read, as a spreadsheet would. A read cut mid-file drops its last, possibly partial, row.
pub fn table(text: &str, delimiter: u8, encoding: &str, truncated: bool) -> TableBody {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut more = false;
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) if rows.len() == MAX_ROWS => {
                more = true;
                break;
            }
            Ok(true) => {
                more |= record.len() > MAX_COLUMNS;
                rows.push(record.iter().take(MAX_COLUMNS).map(cell).collect::<Vec<_>>());
            }
            // Bytes are already text, so only the end stops this reader.
            Ok(false) | Err(_) => break,
        }
    }
    if truncated && !more {
        rows.pop();
    }
    TableBody {
        rows,
        encoding: encoding.to_owned(),
        more: more || truncated,
        delimiter: (delimiter as char).to_string(),
    }
}

/// `text` re-indented by two spaces when it is one whole JSON document; every string and number is kept
/// exactly as written (re-serialising would round `0.10` to `0.1` and large integers to floats).
pub fn pretty_json(text: &str) -> Option<String> {
    serde_json::from_str::<serde::de::IgnoredAny>(text).ok()?;
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    let (mut depth, mut in_string, mut escaped, mut opened) = (0usize, false, false, false);
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        out.extend(std::iter::repeat_n("  ", depth));
    };
    for c in text.trim_start_matches('\u{FEFF}').chars() {
        if in_string {
            out.push(c);
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        if c.is_whitespace() {
            continue;
        }
        let closing = matches!(c, '}' | ']');
        if opened && !closing {
            newline(&mut out, depth);
        }
        if closing {
            depth = depth.saturating_sub(1);
            if !opened {
                newline(&mut out, depth);
            }
        }
        opened = false;
        out.push(c);
        match c {
            '{' | '[' => {
                depth += 1;
                opened = true;
            }
            ',' => newline(&mut out, depth),
            ':' => out.push(' '),
            '"' => in_string = true,
            _ => {}
        }
    }
    Some(out)
}
