//! Keeps what is good in a settings file with bad fields: each field that does not parse or validate goes
//! back to its default, the others stay. Only a file that is not JSON at all is given up whole.

use super::Settings;
use serde_json::{Map, Value};

/// The settings of `text` with every bad field reset, and the paths of the fields that were reset (as the
/// window names them, e.g. `expiry.previewSecs`). `None` when `text` is not a JSON object.
pub fn salvage(text: &str) -> Option<(Settings, Vec<String>)> {
    let Ok(Value::Object(file)) = serde_json::from_str::<Value>(text) else {
        return None;
    };
    let mut current = serde_json::to_value(Settings::default()).ok()?;
    let mut reset = Vec::new();
    merge(&mut current, &[], &file, &mut reset);
    let settings = serde_json::from_value(current).ok()?;
    Some((settings, reset))
}

/// Tries each field of `from` at `path` inside `current`, descending into objects the defaults also have.
fn merge(current: &mut Value, path: &[String], from: &Map<String, Value>, reset: &mut Vec<String>) {
    for (k, v) in from {
        let mut here = path.to_vec();
        here.push(k.clone());
        let both_objects = v.is_object() && pointer(current, &here).is_some_and(Value::is_object);
        if both_objects {
            merge(current, &here, v.as_object().expect("checked"), reset);
            continue;
        }
        let mut trial = current.clone();
        set(&mut trial, &here, v.clone());
        let name = here.join(".");
        let good = serde_json::from_value::<Settings>(trial.clone()).is_ok_and(|s| {
            !s.validate()
                .iter()
                .any(|f| f.field == name || f.field.starts_with(&format!("{name}.")))
        });
        if good {
            *current = trial;
        } else {
            reset.push(name);
        }
    }
}

fn pointer<'a>(v: &'a Value, path: &[String]) -> Option<&'a Value> {
    path.iter().try_fold(v, |v, k| v.get(k))
}

fn set(v: &mut Value, path: &[String], to: Value) {
    let (last, parents) = path.split_last().expect("a field path");
    let mut at = v;
    for k in parents {
        at = &mut at[k.as_str()];
    }
    if let Value::Object(m) = at {
        m.insert(last.clone(), to);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::Language;

    #[test]
    fn one_bad_field_goes_back_to_its_default_and_the_rest_stays() {
        let text = r#"{
            "language": "ja",
            "expiry": {"previewSecs": 0, "shareSecs": 120},
            "uploads": {"parallel": "many", "displayName": "Hanako"},
            "profiles": {"dev": {"region": "bad region!", "defaultBucket": "x"}, "prod": {"defaultBucket": "reports"}},
            "logLevel": "loud",
            "theme": 42
        }"#;
        let (s, reset) = salvage(text).unwrap();
        assert_eq!(s.language, Language::Ja);
        assert_eq!((s.expiry.preview_secs, s.expiry.share_secs), (300, 120));
        assert_eq!((s.uploads.parallel, s.uploads.display_name.as_str()), (3, "Hanako"));
        assert_eq!(s.profile("prod").default_bucket.as_deref(), Some("reports"));
        assert_eq!(s.log_level, "info");
        assert!(s.validate().is_empty());
        let mut reset = reset;
        reset.sort();
        assert_eq!(
            reset,
            ["expiry.previewSecs", "logLevel", "profiles.dev", "theme", "uploads.parallel"]
        );
    }

    #[test]
    fn text_that_is_not_a_json_object_is_not_salvaged() {
        assert!(salvage("{ broken").is_none());
        assert!(salvage("[1, 2]").is_none());
    }
}
