//! `bucketlens-cli`: the BucketLens core from a terminal, for scripts, benchmarks and checks.

use bucketlens_core::client::{connect, Connection, Overrides, Secret, Target};
use bucketlens_core::demo::{seed, DemoServer, DEMO_BUCKET};
use bucketlens_core::paths::AppPaths;
use bucketlens_core::presign::{presign_get, presign_put, Disposition, Purpose, PutSpec};
use bucketlens_core::profiles::{list_profiles, AwsFiles};
use bucketlens_core::settings::SettingsStore;
use bucketlens_core::{listing, s3url, upload, Error, Result};
use clap::{Parser, Subcommand};
use std::collections::BTreeMap;
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "bucketlens-cli",
    version,
    about = "Browse, presign and upload to S3 with the BucketLens core"
)]
struct Cli {
    /// AWS profile (default: AWS_PROFILE, else keys from AWS_ACCESS_KEY_ID, else "default").
    #[arg(long, global = true)]
    profile: Option<String>,
    #[arg(long, global = true)]
    region: Option<String>,
    #[arg(long, global = true)]
    endpoint_url: Option<String>,
    /// Address buckets as http://host/bucket instead of http://bucket.host.
    #[arg(long, global = true)]
    path_style: bool,
    /// Print JSON instead of text.
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// List the profiles in the AWS config and credentials files.
    Profiles,
    /// List buckets, or one prefix of a bucket (s3://BUCKET/PREFIX/).
    Ls {
        location: Option<String>,
        /// Follow every continuation page (default: the first 1000 entries).
        #[arg(long)]
        all: bool,
    },
    /// Show an object's type, size and metadata (HeadObject).
    Head { location: String },
    /// Mint a presigned URL.
    #[command(subcommand)]
    Presign(PresignCmd),
    /// Upload a file through a presigned PUT (type detected from the bytes; never replaces unless told).
    Put {
        file: PathBuf,
        /// s3://BUCKET/KEY, or s3://BUCKET/PREFIX/ to keep the file name.
        destination: String,
        #[arg(long)]
        overwrite: bool,
        /// Accept any type instead of the allow-list from the settings.
        #[arg(long)]
        any_type: bool,
        /// Files at least this large go multipart (default: the settings' value, 100 MiB; at most 5120).
        #[arg(long, value_parser = clap::value_parser!(u64).range(5..=5120))]
        multipart_threshold_mib: Option<u64>,
        /// Multipart parts sent at once.
        #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u64).range(1..=16))]
        parallel_parts: u64,
    },
    /// Run the embedded S3 server (SigV4 checked) in the foreground, seeded with the demo bucket.
    DemoServer {
        #[arg(long, default_value_t = 0)]
        port: u16,
        #[arg(long)]
        data: Option<PathBuf>,
        /// Start empty instead of seeding the demo bucket.
        #[arg(long)]
        no_seed: bool,
    },
}

#[derive(Subcommand)]
enum PresignCmd {
    /// A GET URL (inline unless --attachment).
    Get {
        location: String,
        #[arg(long)]
        expires: Option<u64>,
        #[arg(long)]
        attachment: bool,
    },
    /// A PUT URL, then one `Name: value` line per header the sender must send.
    Put {
        location: String,
        #[arg(long)]
        content_type: String,
        #[arg(long)]
        expires: Option<u64>,
        /// Metadata as name=value (repeatable).
        #[arg(long = "meta")]
        meta: Vec<String>,
        /// Sign `x-amz-checksum-crc32c` of this file, as the uploader does for a single PUT.
        #[arg(long)]
        crc32c_of: Option<PathBuf>,
        /// Sign `If-None-Match: *` (the server refuses to replace an existing key).
        #[arg(long)]
        if_none_match: bool,
    },
}

impl Cli {
    fn target(&self) -> Target {
        let overrides = Overrides {
            region: self.region.clone(),
            endpoint_url: self.endpoint_url.clone(),
            path_style: self.path_style.then_some(true),
        };
        let env = |n: &str| std::env::var(n).ok().filter(|v| !v.is_empty());
        if let (None, None, Some(ak), Some(sk)) = (
            &self.profile,
            env("AWS_PROFILE"),
            env("AWS_ACCESS_KEY_ID"),
            env("AWS_SECRET_ACCESS_KEY"),
        ) {
            let endpoint_url = overrides
                .endpoint_url
                .clone()
                .or_else(|| env("AWS_ENDPOINT_URL_S3"))
                .or_else(|| env("AWS_ENDPOINT_URL"));
            return Target::Static {
                label: "environment".into(),
                access_key: ak,
                secret_key: Secret(sk),
                session_token: env("AWS_SESSION_TOKEN").map(Secret),
                region: overrides
                    .region
                    .or_else(|| env("AWS_REGION"))
                    .or_else(|| env("AWS_DEFAULT_REGION"))
                    .unwrap_or_else(|| "us-east-1".into()),
                path_style: self.path_style || endpoint_url.is_some(),
                endpoint_url,
            };
        }
        let name = self
            .profile
            .clone()
            .or_else(|| env("AWS_PROFILE"))
            .unwrap_or_else(|| "default".into());
        Target::Profile { name, overrides }
    }

    async fn conn(&self) -> Result<Connection> {
        let c = connect(&AwsFiles::default(), &self.target()).await?;
        c.creds.current().await?;
        Ok(c)
    }
}

fn print_json(v: &impl serde::Serialize) {
    println!("{}", serde_json::to_string(v).expect("serialisable"));
}

async fn run(cli: Cli) -> Result<()> {
    let settings = SettingsStore::new(&AppPaths::resolve().config_dir).load().0;
    match &cli.cmd {
        Cmd::Profiles => {
            let list = list_profiles(&AwsFiles::default()).await?;
            if cli.json {
                print_json(&list);
            }
            for p in list.profiles.iter().filter(|_| !cli.json) {
                let mark = if list.default_profile.as_deref() == Some(&p.name) {
                    "*"
                } else {
                    " "
                };
                println!(
                    "{mark} {:<24} {:<18} {:<16} {}",
                    p.name,
                    format!("{:?}", p.kind),
                    p.region.as_deref().unwrap_or("-"),
                    p.endpoint_url.as_deref().unwrap_or("")
                );
            }
        }
        Cmd::Ls { location: None, .. } => {
            let buckets = listing::list_buckets(&cli.conn().await?).await?;
            if cli.json {
                print_json(&buckets);
            }
            for b in buckets.iter().filter(|_| !cli.json) {
                println!("{}  {}", b.created.as_deref().unwrap_or("-"), b.name);
            }
        }
        Cmd::Ls { location: Some(loc), all } => {
            let loc = s3url::parse(loc)?;
            let conn = cli.conn().await?;
            let mut more = false;
            let total = listing::list_prefix(&conn, &loc.bucket, &loc.key, listing::DEFAULT_PAGE_SIZE, |page| {
                if cli.json {
                    print_json(&page);
                } else {
                    for f in &page.folders {
                        println!("{:>30} PRE {}", "", f.name.clone() + "/");
                    }
                    for o in &page.objects {
                        println!("{:<20} {:>12} {}", o.last_modified.as_deref().unwrap_or("-"), o.size, o.name);
                    }
                }
                more = !page.is_last;
                *all
            })
            .await?;
            if !cli.json {
                eprintln!("{total} entries{}", if more && !all { " (more: use --all)" } else { "" });
            }
        }
        Cmd::Head { location } => {
            let loc = s3url::parse(location)?;
            let m = listing::head_object(&cli.conn().await?, &loc.bucket, &loc.key).await?;
            if cli.json {
                print_json(&m);
            } else {
                println!(
                    "content-type: {}\nsize: {}\nlast-modified: {}",
                    m.content_type.as_deref().unwrap_or("-"),
                    m.size,
                    m.last_modified.as_deref().unwrap_or("-")
                );
                for (k, v) in &m.metadata {
                    println!("x-amz-meta-{k}: {v}");
                }
            }
        }
        Cmd::Presign(PresignCmd::Get {
            location,
            expires,
            attachment,
        }) => {
            let loc = s3url::parse(location)?;
            let name = loc.key.rsplit('/').next().unwrap_or(&loc.key).to_owned();
            let disposition = if *attachment {
                Disposition::Attachment { filename: name }
            } else {
                Disposition::Inline
            };
            let secs = expires.unwrap_or(if *attachment {
                settings.expiry.share_secs
            } else {
                settings.expiry.preview_secs
            });
            let p = presign_get(&cli.conn().await?, &loc.bucket, &loc.key, &disposition, None, secs).await?;
            if cli.json {
                print_json(&p);
            } else {
                println!("{}", p.url);
                if p.limited_by_credentials {
                    eprintln!("note: valid for {} s only: the temporary credentials expire then", p.effective_secs);
                }
            }
        }
        Cmd::Presign(PresignCmd::Put {
            location,
            content_type,
            expires,
            meta,
            crc32c_of,
            if_none_match,
        }) => {
            let loc = s3url::parse(location)?;
            let mut metadata = BTreeMap::new();
            for m in meta {
                let (k, v) = m
                    .split_once('=')
                    .ok_or_else(|| Error::invalid_input(format!("--meta {m:?} must be name=value")))?;
                metadata.insert(k.to_owned(), v.to_owned());
            }
            let checksum_crc32c = match crc32c_of {
                Some(f) => Some(upload::file_crc32c(f).await?),
                None => None,
            };
            let spec = PutSpec {
                content_type: content_type.clone(),
                metadata,
                if_none_match: *if_none_match,
                checksum_sha256: None,
                checksum_crc32c,
            };
            let p = presign_put(
                &cli.conn().await?,
                &loc.bucket,
                &loc.key,
                &spec,
                expires.unwrap_or(Purpose::Upload.default_secs().min(settings.expiry.upload_secs)),
            )
            .await?;
            if cli.json {
                print_json(&p);
            } else {
                println!("{}", p.url);
                for h in &p.headers {
                    println!("{}: {}", h.name, h.value);
                }
            }
        }
        Cmd::Put {
            file,
            destination,
            overwrite,
            any_type,
            multipart_threshold_mib,
            parallel_parts,
        } => {
            let loc = s3url::parse(destination)?;
            let mut key = loc.key.clone();
            if key.is_empty() || key.ends_with('/') {
                key.push_str(&file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default());
            }
            let by = if settings.uploads.display_name.is_empty() {
                upload::os_user()
            } else {
                settings.uploads.display_name.clone()
            };
            let mut job = upload::UploadJob::new(file.clone(), &loc.bucket, &key);
            job.uploaded_by = by;
            job.allowed_types = if *any_type {
                vec![]
            } else {
                settings.uploads.allowed_types.clone()
            };
            job.conflict = if *overwrite {
                upload::Conflict::Replace
            } else {
                upload::Conflict::Ask
            };
            job.expires_secs = settings.expiry.upload_secs;
            job.multipart_threshold = multipart_threshold_mib.unwrap_or(settings.uploads.multipart_threshold_mib) * 1024 * 1024;
            job.parallel_parts = *parallel_parts as usize;
            let cancel = tokio_util::sync::CancellationToken::new();
            let out = upload::upload_file(&cli.conn().await?, &job, &cancel, &|_, _| {}).await?;
            if cli.json {
                print_json(&out);
            } else {
                if let Some(claimed) = &out.detected.extension_claims {
                    eprintln!(
                        "note: the name suggests {claimed} but the bytes are {}; stored as {}",
                        out.detected.mime, out.detected.mime
                    );
                }
                println!(
                    "uploaded s3://{}/{} ({} bytes, {})",
                    out.bucket, out.key, out.size, out.detected.mime
                );
            }
        }
        Cmd::DemoServer { port, data, no_seed } => {
            let dir = data.clone().unwrap_or_else(|| AppPaths::resolve().demo_dir());
            let server = DemoServer::start(&dir, *port).await?;
            server.ensure_bucket(DEMO_BUCKET)?;
            if !no_seed {
                let conn = connect(&AwsFiles::default(), &server.endpoint.target()).await?;
                seed::seed(&conn, DEMO_BUCKET, &dir, true).await?;
            }
            let e = &server.endpoint;
            let text = if cli.json {
                serde_json::json!({"endpoint": e.endpoint_url, "accessKey": e.access_key, "secretKey": e.secret_key.0, "region": e.region, "bucket": DEMO_BUCKET, "data": dir}).to_string()
            } else {
                format!(
                    "endpoint: {}\naccess_key: {}\nsecret_key: {}\nregion: {}\nbucket: {DEMO_BUCKET}\ndata: {}",
                    e.endpoint_url,
                    e.access_key,
                    e.secret_key.0,
                    e.region,
                    dir.display()
                )
            };
            // The server keeps serving even if whoever started it stops reading stdout.
            use std::io::Write;
            let mut out = std::io::stdout().lock();
            let _ = writeln!(out, "{text}").and_then(|_| out.flush());
            drop(out);
            tokio::signal::ctrl_c().await.map_err(|e| Error::io("waiting for Ctrl-C", e))?;
        }
    }
    Ok(())
}

#[tokio::main]
async fn main() {
    let cli = Cli::parse();
    let json = cli.json;
    if let Err(e) = run(cli).await {
        if json {
            eprintln!("{}", serde_json::to_string(&e).expect("serialisable"));
        } else {
            eprintln!("error: {}", e.friendly());
        }
        std::process::exit(2);
    }
}
