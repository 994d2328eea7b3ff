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

/// The bucket in an AWS virtual-hosted address: `b.s3.region.amazonaws.com`, `b.s3.amazonaws.com`,
/// `b.s3-region.amazonaws.com` (legacy), `b.s3.dualstack.region.amazonaws.com`, `b.s3-accelerate.amazonaws.com`;
/// a dotted bucket keeps its dots. Other hosts (MinIO, R2, Ceph) are read path-style.
fn virtual_host_bucket(host: &str) -> Option<String> {
    let name = host
        .strip_suffix(".amazonaws.com")
        .or_else(|| host.strip_suffix(".amazonaws.com.cn"))?;
    // The last `.s3.` / `.s3-` ends the bucket (`a.s3.b.s3.amazonaws.com` is the bucket `a.s3.b`).
    let dotted = format!("{name}.");
    let at = [dotted.rfind(".s3."), dotted.rfind(".s3-")].into_iter().flatten().max()?;
    (at > 0).then(|| name[..at].to_owned())
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
        } else if let Some(b) = virtual_host_bucket(&host) {
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

/// A link that opens BucketLens on a place: `bucketlens://open?url=s3://bucket/prefix/&profile=NAME`. It holds
/// no credentials and no signature; the profile is a hint (the person may not have it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppLink {
    pub location: S3Location,
    pub profile: Option<String>,
}

/// The app link for `location` (and the profile it was copied from).
pub fn app_link(location: &S3Location, profile: Option<&str>) -> String {
    let mut url = url::Url::parse("bucketlens://open").expect("a valid base");
    url.query_pairs_mut()
        .append_pair("url", &format!("s3://{}/{}", location.bucket, location.key));
    if let Some(p) = profile {
        url.query_pairs_mut().append_pair("profile", p);
    }
    url.into()
}

/// Reads a `bucketlens://open?…` link; its `url` may be any form `parse` reads. Anything else is refused with
/// a reason: another scheme or action, no `url`, a profile name with control characters or over 128 bytes.
pub fn parse_app_link(input: &str) -> Result<AppLink> {
    let s = input.trim();
    let bad = |why: &str| Error::invalid_input(format!("{s:?} is not a BucketLens link: {why}"));
    let url = url::Url::parse(s).map_err(|_| bad("not a URL"))?;
    if url.scheme() != "bucketlens" || url.host_str() != Some("open") {
        return Err(bad("it must start with bucketlens://open?"));
    }
    let q = |name: &str| url.query_pairs().find(|(k, _)| k == name).map(|(_, v)| v.into_owned());
    let location = parse(&q("url").ok_or_else(|| bad("it names no url="))?)?;
    let profile = q("profile").filter(|p| !p.is_empty());
    if profile.as_deref().is_some_and(|p| p.len() > 128 || p.chars().any(char::is_control)) {
        return Err(bad("the profile name is not one"));
    }
    Ok(AppLink { location, profile })
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
    fn virtual_hosts_regions_and_dotted_buckets() {
        for (url, bucket) in [
            ("https://my.dotted.bucket.s3.eu-west-1.amazonaws.com/k", "my.dotted.bucket"),
            ("https://logs.s3backup.s3.us-east-1.amazonaws.com/k", "logs.s3backup"),
            ("https://a.s3.b.s3.amazonaws.com/k", "a.s3.b"),
            ("https://old-style.s3-us-west-2.amazonaws.com/k", "old-style"),
            ("https://fast.s3-accelerate.amazonaws.com/k", "fast"),
            ("https://dual.s3.dualstack.ap-northeast-1.amazonaws.com/k", "dual"),
            ("https://cn-bucket.s3.cn-north-1.amazonaws.com.cn/k", "cn-bucket"),
            ("https://s3.amazonaws.com/path-style/k", "path-style"),
            ("https://minio.s3.example.com/team/k", "team"),
            ("https://acct.r2.cloudflarestorage.com/reports/k", "reports"),
            ("http://127.0.0.1:9000/demo/k", "demo"),
        ] {
            assert_eq!(p(url), (bucket.into(), "k".into()), "{url}");
        }
    }

    #[test]
    fn app_links_round_trip_and_refuse_what_is_not_one() {
        let loc = S3Location {
            bucket: "team.docs".into(),
            key: "報告/2026 Q3+final/".into(),
        };
        let link = app_link(&loc, Some("work sso"));
        assert!(link.starts_with("bucketlens://open?url=s3%3A%2F%2Fteam.docs%2F"), "{link}");
        assert_eq!(
            parse_app_link(&link).unwrap(),
            AppLink {
                location: loc.clone(),
                profile: Some("work sso".into())
            }
        );
        assert_eq!(parse_app_link(&app_link(&loc, None)).unwrap().profile, None);
        let console = "bucketlens://open?url=https%3A%2F%2Fs3.console.aws.amazon.com%2Fs3%2Fbuckets%2Fbk1%3Fprefix%3Dx%2F";
        assert_eq!(
            parse_app_link(console).unwrap().location,
            S3Location {
                bucket: "bk1".into(),
                key: "x/".into()
            }
        );
        for (bad, why) in [
            ("https://example.com/?url=s3://bk1/", "bucketlens://open"),
            ("bucketlens://delete?url=s3://bk1/", "bucketlens://open"),
            ("bucketlens://open?profile=work", "no url="),
            ("bucketlens://open?url=s3://UPPER/", "not an S3 location"),
            ("bucketlens://open?url=s3://bk1/&profile=a%0Ab", "profile name"),
            ("not a link", "not a URL"),
        ] {
            let e = parse_app_link(bad).unwrap_err().to_string();
            assert!(e.contains(why), "{bad}: {e}");
        }
    }

    #[test]
    fn nonsense_is_refused() {
        assert!(parse("").is_err());
        assert!(parse("s3://UPPER/x").is_err());
        assert!(parse("hello world").is_err());
    }
}
