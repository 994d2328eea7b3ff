//! The CLI end to end: a real `demo-server` process, a real AWS config profile, real presigned requests.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_bucketlens-cli");

struct Demo {
    child: Child,
    dir: tempfile::TempDir,
    endpoint: String,
    keys: (String, String),
}

impl Drop for Demo {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_demo() -> Demo {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(BIN)
        .args(["demo-server", "--no-seed", "--data"])
        .arg(dir.path().join("s3"))
        .env("BUCKETLENS_CONFIG_DIR", dir.path().join("config"))
        .stdout(Stdio::piped())
        .stderr(std::fs::File::create(dir.path().join("server.log")).unwrap())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut field = |name: &str| {
        let line = lines.next().unwrap().unwrap();
        line.strip_prefix(&format!("{name}: "))
            .unwrap_or_else(|| panic!("{line}"))
            .to_owned()
    };
    let endpoint = field("endpoint");
    let (ak, sk) = (field("access_key"), field("secret_key"));
    assert_eq!(field("region"), "us-east-1");
    assert_eq!(field("bucket"), "demo");
    assert!(field("data").ends_with("s3"));
    std::fs::write(dir.path().join("config-aws"), format!("[profile demo]\nregion = us-east-1\nendpoint_url = {endpoint}\n\n[profile wrong]\nregion = us-east-1\nendpoint_url = {endpoint}\n")).unwrap();
    std::fs::write(dir.path().join("credentials-aws"), format!("[demo]\naws_access_key_id = {ak}\naws_secret_access_key = {sk}\n[wrong]\naws_access_key_id = {ak}\naws_secret_access_key = nope\n")).unwrap();
    Demo {
        child,
        dir,
        endpoint,
        keys: (ak, sk),
    }
}

/// A one-request STS on loopback: answers AssumeRole with the demo server's keys (so S3 accepts them) and
/// hands the request's body to the test.
fn one_shot_sts(keys: &(String, String)) -> (String, std::thread::JoinHandle<String>) {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let (ak, sk) = keys.clone();
    let seen = std::thread::spawn(move || {
        let (mut sock, _) = listener.accept().unwrap();
        let mut buf = Vec::new();
        let mut chunk = [0u8; 4096];
        let body = loop {
            let n = sock.read(&mut chunk).unwrap();
            buf.extend_from_slice(&chunk[..n]);
            let text = String::from_utf8_lossy(&buf).to_string();
            if let Some(end) = text.find("\r\n\r\n") {
                let len: usize = text[..end]
                    .lines()
                    .find_map(|l| {
                        l.to_ascii_lowercase()
                            .strip_prefix("content-length:")
                            .map(|v| v.trim().parse().unwrap())
                    })
                    .unwrap_or(0);
                if buf.len() >= end + 4 + len {
                    break text[end + 4..].to_owned();
                }
            }
        };
        let xml = format!(
            "<AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>{ak}</AccessKeyId>\
             <SecretAccessKey>{sk}</SecretAccessKey><SessionToken>t</SessionToken>\
             <Expiration>2030-01-02T03:04:05Z</Expiration></Credentials></AssumeRoleResult></AssumeRoleResponse>"
        );
        let head = format!(
            "HTTP/1.1 200 OK\r\ncontent-type: text/xml\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
            xml.len()
        );
        sock.write_all(head.as_bytes()).unwrap();
        sock.write_all(xml.as_bytes()).unwrap();
        body
    });
    (url, seen)
}

impl Demo {
    fn cli(&self, args: &[&str]) -> Output {
        Command::new(BIN)
            .args(args)
            .env("AWS_CONFIG_FILE", self.dir.path().join("config-aws"))
            .env("AWS_SHARED_CREDENTIALS_FILE", self.dir.path().join("credentials-aws"))
            .env("BUCKETLENS_CONFIG_DIR", self.dir.path().join("config"))
            .env("BUCKETLENS_DATA_DIR", self.dir.path().join("data"))
            .env_remove("AWS_PROFILE")
            .env_remove("AWS_ACCESS_KEY_ID")
            .output()
            .unwrap()
    }
    fn ok(&self, args: &[&str]) -> String {
        let o = self.cli(args);
        assert!(
            o.status.success(),
            "{args:?}: {}\nserver: {:?} {}",
            String::from_utf8_lossy(&o.stderr),
            std::process::Command::new("ps")
                .arg("-p")
                .arg(self.child.id().to_string())
                .output()
                .map(|o| String::from_utf8_lossy(&o.stdout).into_owned()),
            std::fs::read_to_string(self.dir.path().join("server.log")).unwrap_or_default()
        );
        String::from_utf8(o.stdout).unwrap()
    }
}

#[test]
fn profiles_ls_presign_and_put() {
    let d = start_demo();
    let profiles = d.ok(&["profiles"]);
    assert!(profiles.contains("demo") && profiles.contains(&d.endpoint), "{profiles}");
    assert!(d.ok(&["--profile", "demo", "ls"]).contains("demo"));

    let file = d.dir.path().join("写真.png");
    std::fs::write(&file, bucketlens_demo::test_samples::png()).unwrap();
    let out = d.ok(&["--profile", "demo", "put", file.to_str().unwrap(), "s3://demo/photos/"]);
    assert!(
        out.contains("uploaded s3://demo/photos/写真.png") && out.contains("image/png"),
        "{out}"
    );

    // Refuses to overwrite unless told.
    let again = d.cli(&["--profile", "demo", "put", file.to_str().unwrap(), "s3://demo/photos/"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("AlreadyExists"));
    d.ok(&[
        "--profile",
        "demo",
        "put",
        "--overwrite",
        file.to_str().unwrap(),
        "s3://demo/photos/",
    ]);

    let head = d.ok(&["--profile", "demo", "head", "s3://demo/photos/写真.png"]);
    assert!(
        head.contains("content-type: image/png") && head.contains("x-amz-meta-uploaded-by: "),
        "{head}"
    );
    let ls = d.ok(&["--profile", "demo", "ls", "s3://demo/photos/", "--all"]);
    assert!(ls.contains("写真.png"), "{ls}");
    let json = d.ok(&["--profile", "demo", "--json", "ls", "s3://demo/photos/"]);
    let page: serde_json::Value = serde_json::from_str(json.lines().next().unwrap()).unwrap();
    assert_eq!(page["objects"][0]["key"], "photos/写真.png");

    let url = d.ok(&[
        "--profile",
        "demo",
        "presign",
        "get",
        "s3://demo/photos/写真.png",
        "--expires",
        "120",
    ]);
    assert!(
        url.contains("X-Amz-Expires=120") && url.contains("response-content-disposition=inline"),
        "{url}"
    );
    let put = d.ok(&[
        "--profile",
        "demo",
        "presign",
        "put",
        "s3://demo/x.jpg",
        "--content-type",
        "image/jpeg",
        "--meta",
        "uploaded-by=cli",
    ]);
    let mut lines = put.lines();
    assert!(lines.next().unwrap().starts_with(&d.endpoint));
    let headers: Vec<&str> = lines.collect();
    assert!(
        headers.contains(&"content-type: image/jpeg") && headers.contains(&"x-amz-meta-uploaded-by: cli"),
        "{headers:?}"
    );
}

#[test]
fn errors_are_friendly_and_non_zero() {
    let d = start_demo();
    let o = d.cli(&["--profile", "wrong", "ls"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("SignatureMismatch") && err.contains("secret key"), "{err}");
    let o = d.cli(&["--profile", "ghost", "ls"]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("ProfileNotFound"));
    let o = d.cli(&["--profile", "demo", "ls", "s3://no-such-bucket/"]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("NoSuchBucket"));
    let o = d.cli(&["--profile", "demo", "--json", "ls", "s3://no-such-bucket/"]);
    let v: serde_json::Value = serde_json::from_str(String::from_utf8_lossy(&o.stderr).trim()).unwrap();
    assert_eq!(v["kind"], "NoSuchBucket");
    let o = d.cli(&["--profile", "demo", "put", "/nonexistent/file.png", "s3://demo/"]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("Io"));
}

/// A role profile with an MFA device asks for the code on the terminal, sends it to STS with the device, and
/// lists with the role's credentials.
#[test]
fn an_mfa_role_profile_asks_for_the_code_on_the_terminal() {
    use std::io::Write;
    let d = start_demo();
    let (sts, seen) = one_shot_sts(&d.keys);
    let config = d.dir.path().join("config-aws");
    let mut text = std::fs::read_to_string(&config).unwrap();
    text.push_str(&format!(
        "\n[profile admin]\nrole_arn = arn:aws:iam::111122223333:role/Admin\nsource_profile = demo\n\
         mfa_serial = arn:aws:iam::111122223333:mfa/alice\nregion = us-east-1\nendpoint_url = {}\nservices = fake\n\n\
         [services fake]\nsts =\n  endpoint_url = {sts}\n",
        d.endpoint
    ));
    std::fs::write(&config, text).unwrap();
    let mut child = Command::new(BIN)
        .args(["--profile", "admin", "ls", "s3://demo/"])
        .env("AWS_CONFIG_FILE", &config)
        .env("AWS_SHARED_CREDENTIALS_FILE", d.dir.path().join("credentials-aws"))
        .env("BUCKETLENS_CONFIG_DIR", d.dir.path().join("config"))
        .env("BUCKETLENS_DATA_DIR", d.dir.path().join("data"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"246810\n").unwrap();
    let o = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(err.contains("MFA code for admin (arn:aws:iam::111122223333:mfa/alice)"), "{err}");
    let body = seen.join().unwrap();
    for part in [
        "Action=AssumeRole",
        "TokenCode=246810",
        "SerialNumber=arn%3Aaws%3Aiam%3A%3A111122223333%3Amfa%2Falice",
    ] {
        assert!(body.contains(part), "{part} in {body}");
    }
}

/// A multipart `put` killed with SIGKILL mid-upload leaves a journal entry; `put --resume` sends only what
/// the server lacks, and the stored object is the file, byte for byte, with no parts left over.
#[test]
fn a_killed_multipart_put_resumes_and_stores_exactly_the_file() {
    use bucketlens_demo::faults::{Fault, FaultProxy, Op};
    use sha2::{Digest, Sha256};
    let d = start_demo();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let proxy = rt.block_on(FaultProxy::start(&d.endpoint));
    proxy.inject(Op::UploadPart, Fault::Pass, 2);
    proxy.inject(Op::UploadPart, Fault::Stall(std::time::Duration::from_secs(120)), 100);
    let mut body = vec![0u8; 30 * 1024 * 1024];
    body[..8].copy_from_slice(b"\x89PNG\r\n\x1a\n");
    for (i, b) in body.iter_mut().enumerate().skip(8) {
        *b = (i % 253) as u8;
    }
    let file = d.dir.path().join("big.png");
    std::fs::write(&file, &body).unwrap();
    let file_arg = file.to_str().unwrap();
    let args = [
        "--profile",
        "demo",
        "put",
        file_arg,
        "s3://demo/big/resumed.png",
        "--multipart-threshold-mib",
        "5",
    ];
    let mut child = Command::new(BIN)
        .args(args)
        .args(["--parallel-parts", "1", "--endpoint-url", &proxy.endpoint])
        .env("AWS_CONFIG_FILE", d.dir.path().join("config-aws"))
        .env("AWS_SHARED_CREDENTIALS_FILE", d.dir.path().join("credentials-aws"))
        .env("BUCKETLENS_CONFIG_DIR", d.dir.path().join("config"))
        .env("BUCKETLENS_DATA_DIR", d.dir.path().join("data"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let journal = d.dir.path().join("data/uploads");
    let parts_in = || -> usize {
        let Ok(dir) = std::fs::read_dir(&journal) else { return 0 };
        dir.filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().ends_with(".json"))
            .filter_map(|e| std::fs::read_to_string(e.path()).ok())
            .map(|t| t.matches("\"etag\"").count())
            .max()
            .unwrap_or(0)
    };
    let until = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while parts_in() < 2 {
        assert!(std::time::Instant::now() < until, "the upload never got two parts in");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.kill().unwrap(); // SIGKILL: no chance to clean up
    child.wait().unwrap();
    assert_eq!(parts_in(), 2, "the journal holds the two acknowledged parts");

    let out = d.cli(&[&args[..], &["--resume"]].concat());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("resuming: 16777216 of 31457280 bytes"),
        "two 8 MiB parts kept: {said}"
    );
    let stored = std::fs::read(d.dir.path().join("s3/demo/big/resumed.png")).unwrap();
    assert_eq!(Sha256::digest(&stored), Sha256::digest(&body), "SHA-256 of the stored object");
    let left: Vec<String> = std::fs::read_dir(d.dir.path().join("s3"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| n.contains("upload"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    assert_eq!(std::fs::read_dir(&journal).unwrap().count(), 0, "the journal is empty");
}

#[test]
fn find_prints_hits_at_every_depth_and_a_summary() {
    let d = start_demo();
    let file = d.dir.path().join("p.png");
    std::fs::write(&file, bucketlens_demo::test_samples::png()).unwrap();
    for dest in ["s3://demo/r/2026/11/", "s3://demo/r/2026/月次/", "s3://demo/r/"] {
        d.ok(&["--profile", "demo", "put", "--any-type", file.to_str().unwrap(), dest]);
    }
    let text = d.cli(&["--profile", "demo", "find", "s3://demo/r/2026/", "--name", "*.PNG"]);
    assert!(text.status.success());
    let out = String::from_utf8(text.stdout).unwrap();
    assert_eq!(out.lines().count(), 2, "{out}");
    assert!(out.contains("r/2026/11/p.png") && out.contains("r/2026/月次/p.png"), "{out}");
    assert_eq!(String::from_utf8_lossy(&text.stderr).trim(), "2 found in 2 keys");

    let json = d.ok(&[
        "--profile",
        "demo",
        "--json",
        "find",
        "s3://demo/r/",
        "--name",
        "2026/*/p.png",
        "--newer",
        "2000-01-01",
    ]);
    let hits: Vec<serde_json::Value> = json.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(hits.len(), 2, "{json}");
    assert_eq!(
        (hits[0]["key"].as_str(), hits[0]["name"].as_str()),
        (Some("r/2026/11/p.png"), Some("2026/11/p.png"))
    );

    let limited = d.cli(&["--profile", "demo", "find", "s3://demo/r/", "--limit", "1"]);
    assert!(String::from_utf8_lossy(&limited.stderr).contains("stopped at the limit of 1 keys"));
    let images = d.ok(&["--profile", "demo", "find", "s3://demo/r/", "--kind", "IMAGE"]);
    assert_eq!(images.lines().count(), 3, "{images}");
    assert!(
        d.ok(&["--profile", "demo", "find", "s3://demo/r/", "--kind", "pdf"]).is_empty(),
        "PNGs only there"
    );
    let bad_kind = d.cli(&["--profile", "demo", "find", "s3://demo/", "--kind", "video"]);
    assert!(String::from_utf8_lossy(&bad_kind.stderr).contains("use pdf, image, text, office or media"));
    let bad = d.cli(&["--profile", "demo", "find", "s3://demo/", "--newer", "yesterday"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("not a date"));
}
