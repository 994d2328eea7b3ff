//! The AWS files as text: where they are, their section names, appending a section in the file's own line
//! endings, and replacing a file safely (backup, temporary file, flush, rename; refused if it changed meanwhile).

use crate::error::{Detail, Error, Result};
use std::path::{Path, PathBuf};

/// The section names in an INI text, as aws-config reads them: `[profile x]` → `profile x` (inner spaces
/// collapsed), `[default]` → `default`. Lines that are not headers are ignored.
pub fn section_names(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter_map(|l| l.strip_prefix('['))
        .filter_map(|l| l.split(']').next().filter(|_| l.contains(']')))
        .map(|inner| inner.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

/// `text` with `section` appended in the file's own line ending, after one blank line; nothing else changes.
pub fn append_section(text: &str, header: &str, lines: &[(&str, &str)]) -> String {
    let eol = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let mut out = text.to_owned();
    if !out.is_empty() {
        if !out.ends_with('\n') {
            out.push_str(eol);
        }
        if !out.ends_with(&format!("{eol}{eol}")) && out.trim() != "" {
            out.push_str(eol);
        }
    }
    out.push_str(&format!("[{header}]{eol}"));
    for (k, v) in lines {
        out.push_str(&format!("{k} = {v}{eol}"));
    }
    out
}

/// Where the files are: the explicit ones, else `AWS_CONFIG_FILE` / `AWS_SHARED_CREDENTIALS_FILE`, else `~/.aws`.
pub fn paths(files: &crate::profiles::AwsFiles) -> Result<(PathBuf, PathBuf)> {
    let home = || directories::BaseDirs::new().map(|d| d.home_dir().join(".aws"));
    let pick = |explicit: &Option<PathBuf>, env: &str, name: &str| {
        explicit
            .clone()
            .or_else(|| std::env::var_os(env).filter(|v| !v.is_empty()).map(PathBuf::from))
            .or_else(|| home().map(|h| h.join(name)))
            .ok_or_else(|| Error::internal("no home folder for the AWS files"))
    };
    Ok((
        pick(&files.config, "AWS_CONFIG_FILE", "config")?,
        pick(&files.credentials, "AWS_SHARED_CREDENTIALS_FILE", "credentials")?,
    ))
}

fn read(path: &Path) -> Result<String> {
    match std::fs::read(path) {
        Ok(b) => String::from_utf8(b).map_err(|_| Error::invalid_input(format!("{} is not UTF-8 text", path.display()))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(String::new()),
        Err(e) => Err(Error::io(&format!("reading {}", path.display()), e)),
    }
}

/// Replaces `path` with `text`: a backup (`NAME.bak`) of the old file, a temporary file beside it, flushed,
/// then renamed over. Refused if the file changed since `before` was read (another program wrote it).
pub(super) fn replace(path: &Path, before: &str, text: &str, private: bool) -> Result<()> {
    use std::io::Write;
    let io = |what: &str| {
        let what = format!("{what} {}", path.display());
        move |e| Error::io(&what, e)
    };
    let dir = path.parent().ok_or_else(|| Error::internal("the AWS file has no folder"))?;
    if !dir.exists() {
        std::fs::create_dir_all(dir).map_err(io("creating the folder of"))?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700));
        }
    }
    if read(path)? != before {
        return Err(Error::PreconditionFailed(Detail::msg(format!(
            "{} changed while the profile was being added; nothing was written, try again",
            path.display()
        ))));
    }
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("aws");
    if path.exists() {
        std::fs::copy(path, dir.join(format!("{name}.bak"))).map_err(io("backing up"))?;
    }
    let tmp = dir.join(format!(".{name}.bucketlens-{}", std::process::id()));
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let mode = match (private, std::fs::metadata(path)) {
            (true, _) => 0o600,
            (false, Ok(m)) => std::os::unix::fs::PermissionsExt::mode(&m.permissions()) & 0o777,
            (false, Err(_)) => 0o644,
        };
        opts.mode(mode);
    }
    let mut f = opts.open(&tmp).map_err(io("writing beside"))?;
    f.write_all(text.as_bytes())
        .and_then(|()| f.sync_all())
        .map_err(io("writing beside"))?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Error::io(&format!("replacing {}", path.display()), e)
    })
}

/// The two files' paths and texts (a missing file is empty).
pub fn read_both(files: &crate::profiles::AwsFiles) -> Result<(PathBuf, String, PathBuf, String)> {
    let (config_path, creds_path) = paths(files)?;
    let (config, creds) = (read(&config_path)?, read(&creds_path)?);
    Ok((config_path, config, creds_path, creds))
}
