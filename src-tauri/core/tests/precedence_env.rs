//! Region and endpoint precedence: app override > profile file > environment > default.
//! A file of its own (its own process), because it sets environment variables.

use bucketlens_core::client::{connect, Overrides, Target};
use bucketlens_core::profiles::AwsFiles;

#[tokio::test]
async fn override_then_profile_then_environment_then_default() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    let creds = dir.path().join("credentials");
    std::fs::write(
        &config,
        "[profile with-region]\nregion = eu-west-3\nendpoint_url = http://127.0.0.1:7001\n\n[profile bare]\n",
    )
    .unwrap();
    std::fs::write(
        &creds,
        "[with-region]\naws_access_key_id = a\naws_secret_access_key = b\n[bare]\naws_access_key_id = a\naws_secret_access_key = b\n",
    )
    .unwrap();
    let files = AwsFiles::explicit(config, creds);
    // This file holds one test in its own process, so changing the environment races with nothing.
    std::env::remove_var("AWS_DEFAULT_REGION");
    std::env::remove_var("AWS_ENDPOINT_URL");
    std::env::remove_var("AWS_ENDPOINT_URL_S3");
    std::env::set_var("AWS_REGION", "ap-southeast-2");
    let region = |name: &str, o: Overrides| {
        let files = files.clone();
        let name = name.to_owned();
        async move { connect(&files, &Target::Profile { name, overrides: o }).await.unwrap() }
    };
    let over = Overrides {
        region: Some("sa-east-1".into()),
        endpoint_url: Some("http://127.0.0.1:7002".into()),
        path_style: None,
    };
    let c = region("with-region", over).await;
    assert_eq!(
        (c.region.as_str(), c.endpoint_url.as_deref()),
        ("sa-east-1", Some("http://127.0.0.1:7002"))
    );
    let c = region("with-region", Overrides::default()).await;
    assert_eq!(
        (c.region.as_str(), c.endpoint_url.as_deref()),
        ("eu-west-3", Some("http://127.0.0.1:7001"))
    );
    let c = region("bare", Overrides::default()).await;
    assert_eq!(
        (c.region.as_str(), c.endpoint_url.as_deref(), c.path_style),
        ("ap-southeast-2", None, false)
    );
    std::env::set_var("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:7003");
    std::env::remove_var("AWS_REGION");
    let c = region("bare", Overrides::default()).await;
    assert_eq!(
        (c.region.as_str(), c.endpoint_url.as_deref(), c.path_style),
        ("us-east-1", Some("http://127.0.0.1:7003"), true)
    );
}
