//! The command line as clap reads it, and how it picks the connection target.

use bucketlens_core::client::{connect_with, Connection, Overrides, Target};
use bucketlens_core::profiles::AwsFiles;
use bucketlens_core::Result;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "bucketlens-cli",
    version,
    about = "Browse, presign and upload to S3 with the BucketLens core"
)]
pub struct Cli {
    /// AWS profile (default: AWS_PROFILE, else keys from AWS_ACCESS_KEY_ID, else "default").
    #[arg(long, global = true)]
    pub profile: Option<String>,
    #[arg(long, global = true)]
    pub region: Option<String>,
    #[arg(long, global = true)]
    pub endpoint_url: Option<String>,
    /// Address buckets as http://host/bucket instead of http://bucket.host.
    #[arg(long, global = true)]
    pub path_style: bool,
    /// Print JSON instead of text.
    #[arg(long, global = true)]
    pub json: bool,
    #[command(subcommand)]
    pub cmd: Cmd,
}

#[derive(Subcommand)]
pub enum Cmd {
    /// List the profiles in the AWS config and credentials files.
    Profiles,
    /// Sign an SSO profile in without the AWS CLI: prints the code and the page to confirm it on, waits.
    Login { profile: String },
    /// List buckets, or one prefix of a bucket (s3://BUCKET/PREFIX/).
    Ls {
        location: Option<String>,
        /// Follow every continuation page (default: the first 1000 entries).
        #[arg(long)]
        all: bool,
    },
    /// Find objects at any depth under s3://BUCKET/PREFIX/ by name and filters; hits print as they are found.
    Find(FindCmd),
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
        /// Continue an interrupted multipart upload of this file to this place (the parts the server holds
        /// are kept); without one to continue, upload from the start.
        #[arg(long)]
        resume: bool,
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

#[derive(clap::Args)]
pub struct FindCmd {
    pub location: String,
    /// A piece of the name, or a glob such as '*.pdf' or '2026-*' (the file name; the path below PREFIX when
    /// it has a '/'). Case and Unicode normalisation are ignored.
    #[arg(long)]
    pub name: Option<String>,
    /// Modified on or after this day or time (2026-11-30, or 2026-11-30T09:00:00Z).
    #[arg(long)]
    pub newer: Option<String>,
    /// Modified before this day or time.
    #[arg(long)]
    pub older: Option<String>,
    /// At least this many bytes.
    #[arg(long)]
    pub min_size: Option<i64>,
    /// At most this many bytes.
    #[arg(long)]
    pub max_size: Option<i64>,
    /// Only files of this kind, by their names: pdf, image, text, office or media.
    #[arg(long, value_parser = parse_kind)]
    pub kind: Option<bucketlens_core::search::FileKind>,
    /// Read at most this many keys.
    #[arg(long, default_value_t = bucketlens_core::search::DEFAULT_SCAN_LIMIT)]
    pub limit: u64,
}

fn parse_kind(s: &str) -> Result<bucketlens_core::search::FileKind, String> {
    serde_json::from_value(serde_json::Value::String(s.to_ascii_lowercase()))
        .map_err(|_| format!("{s:?} is not a kind: use pdf, image, text, office or media"))
}

#[derive(Subcommand)]
pub enum PresignCmd {
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
    /// `--profile`, else `AWS_PROFILE`, else keys from `AWS_ACCESS_KEY_ID`, else the "default" profile.
    pub fn target(&self) -> Target {
        let overrides = Overrides {
            region: self.region.clone(),
            endpoint_url: self.endpoint_url.clone(),
            path_style: self.path_style.then_some(true),
        };
        let env_profile = std::env::var("AWS_PROFILE").ok().filter(|v| !v.is_empty());
        if self.profile.is_none() && env_profile.is_none() {
            if let Some(t) = Target::from_env_keys(&overrides) {
                return t;
            }
        }
        let name = self.profile.clone().or(env_profile).unwrap_or_else(|| "default".into());
        Target::Profile { name, overrides }
    }

    pub async fn conn(&self) -> Result<Connection> {
        let mfa = std::sync::Arc::new(bucketlens_core::mfa::Mfa::default());
        mfa.set_prompt(std::sync::Arc::new(crate::TerminalPrompt));
        let c = connect_with(&AwsFiles::default(), &self.target(), &mfa).await?;
        c.creds.current().await?;
        Ok(c)
    }
}
