//! Bookmarks, recent places and when each folder was last opened, per profile: the sidebar's places and what
//! "new since your last visit" is measured against. Kept in `places.json` beside the settings and written like
//! them (`durable`): a file that can't be read is moved aside and the places start empty, nothing is lost.

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// How many recent places each profile keeps.
pub const RECENT: usize = 10;
/// How many bookmarks each profile may have.
pub const MAX_BOOKMARKS: usize = 500;
/// How many folders' last visits each profile remembers (the oldest visit is forgotten first).
pub const MAX_VISITED: usize = 5_000;
/// The longest bookmark name, in characters.
pub const MAX_NAME: usize = 120;

/// A folder of a bucket: `prefix` is empty (the bucket's top) or ends with `/`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Place {
    pub bucket: String,
    pub prefix: String,
}

impl Place {
    fn id(&self) -> String {
        // Bucket names hold no `/`, so this is unambiguous.
        format!("{}/{}", self.bucket, self.prefix)
    }

    /// Refuses what no bucket or folder can be (the window is not trusted to send only real places).
    pub fn check(&self) -> Result<()> {
        let b = &self.bucket;
        if b.is_empty() || b.len() > 255 || b.contains('/') || b.chars().any(char::is_control) {
            return Err(Error::invalid_input(format!("{b:?} is not a bucket name")));
        }
        if !(self.prefix.is_empty() || self.prefix.ends_with('/')) || self.prefix.len() > 1024 {
            return Err(Error::invalid_input(format!(
                "{:?} is not a folder (a folder is empty or ends with /, at most 1024 bytes)",
                self.prefix
            )));
        }
        Ok(())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Bookmark {
    pub name: String,
    pub bucket: String,
    pub prefix: String,
}

impl Bookmark {
    fn place(&self) -> Place {
        Place {
            bucket: self.bucket.clone(),
            prefix: self.prefix.clone(),
        }
    }
}

/// One profile's places as the sidebar shows them: bookmarks in the person's order, recent places newest first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Places {
    pub bookmarks: Vec<Bookmark>,
    pub recent: Vec<Place>,
}

/// What opening a folder returns: when it was opened before (Unix milliseconds), and the places after it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Visit {
    #[ts(type = "number | null")]
    pub previous_ms: Option<i64>,
    pub places: Places,
}

/// A change to the bookmarks. A place is bookmarked at most once: adding it again renames it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "op")]
pub enum BookmarkEdit {
    /// Without a name, the folder's own name (or the bucket's).
    Add {
        place: Place,
        name: Option<String>,
    },
    Rename {
        place: Place,
        name: String,
    },
    /// To position `to` (0 is the top; past the end is the end).
    Move {
        place: Place,
        to: u32,
    },
    Remove {
        place: Place,
    },
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
struct ProfilePlaces {
    bookmarks: Vec<Bookmark>,
    recent: Vec<Place>,
    /// Place id → last opened, Unix milliseconds.
    visited: BTreeMap<String, i64>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
struct PlacesFile {
    version: u32,
    profiles: BTreeMap<String, ProfilePlaces>,
}

fn name_for(place: &Place, name: Option<&str>) -> Result<String> {
    let fallback = place
        .prefix
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .filter(|s| !s.is_empty())
        .unwrap_or(&place.bucket);
    let name = name.map(str::trim).filter(|n| !n.is_empty()).unwrap_or(fallback);
    if name.chars().any(char::is_control) {
        return Err(Error::invalid_input(
            "a bookmark's name can't hold control characters (such as a line break)",
        ));
    }
    Ok(name.chars().take(MAX_NAME).collect())
}

/// Reads and writes `places.json` in one folder.
#[derive(Debug, Clone)]
pub struct PlacesStore {
    path: PathBuf,
}

impl PlacesStore {
    pub fn new(dir: &Path) -> Self {
        Self {
            path: dir.join("places.json"),
        }
    }

    /// The file's places; a missing file is none. A file that can't be used is moved aside (only when `mend`,
    /// with the lock held) and reads as none.
    fn read(&self, mend: bool) -> PlacesFile {
        let text = match std::fs::read_to_string(&self.path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return PlacesFile::default(),
            Err(e) => {
                tracing::warn!(path = %self.path.display(), "places could not be read ({e})");
                return PlacesFile::default();
            }
        };
        serde_json::from_str(&text).unwrap_or_else(|e| {
            let backup = if mend { crate::durable::set_aside(&self.path) } else { None };
            tracing::warn!(path = %self.path.display(), ?backup, "places file was broken ({e}); starting with none");
            PlacesFile::default()
        })
    }

    /// Reads, changes and writes back under the lock, so two windows or instances never lose each other's change.
    fn change<T>(&self, profile: &str, f: impl FnOnce(&mut ProfilePlaces) -> Result<T>) -> Result<T> {
        let _lock = self.path.parent().and_then(|d| crate::durable::lock(d, "places.lock"));
        let mut file = self.read(true);
        file.version = 1;
        let out = f(file.profiles.entry(profile.to_owned()).or_default())?;
        let json = serde_json::to_vec_pretty(&file).map_err(|e| Error::internal(e.to_string()))?;
        crate::durable::replace(&self.path, &json).map_err(|e| Error::io("saving bookmarks and recent places", e))?;
        Ok(out)
    }

    pub fn places(&self, profile: &str) -> Places {
        let file = self.read(false);
        file.profiles.get(profile).map(shown).unwrap_or_default()
    }

    /// Records that `place` was opened at `now_ms`: it moves to the top of the recent places, and its previous
    /// visit is returned for the "new since" marks.
    pub fn visit(&self, profile: &str, place: &Place, now_ms: i64) -> Result<Visit> {
        place.check()?;
        self.change(profile, |p| {
            let previous_ms = p.visited.insert(place.id(), now_ms);
            if p.visited.len() > MAX_VISITED {
                if let Some(oldest) = p.visited.iter().min_by_key(|(_, t)| **t).map(|(k, _)| k.clone()) {
                    p.visited.remove(&oldest);
                }
            }
            p.recent.retain(|r| r != place);
            p.recent.insert(0, place.clone());
            p.recent.truncate(RECENT);
            Ok(Visit {
                previous_ms,
                places: shown(p),
            })
        })
    }

    pub fn edit(&self, profile: &str, edit: BookmarkEdit) -> Result<Places> {
        self.change(profile, |p| {
            let find = |p: &ProfilePlaces, place: &Place| {
                place.check()?;
                p.bookmarks
                    .iter()
                    .position(|b| b.place() == *place)
                    .ok_or_else(|| Error::invalid_input(format!("s3://{}/{} is not bookmarked", place.bucket, place.prefix)))
            };
            match edit {
                BookmarkEdit::Add { place, name } => {
                    place.check()?;
                    let name = name_for(&place, name.as_deref())?;
                    let full = p.bookmarks.len() >= MAX_BOOKMARKS;
                    match p.bookmarks.iter_mut().find(|b| b.place() == place) {
                        Some(b) => b.name = name,
                        None if full => {
                            return Err(Error::invalid_input(format!(
                                "a profile keeps at most {MAX_BOOKMARKS} bookmarks; remove one first"
                            )))
                        }
                        None => p.bookmarks.push(Bookmark {
                            name,
                            bucket: place.bucket,
                            prefix: place.prefix,
                        }),
                    }
                }
                BookmarkEdit::Rename { place, name } => {
                    let i = find(p, &place)?;
                    let name = name_for(&place, Some(&name))?;
                    p.bookmarks[i].name = name;
                }
                BookmarkEdit::Move { place, to } => {
                    let i = find(p, &place)?;
                    let b = p.bookmarks.remove(i);
                    let to = (to as usize).min(p.bookmarks.len());
                    p.bookmarks.insert(to, b);
                }
                BookmarkEdit::Remove { place } => {
                    let i = find(p, &place)?;
                    p.bookmarks.remove(i);
                }
            }
            Ok(shown(p))
        })
    }
}

fn shown(p: &ProfilePlaces) -> Places {
    Places {
        bookmarks: p.bookmarks.clone(),
        recent: p.recent.clone(),
    }
}

#[cfg(test)]
#[path = "places_tests.rs"]
mod tests;
