//! What a new object key may be, checked before any request: a key that lists, previews and deletes
//! everywhere. Also how a key is shown so that control and direction characters cannot hide in it.

use crate::error::{Error, Result};

/// S3's limit for a key, in UTF-8 bytes.
pub const MAX_KEY_BYTES: usize = 1024;

/// Why a character can't be in a new key, or `None` when it can.
fn refused(c: char) -> Option<&'static str> {
    match c {
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => Some("a control character"),
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => Some("a text-direction override, which can disguise a name"),
        '\u{200e}' | '\u{200f}' | '\u{61c}' => Some("an invisible text-direction mark"),
        _ => None,
    }
}

/// The key with every control and direction character written as `⟨U+XXXX⟩`, for messages and logs.
pub fn visible(key: &str) -> String {
    key.chars()
        .map(|c| match refused(c) {
            Some(_) => format!("⟨U+{:04X}⟩", c as u32),
            None => c.to_string(),
        })
        .collect()
}

/// Refuses a key that S3 or the clients reading it would mangle: control and direction characters,
/// `.` and `..` segments (HTTP clients normalise them away, so the object could never be read or deleted),
/// a leading `/`, an empty key, or more than 1,024 bytes. The message names the character.
pub fn check_new_key(key: &str) -> Result<()> {
    let shown = visible(key);
    if key.is_empty() {
        return Err(Error::invalid_input("The object name is empty"));
    }
    if let Some((i, c)) = key.chars().enumerate().find(|(_, c)| refused(*c).is_some()) {
        return Err(Error::invalid_input(format!(
            "The name \"{shown}\" contains U+{:04X} ({}) at character {}; rename it first",
            c as u32,
            refused(c).unwrap_or_default(),
            i + 1
        )));
    }
    if key.starts_with('/') {
        return Err(Error::invalid_input(format!(
            "The name \"{shown}\" starts with \"/\"; S3 keys do not"
        )));
    }
    if has_dot_segment(key) {
        return Err(Error::invalid_input(format!(
            "The name \"{shown}\" has a \".\" or \"..\" folder, which web clients remove: it could not be opened or deleted"
        )));
    }
    if key.len() > MAX_KEY_BYTES {
        return Err(Error::invalid_input(format!(
            "The name is {} bytes long in UTF-8; S3 allows {MAX_KEY_BYTES}",
            key.len()
        )));
    }
    Ok(())
}

/// True for a key with a `.` or `..` segment: web clients remove them from the path, and a file-backed store
/// would resolve them outside the bucket.
pub fn has_dot_segment(key: &str) -> bool {
    key.split('/').any(|s| s == "." || s == "..")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_names_are_refused_with_the_character_named() {
        for (key, says) in [
            ("a\u{7}.png", "U+0007 (a control character) at character 2"),
            ("esc\u{1b}[31m.png", "U+001B"),
            ("cr\r.png", "U+000D"),
            ("nul\0.png", "U+0000"),
            ("c1\u{85}.png", "U+0085"),
            ("rtl-\u{202e}gnp.exe", "U+202E (a text-direction override"),
            ("iso\u{2066}x.png", "U+2066"),
            ("a/../b.png", "\"..\" folder"),
            ("./b.png", "\"..\" folder"),
            ("/abs.png", "starts with \"/\""),
            ("", "empty"),
        ] {
            let e = check_new_key(key).unwrap_err();
            assert_eq!(e.kind(), crate::ErrorKind::InvalidInput);
            assert!(e.message().contains(says), "{key:?}: {}", e.message());
        }
        let long = "x".repeat(1025);
        assert!(check_new_key(&long).unwrap_err().message().contains("1025 bytes"));
        let long_ja = "写".repeat(342); // 1,026 bytes in 342 characters
        assert!(check_new_key(&long_ja).is_err());
    }

    #[test]
    fn ordinary_odd_names_pass() {
        for key in [
            "写真 2026.jpg",
            "a+b%20c#d?.pdf",
            "dir/sub/file",
            "..hidden/x",
            "a..b",
            "x".repeat(1024).as_str(),
        ] {
            assert_eq!(check_new_key(key).map_err(|e| e.message().to_owned()), Ok(()), "{key:?}");
        }
    }

    #[test]
    fn shown_names_expose_hidden_characters() {
        assert_eq!(visible("rtl-\u{202e}gnp.exe"), "rtl-⟨U+202E⟩gnp.exe");
        assert_eq!(visible("bell\u{7}"), "bell⟨U+0007⟩");
        assert_eq!(visible("日本語 ok"), "日本語 ok");
    }
}
