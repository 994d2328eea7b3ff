//! Settings on disk under concurrent writers and a reader: no failed save, no torn read, no leftovers.

use bucketlens_core::settings::{Settings, SettingsStore};
use std::sync::atomic::{AtomicU64, Ordering};

#[test]
fn concurrent_writers_and_a_reader_see_only_whole_files() {
    let dir = tempfile::tempdir().unwrap();
    let store = SettingsStore::new(dir.path());
    store.save(&Settings::default()).unwrap();
    let done = std::sync::atomic::AtomicBool::new(false);
    let (errors, torn, reads) = (AtomicU64::new(0), AtomicU64::new(0), AtomicU64::new(0));
    std::thread::scope(|t| {
        let writers: Vec<_> = (0..4u64)
            .map(|w| {
                let (store, errors) = (&store, &errors);
                t.spawn(move || {
                    for i in 0..250u64 {
                        let mut s = Settings::default();
                        s.expiry.preview_secs = 1 + w * 1000 + i;
                        if store.save(&s).is_err() {
                            errors.fetch_add(1, Ordering::Relaxed);
                        }
                    }
                })
            })
            .collect();
        t.spawn(|| {
            while !done.load(Ordering::Relaxed) {
                let text = std::fs::read_to_string(store.path()).unwrap();
                reads.fetch_add(1, Ordering::Relaxed);
                if serde_json::from_str::<Settings>(&text).is_err() {
                    torn.fetch_add(1, Ordering::Relaxed);
                }
            }
        });
        for w in writers {
            w.join().unwrap();
        }
        done.store(true, Ordering::Relaxed);
    });
    assert_eq!((errors.into_inner(), torn.into_inner()), (0, 0));
    assert!(reads.into_inner() > 0);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert_eq!(leftovers, Vec::<String>::new());
    let last = store.load().0.expiry.preview_secs;
    assert!([250, 1250, 2250, 3250].contains(&last), "{last}");
}
