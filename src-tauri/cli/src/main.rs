//! `bucketlens-cli`: the BucketLens core from a terminal, for scripts, benchmarks and checks.

use bucketlens_core::paths::AppPaths;
use bucketlens_core::presign::{presign_get, presign_put, Disposition, PutSpec};
use bucketlens_core::profiles::{list_profiles, AwsFiles};
use bucketlens_core::settings::SettingsStore;
use bucketlens_core::{listing, objects, s3url, upload, Error, Result};
use bucketlens_demo::DEMO_BUCKET;
use clap::Parser;
use std::collections::BTreeMap;

mod args;
mod find;
use args::{Cli, Cmd, PresignCmd};

/// Asks for an MFA code on the terminal (stderr, then a line of stdin); end of input cancels.
#[derive(Debug)]
struct TerminalPrompt;

impl bucketlens_core::mfa::MfaPrompt for TerminalPrompt {
    fn ask(&self, q: bucketlens_core::mfa::MfaRequest) -> futures::future::BoxFuture<'static, Option<String>> {
        Box::pin(async move {
            eprint!("MFA code for {} ({}): ", q.profile, q.serial);
            tokio::task::spawn_blocking(|| {
                let mut line = String::new();
                match std::io::stdin().read_line(&mut line) {
                    Ok(n) if n > 0 => Some(line.trim().to_owned()),
                    _ => None,
                }
            })
            .await
            .ok()
            .flatten()
        })
    }
}

fn print_json(v: &impl serde::Serialize) {
    println!("{}", serde_json::to_string(v).expect("serialisable"));
}

async fn run(cli: Cli) -> Result<()> {
    let settings = SettingsStore::new(&AppPaths::resolve().config_dir).peek();
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
        Cmd::Login { profile } => {
            let cache = upload::lifetime::sso_cache_dir().ok_or_else(|| Error::internal("no home folder"))?;
            let show = |c: bucketlens_core::sso_device::DeviceCode| {
                let page = c.verification_uri_complete.unwrap_or(c.verification_uri);
                eprintln!("Open {page}\nand check that it shows the code {}. Waiting…", c.user_code);
            };
            let cancel = tokio_util::sync::CancellationToken::new();
            bucketlens_core::sso_device::sign_in(&AwsFiles::default(), profile, &cache, show, &cancel).await?;
            eprintln!("Signed in: {profile}");
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
        Cmd::Find(f) => find::run(&cli.conn().await?, f, cli.json).await?,
        Cmd::Head { location } => {
            let loc = s3url::parse(location)?;
            let m = objects::head_object(&cli.conn().await?, &loc.bucket, &loc.key).await?;
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
                expires.unwrap_or(settings.expiry.upload_secs),
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
            resume,
        } => {
            let loc = s3url::parse(destination)?;
            let mut key = loc.key.clone();
            if key.is_empty() || key.ends_with('/') {
                key.push_str(&file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default());
            }
            let data_dir = AppPaths::resolve().data_dir;
            let mut job = upload::UploadJob::from_settings(file.clone(), &loc.bucket, &key, &settings, &data_dir);
            if *any_type {
                job.allowed_types = vec![];
            }
            if *overwrite {
                job.conflict = upload::Conflict::Replace;
            }
            if let Some(mib) = multipart_threshold_mib {
                job.multipart_threshold = mib * 1024 * 1024;
            }
            job.parallel_parts = *parallel_parts as usize;
            // Multipart uploads are journalled in the data folder, so a killed `put` can be resumed.
            let journal = upload::Journal::new(&data_dir);
            let conn = cli.conn().await?;
            if let Err(e) = upload::sweep(&conn, &journal).await {
                eprintln!("note: could not sweep half-created uploads: {e}");
            }
            let cancel = tokio_util::sync::CancellationToken::new();
            let pending = resume.then(|| std::path::absolute(file).ok()).flatten().and_then(|path| {
                journal
                    .list()
                    .into_iter()
                    .find(|e| e.bucket == loc.bucket && e.key == key && e.path == path)
            });
            let out = match pending {
                Some(entry) => {
                    eprintln!("resuming: {} of {} bytes are on the server", entry.done_bytes(), entry.size);
                    let never = std::sync::atomic::AtomicBool::new(false);
                    let params = (job.expires_secs, job.parallel_parts);
                    upload::resume(&conn, &journal, &entry.id, params, (&cancel, &never), &|_, _| {}).await?
                }
                None => upload::upload_file(&conn, &job, &cancel, &|_, _| {}).await?,
            };
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
            let server = bucketlens_demo::start_seeded(&dir, *port, !no_seed).await?;
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
