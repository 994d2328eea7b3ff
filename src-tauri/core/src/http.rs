//! The HTTP clients, one of each kind for the whole process so connections are reused: the SDK's (S3, STS,
//! SSO calls) and the one that sends presigned requests (uploads, deletes). Both are hyper 1 with rustls on
//! ring and trust the same certificates: the operating system's (so a company CA added there, or through
//! `SSL_CERT_FILE`, counts for listing and uploads alike). The presigned one holds no credentials; every
//! request it sends carries its signature in the URL.

/// The SDK's HTTP client: hyper 1, rustls with ring (the SDK's default would build aws-lc, a second crypto
/// library, and its legacy default a second hyper and rustls).
pub fn sdk_http_client() -> aws_smithy_runtime_api::client::http::SharedHttpClient {
    use aws_smithy_http_client::tls::{rustls_provider::CryptoMode, Provider};
    static C: std::sync::OnceLock<aws_smithy_runtime_api::client::http::SharedHttpClient> = std::sync::OnceLock::new();
    C.get_or_init(|| {
        aws_smithy_http_client::Builder::new()
            .tls_provider(Provider::Rustls(CryptoMode::Ring))
            .build_https()
    })
    .clone()
}

/// One shared HTTP client for presigned requests (connection reuse; no credentials of its own).
pub fn http_client() -> &'static reqwest::Client {
    static C: std::sync::OnceLock<reqwest::Client> = std::sync::OnceLock::new();
    C.get_or_init(|| {
        reqwest::Client::builder()
            .connect_timeout(std::time::Duration::from_secs(5))
            .build()
            .expect("building the HTTP client")
    })
}

/// An answer's `Date` header, if it has a readable one.
pub fn date_of(headers: &reqwest::header::HeaderMap) -> Option<String> {
    headers.get(reqwest::header::DATE).and_then(|v| v.to_str().ok()).map(str::to_owned)
}
