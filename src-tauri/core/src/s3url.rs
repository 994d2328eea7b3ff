//! Understands what people paste as a location: `s3://bucket/prefix`, console URLs, object URLs.

use crate::error::{Error, Result};
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct S3Location {
    pub bucket: String,
    /// A folder prefix (ends in `/` or is empty) or an object key.
    pub key: String,
}

impl S3Location {
    /// The folder to show: the key itself if it ends in `/`, else its parent.
    pub fn folder(&self) -> &str {
        match self.key.rfind('/') {
            Some(i) => &self.key[..=i],
            None => "",
        }
    }
}

fn decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s).decode_utf8_lossy().into_owned()
}

fn valid_bucket(b: &str) -> bool {
    (3..=63).contains(&b.len())
        && b.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '.' | '_'))
}

/// Parses `s3://b/k`, `b/k`, AWS console links (`.../s3/buckets/b?prefix=p`, `.../s3/object/b?prefix=k`)
/// and object URLs (`https://b.s3.region.amazonaws.com/k`, `https://s3.region.amazonaws.com/b/k`).
pub fn parse(input: &str) -> Result<S3Location> {
    let s = input.trim();
    let bad = || Error::invalid_input(format!("{s:?} is not an S3 location; try s3://bucket/folder/"));
    let (bucket, key) = if let Some(rest) = s.strip_prefix("s3://").or_else(|| s.strip_prefix("S3://")) {
        let (b, k) = rest.split_once('/').unwrap_or((rest, ""));
        (b.to_owned(), k.to_owned())
    } else if s.starts_with("https://") || s.starts_with("http://") {
        let url = url::Url::parse(s).map_err(|_| bad())?;
        let host = url.host_str().unwrap_or_default().to_owned();
        let q = |name: &str| url.query_pairs().find(|(k, _)| k == name).map(|(_, v)| v.into_owned());
        let segs: Vec<String> = url.path_segments().map(|p| p.map(decode).collect()).unwrap_or_default();
        if host.contains("console.aws.amazon.com") {
            let i = segs.iter().position(|p| p == "buckets" || p == "object").ok_or_else(bad)?;
            let b = segs.get(i + 1).cloned().ok_or_else(bad)?;
            (b, q("prefix").unwrap_or_default())
        } else if let Some(b) = host.split_once(".s3").filter(|(b, _)| !b.is_empty()).map(|(b, _)| b.to_owned()) {
            (b, segs.join("/"))
        } else {
            let mut it = segs.into_iter();
            let b = it.next().ok_or_else(bad)?;
            (b, it.collect::<Vec<_>>().join("/"))
        }
    } else {
        let (b, k) = s.split_once('/').unwrap_or((s, ""));
        (b.to_owned(), k.to_owned())
    };
    if !valid_bucket(&bucket) {
        return Err(bad());
    }
    Ok(S3Location { bucket, key })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> (String, String) {
        let l = parse(s).unwrap();
        (l.bucket, l.key)
    }

    #[test]
    fn forms_people_paste() {
        assert_eq!(p("s3://reports/2026/"), ("reports".into(), "2026/".into()));
        assert_eq!(p("s3://reports"), ("reports".into(), "".into()));
        assert_eq!(p("reports/a b.pdf"), ("reports".into(), "a b.pdf".into()));
        assert_eq!(
            p("https://us-east-1.console.aws.amazon.com/s3/buckets/my-bucket?region=us-east-1&prefix=docs/%E6%97%A5%E6%9C%AC/&showversions=false"),
            ("my-bucket".into(), "docs/日本/".into())
        );
        assert_eq!(
            p("https://s3.console.aws.amazon.com/s3/object/my-bucket?region=eu-west-1&prefix=a/b.pdf"),
            ("my-bucket".into(), "a/b.pdf".into())
        );
        assert_eq!(
            p("https://my-bucket.s3.eu-west-1.amazonaws.com/a/%E5%A0%B1+x.pdf"),
            ("my-bucket".into(), "a/報+x.pdf".into())
        );
        assert_eq!(
            p("https://s3.eu-west-1.amazonaws.com/my-bucket/a/b.pdf"),
            ("my-bucket".into(), "a/b.pdf".into())
        );
        assert_eq!(parse("s3://reports/x/y.pdf").unwrap().folder(), "x/");
    }

    #[test]
    fn nonsense_is_refused() {
        assert!(parse("").is_err());
        assert!(parse("s3://UPPER/x").is_err());
        assert!(parse("hello world").is_err());
    }
}
