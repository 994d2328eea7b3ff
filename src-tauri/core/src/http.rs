//! The one HTTP client that sends presigned requests (uploads, deletes): shared so connections are reused.
//! It holds no credentials; every request it sends carries its own signature in the URL.

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
