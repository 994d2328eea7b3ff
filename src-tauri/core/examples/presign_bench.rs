//! Presign throughput: the project's presign path vs aws-sdk-s3 `presigned()` directly (see bench/).
//! Prints one JSON object: microseconds per URL for each run.

use aws_sdk_s3::presigning::PresigningConfig;
use bucketlens_core::client::{connect, Secret, Target};
use bucketlens_core::presign::{presign_get, presign_put, Disposition, PutSpec};
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str, default: usize| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let (count, runs) = (arg("--count", 20_000), arg("--runs", 5));
    let target = Target::Static {
        label: "bench".into(),
        access_key: "AKIDEXAMPLE".into(),
        secret_key: Secret("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY".into()),
        session_token: None,
        region: "us-east-1".into(),
        endpoint_url: None,
        path_style: false,
    };
    let conn = connect(&Default::default(), &target).await.unwrap();
    let mut meta = BTreeMap::new();
    meta.insert("uploaded-by".to_owned(), "bench".to_owned());
    let spec = PutSpec {
        content_type: "image/jpeg".into(),
        metadata: meta,
        if_none_match: false,
        checksum_sha256: None,
        checksum_crc32c: None,
    };
    let mut out = serde_json::Map::new();
    for case in ["project_get", "project_put", "sdk_get", "sdk_put"] {
        let mut per_run = Vec::new();
        for _ in 0..runs {
            let started = Instant::now();
            for i in 0..count {
                let key = format!("reports/2026/file-{i}.pdf");
                let url = match case {
                    "project_get" => {
                        presign_get(&conn, "bench-bucket", &key, &Disposition::Inline, None, 300)
                            .await
                            .unwrap()
                            .url
                    }
                    "project_put" => presign_put(&conn, "bench-bucket", &key, &spec, 1800).await.unwrap().url,
                    "sdk_get" => conn
                        .client
                        .get_object()
                        .bucket("bench-bucket")
                        .key(&key)
                        .response_content_disposition("inline")
                        .presigned(PresigningConfig::expires_in(Duration::from_secs(300)).unwrap())
                        .await
                        .unwrap()
                        .uri()
                        .to_owned(),
                    _ => conn
                        .client
                        .put_object()
                        .bucket("bench-bucket")
                        .key(&key)
                        .content_type("image/jpeg")
                        .metadata("uploaded-by", "bench")
                        .presigned(PresigningConfig::expires_in(Duration::from_secs(1800)).unwrap())
                        .await
                        .unwrap()
                        .uri()
                        .to_owned(),
                };
                std::hint::black_box(url);
            }
            per_run.push(started.elapsed().as_secs_f64() * 1e6 / count as f64);
        }
        out.insert(case.to_owned(), serde_json::json!(per_run));
    }
    println!("{}", serde_json::Value::Object(out));
}
