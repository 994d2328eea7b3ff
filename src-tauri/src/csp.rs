//! Lets previews load from the S3 endpoints in use: adds each custom endpoint's origin to `img-src`,
//! `frame-src` and `media-src` at start-up (scripts stay `'self'` only).

use bucketlens_core::settings::Settings;
use tauri::utils::config::{Csp, CspDirectiveSources};

/// `scheme://host[:port]` of an endpoint URL, or `None` if it is not http(s).
pub fn origin(endpoint: &str) -> Option<String> {
    let u = url::Url::parse(endpoint).ok()?;
    if !matches!(u.scheme(), "http" | "https") {
        return None;
    }
    Some(u.origin().ascii_serialization())
}

/// Endpoint URLs from the app's per-profile overrides and from the AWS profiles themselves.
pub fn endpoints(settings: &Settings, profile_endpoints: &[String]) -> Vec<String> {
    let mut out: Vec<String> = settings
        .profiles
        .values()
        .filter_map(|p| p.overrides.endpoint_url.as_deref())
        .chain(profile_endpoints.iter().map(String::as_str))
        .filter_map(origin)
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Adds `origins` to the image, frame and media sources of `csp`.
pub fn allow_origins(csp: &mut Csp, origins: &[String]) {
    let Csp::DirectiveMap(map) = csp else { return };
    for directive in ["img-src", "frame-src", "media-src"] {
        let sources = map
            .entry(directive.to_owned())
            .or_insert_with(|| CspDirectiveSources::List(vec!["'self'".into()]));
        for o in origins {
            if !sources.contains(o) {
                sources.push(o);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bucketlens_core::settings::ProfileSettings;

    #[test]
    fn custom_endpoints_become_image_frame_and_media_sources_only() {
        let mut s = Settings::default();
        let mut p = ProfileSettings::default();
        p.overrides.endpoint_url = Some("http://minio.lan:9000/".into());
        s.profiles.insert("minio".into(), p);
        let origins = endpoints(
            &s,
            &[
                "https://s3.example.com/path".into(),
                "ftp://nope".into(),
                "http://minio.lan:9000".into(),
            ],
        );
        assert_eq!(origins, ["http://minio.lan:9000", "https://s3.example.com"]);
        let mut csp = Csp::DirectiveMap(
            [
                ("script-src".to_owned(), CspDirectiveSources::List(vec!["'self'".into()])),
                ("img-src".to_owned(), CspDirectiveSources::Inline("'self' https:".into())),
            ]
            .into(),
        );
        allow_origins(&mut csp, &origins);
        let text = csp.to_string();
        assert!(
            text.contains("img-src 'self' https: http://minio.lan:9000 https://s3.example.com"),
            "{text}"
        );
        assert!(
            text.contains("frame-src 'self' http://minio.lan:9000 https://s3.example.com"),
            "{text}"
        );
        assert!(
            text.contains("media-src 'self' http://minio.lan:9000 https://s3.example.com"),
            "{text}"
        );
        assert!(
            text.contains("script-src 'self'") && !text.contains("script-src 'self' http"),
            "{text}"
        );
    }
}
