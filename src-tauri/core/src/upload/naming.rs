//! Names for uploads: NFC keys, ASCII-safe metadata, and "Keep both" names like `photo (1).jpg`.

use unicode_normalization::UnicodeNormalization;

/// Keys are stored in NFC (macOS hands out NFD file names).
pub fn normalize_key(key: &str) -> String {
    key.nfc().collect()
}

/// Metadata values must be ASCII: non-ASCII is percent-encoded (UTF-8), control characters dropped.
pub fn ascii_safe(value: &str) -> String {
    let mut out = String::new();
    for c in value.chars() {
        if (' '..='~').contains(&c) && c != '%' {
            out.push(c);
        } else if !c.is_control() {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

/// The OS user, for `uploaded-by` when no display name is set.
pub fn os_user() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "unknown".to_owned())
}

/// `dir/name (n).ext` for the n-th copy; the extension stays last, dotfiles keep their dot.
pub fn numbered(key: &str, n: u32) -> String {
    let (dir, name) = match key.rfind('/') {
        Some(i) => key.split_at(i + 1),
        None => ("", key),
    };
    match name.rfind('.').filter(|&i| i > 0) {
        Some(i) => format!("{dir}{} ({n}){}", &name[..i], &name[i..]),
        None => format!("{dir}{name} ({n})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfd_becomes_nfc_and_metadata_is_ascii() {
        let nfd = "写真/がっこう.jpg".nfd().collect::<String>();
        assert_ne!(nfd, "写真/がっこう.jpg");
        assert_eq!(normalize_key(&nfd), "写真/がっこう.jpg");
        assert_eq!(ascii_safe("Taro Yamada"), "Taro Yamada");
        assert_eq!(ascii_safe("山田"), "%E5%B1%B1%E7%94%B0");
        assert_eq!(ascii_safe("a\nb%"), "ab%25");
    }

    #[test]
    fn keep_both_names() {
        assert_eq!(numbered("photos/cat.jpg", 1), "photos/cat (1).jpg");
        assert_eq!(numbered("photos/archive.tar.gz", 2), "photos/archive.tar (2).gz");
        assert_eq!(numbered("README", 1), "README (1)");
        assert_eq!(numbered("dir.v2/.env", 1), "dir.v2/.env (1)");
    }
}
