//! A listing page as the window receives it: objects packed in columns (one string of names, numbers for sizes
//! and dates), so a folder of a million keys costs the window tens of bytes per key instead of an object with
//! five strings each (621 MiB for a million keys measured on 2026-11-30; see BENCHMARKS.md).

use crate::listing::{FolderEntry, ListPage};
use aws_smithy_types::date_time::Format;
use aws_smithy_types::DateTime;
use serde::Serialize;
use ts_rs::TS;

/// The objects of one page, column by column; entry `i` of every column is the same object.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ObjectColumns {
    /// Every object's name (its key without the listed prefix), one after another with nothing between.
    pub names: String,
    /// Where each name ends in `names`, counted in UTF-16 code units (what a JavaScript string index counts).
    pub name_ends: Vec<u32>,
    pub sizes: Vec<i64>,
    /// Last modified, in milliseconds since 1970; null when the server sent no date.
    pub modified: Vec<Option<i64>>,
    /// One letter per object for its kind (`FileKind::letter`): one short string instead of a value per key.
    pub kinds: String,
}

/// One page of a prefix listing for the window (`ListPage` with its objects in columns).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ColumnPage {
    pub bucket: String,
    pub prefix: String,
    pub index: u32,
    pub folders: Vec<FolderEntry>,
    pub objects: ObjectColumns,
    /// Entries delivered so far, this page included.
    pub loaded: u32,
    pub is_last: bool,
}

fn millis(rfc3339: Option<&str>) -> Option<i64> {
    DateTime::from_str(rfc3339?, Format::DateTime).ok()?.to_millis().ok()
}

impl From<ListPage> for ColumnPage {
    fn from(page: ListPage) -> Self {
        let mut objects = ObjectColumns {
            names: String::with_capacity(page.objects.iter().map(|o| o.name.len()).sum()),
            name_ends: Vec::with_capacity(page.objects.len()),
            sizes: Vec::with_capacity(page.objects.len()),
            modified: Vec::with_capacity(page.objects.len()),
            kinds: String::with_capacity(page.objects.len()),
        };
        let mut end = 0u32;
        for o in &page.objects {
            objects.names.push_str(&o.name);
            end += o.name.encode_utf16().count() as u32;
            objects.name_ends.push(end);
            objects.sizes.push(o.size);
            objects.modified.push(millis(o.last_modified.as_deref()));
            objects.kinds.push(crate::file_kind::FileKind::letter(o.kind));
        }
        ColumnPage {
            bucket: page.bucket,
            prefix: page.prefix,
            index: page.index,
            folders: page.folders,
            objects,
            loaded: page.loaded,
            is_last: page.is_last,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::listing::ObjectEntry;

    fn entry(name: &str, size: i64, date: Option<&str>) -> ObjectEntry {
        ObjectEntry {
            key: format!("p/{name}"),
            name: name.into(),
            size,
            last_modified: date.map(str::to_owned),
            etag: Some("\"e\"".into()),
            storage_class: None,
            kind: crate::file_kind::FileKind::of(name),
        }
    }

    #[test]
    fn names_end_where_a_javascript_string_index_would_put_them() {
        let page = ListPage {
            bucket: "b".into(),
            prefix: "p/".into(),
            index: 3,
            folders: vec![FolderEntry {
                prefix: "p/d/".into(),
                name: "d".into(),
            }],
            objects: vec![
                entry("a.pdf", 5, Some("2026-11-30T08:00:00Z")),
                // Three bytes in UTF-8 but one UTF-16 unit each; the emoji is four bytes and two units.
                entry("報告書🙂.pdf", 0, None),
                entry("", 7, Some("1969-12-31T23:59:59.5Z")),
                entry("x\u{0}\n", 9, Some("not a date")),
            ],
            loaded: 5,
            is_last: true,
        };
        let c = ColumnPage::from(page);
        assert_eq!(c.objects.names, "a.pdf報告書🙂.pdfx\u{0}\n");
        assert_eq!(c.objects.name_ends, vec![5, 5 + 3 + 2 + 4, 14, 17]);
        assert_eq!(c.objects.sizes, vec![5, 0, 7, 9]);
        assert_eq!(c.objects.modified, vec![Some(1_796_025_600_000), None, Some(-500), None]);
        assert_eq!(c.objects.kinds, "pp--");
        assert_eq!((c.index, c.loaded, c.is_last, c.folders.len()), (3, 5, true, 1));
    }
}
