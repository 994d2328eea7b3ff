//! The add-profile writer on messy real-world files (comments, odd spacing, CRLF, `[default]`, duplicate
//! sections, no final newline, missing files): every old byte is kept, aws-config reads the new profile, a
//! backup is left, the credentials file is private, and an existing name is refused with nothing changed.

use bucketlens_core::client::{connect, Target};
use bucketlens_core::profile_writer::{add_profile, NewProfile, SecretString};
use bucketlens_core::profiles::{list_profiles, AwsFiles, ProfileKind};
use bucketlens_core::ErrorKind;
use std::path::Path;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/aws").join(name)).unwrap()
}

fn setup(config: Option<&str>, creds: Option<&str>) -> (tempfile::TempDir, AwsFiles) {
    let dir = tempfile::tempdir().unwrap();
    let aws = dir.path().join("home/.aws");
    std::fs::create_dir_all(&aws).unwrap();
    if let Some(c) = config {
        std::fs::write(aws.join("config"), fixture(c)).unwrap();
    }
    if let Some(c) = creds {
        std::fs::write(aws.join("credentials"), fixture(c)).unwrap();
    }
    let files = AwsFiles::explicit(aws.join("config"), aws.join("credentials"));
    (dir, files)
}

fn keys(name: &str) -> NewProfile {
    NewProfile::AccessKey {
        name: name.into(),
        access_key_id: "AKIAIOSFODNN7EXAMPLE".into(),
        secret_access_key: SecretString("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY".into()),
        region: "ap-northeast-1".into(),
    }
}

fn sso(name: &str) -> NewProfile {
    NewProfile::Sso {
        name: name.into(),
        start_url: "https://my-company.awsapps.com/start".into(),
        sso_region: "ap-northeast-1".into(),
        account_id: "111122223333".into(),
        role_name: "ReadOnly".into(),
        region: "ap-northeast-1".into(),
    }
}

fn read(files: &AwsFiles) -> (Vec<u8>, Vec<u8>) {
    let r = |p: &Option<std::path::PathBuf>| std::fs::read(p.as_ref().unwrap()).unwrap_or_default();
    (r(&files.config), r(&files.credentials))
}

#[tokio::test]
async fn an_access_key_profile_is_appended_keeping_every_byte_and_the_line_endings() {
    let (_d, files) = setup(Some("config-messy"), Some("credentials-crlf"));
    let (config0, creds0) = read(&files);
    add_profile(&files, &keys("photos")).unwrap();
    let (config, creds) = read(&files);
    assert!(config.starts_with(&config0) && creds.starts_with(&creds0), "old bytes kept");
    let added = String::from_utf8(creds[creds0.len()..].to_vec()).unwrap();
    assert_eq!(
        added,
        "\r\n[photos]\r\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\r\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\r\n"
    );
    let added = String::from_utf8(config[config0.len()..].to_vec()).unwrap();
    assert_eq!(
        added, "\n\n[profile photos]\nregion = ap-northeast-1\n",
        "a newline ends the last comment first"
    );
    // Backups of both old files; the credentials file is private.
    let dir = files.config.as_ref().unwrap().parent().unwrap();
    assert_eq!(std::fs::read(dir.join("config.bak")).unwrap(), config0);
    assert_eq!(std::fs::read(dir.join("credentials.bak")).unwrap(), creds0);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(files.credentials.as_ref().unwrap()).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // aws-config reads the new profile, the old ones are as they were, and the keys sign.
    let list = list_profiles(&files).await.unwrap();
    let by = |n: &str| list.profiles.iter().find(|p| p.name == n).cloned();
    assert_eq!(by("photos").unwrap().kind, ProfileKind::Static);
    assert_eq!(by("photos").unwrap().region.as_deref(), Some("ap-northeast-1"));
    assert_eq!(by("spaced").unwrap().region.as_deref(), Some("ap-northeast-1"));
    assert_eq!(by("legacy").unwrap().kind, ProfileKind::Static);
    let conn = connect(&files, &Target::profile("photos")).await.unwrap();
    assert_eq!(conn.creds.current().await.unwrap().access_key_id(), "AKIAIOSFODNN7EXAMPLE");
    assert!(std::fs::read_dir(dir)
        .unwrap()
        .all(|e| !e.unwrap().file_name().to_string_lossy().contains("bucketlens")));
}

#[tokio::test]
async fn an_sso_profile_gets_its_own_sso_session_and_reads_as_sso() {
    let (_d, files) = setup(Some("config-plain"), None);
    add_profile(&files, &sso("company")).unwrap();
    let (config, creds) = read(&files);
    let text = String::from_utf8(config).unwrap();
    assert!(
        text.starts_with("[profile only]\nregion = eu-north-1\n\n[sso-session company]\n"),
        "{text}"
    );
    assert!(creds.is_empty(), "no secret for SSO");
    let list = list_profiles(&files).await.unwrap();
    assert_eq!(list.profiles.iter().find(|p| p.name == "company").unwrap().kind, ProfileKind::Sso);
    let t = bucketlens_core::sso_device::target(&files, "company").await.unwrap();
    assert_eq!(
        (t.session.as_deref(), t.start_url.as_str()),
        (Some("company"), "https://my-company.awsapps.com/start")
    );
}

#[tokio::test]
async fn missing_files_and_folder_are_created() {
    let dir = tempfile::tempdir().unwrap();
    let aws = dir.path().join("fresh/.aws");
    let files = AwsFiles::explicit(aws.join("config"), aws.join("credentials"));
    add_profile(&files, &keys("default")).unwrap();
    let (config, creds) = read(&files);
    assert_eq!(String::from_utf8(config).unwrap(), "[default]\nregion = ap-northeast-1\n");
    assert!(String::from_utf8(creds).unwrap().starts_with("[default]\naws_access_key_id = "));
    assert!(!aws.join("config.bak").exists(), "nothing to back up");
    assert_eq!(list_profiles(&files).await.unwrap().default_profile.as_deref(), Some("default"));
}

#[tokio::test]
async fn a_name_that_exists_in_either_file_is_refused_and_nothing_changes() {
    let (_d, files) = setup(Some("config-messy"), Some("credentials-crlf"));
    let before = read(&files);
    // `[ profile  spaced ]`, a duplicated section, `[default]`, a credentials-only profile, an sso-session.
    for (p, name) in [
        (keys("spaced"), "spaced"),
        (keys("dup"), "dup"),
        (keys("default"), "default"),
        (keys("legacy"), "legacy"),
        (sso("corp"), "corp"),
    ] {
        let e = add_profile(&files, &p).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::AlreadyExists, "{name}: {e}");
        assert!(e.message().contains(name), "{e}");
    }
    assert_eq!(read(&files), before);
    let dir = files.config.as_ref().unwrap().parent().unwrap();
    assert!(!dir.join("config.bak").exists());
}

#[tokio::test]
async fn bad_fields_are_refused_before_anything_is_written() {
    let (_d, files) = setup(Some("config-plain"), None);
    let before = read(&files);
    let bad = |f: &dyn Fn(&mut NewProfile)| {
        let mut p = keys("ok");
        f(&mut p);
        add_profile(&files, &p).unwrap_err()
    };
    type Edit = Box<dyn Fn(&mut NewProfile)>;
    let cases: Vec<(Edit, &str)> = vec![
        (
            Box::new(|p| {
                if let NewProfile::AccessKey { name, .. } = p {
                    *name = "two words".into()
                }
            }),
            "name",
        ),
        (
            Box::new(|p| {
                if let NewProfile::AccessKey { name, .. } = p {
                    *name = "x]\n[evil".into()
                }
            }),
            "name",
        ),
        (
            Box::new(|p| {
                if let NewProfile::AccessKey { access_key_id, .. } = p {
                    *access_key_id = "akia lower".into()
                }
            }),
            "accessKeyId",
        ),
        (
            Box::new(|p| {
                if let NewProfile::AccessKey { secret_access_key, .. } = p {
                    secret_access_key.0 = "with\nnewline-and-more-than-16".into()
                }
            }),
            "secretAccessKey",
        ),
        (
            Box::new(|p| {
                if let NewProfile::AccessKey { region, .. } = p {
                    *region = "Tokyo".into()
                }
            }),
            "region",
        ),
    ];
    for (f, field) in cases {
        let e = bad(&*f);
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{e}");
        assert!(e.message().starts_with(field), "{e}");
    }
    let mut p = sso("s");
    if let NewProfile::Sso { start_url, .. } = &mut p {
        *start_url = "http://corp.awsapps.com/start".into();
    }
    assert!(add_profile(&files, &p).unwrap_err().message().starts_with("startUrl"));
    assert_eq!(read(&files), before);
    assert_eq!(format!("{:?}", keys("x")), "x", "Debug shows no secret");
}
