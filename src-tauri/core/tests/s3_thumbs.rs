//! Gallery thumbnails against the embedded S3: made from the stored bytes, kept per ETag (a replaced object
//! gets a new one, an unchanged one comes from the disk cache), icons for large, corrupt and empty objects.

mod common;
use bucketlens_core::thumbs::{thumbnail, NoThumb, ThumbCache, MAX_SOURCE_BYTES};

#[tokio::test]
async fn thumbnails_are_made_once_per_version_and_kept_on_disk() {
    let f = common::fixture().await;
    let cache_dir = f.dir.path().join("thumbs");
    let cache = ThumbCache::open(&cache_dir, 50 * 1024 * 1024).unwrap();
    let jpeg = bucketlens_demo::test_samples::jpeg();
    f.put("g/photo.jpg", &jpeg, "image/jpeg").await;

    let first = thumbnail(&f.conn, &cache, f.bucket, "g/photo.jpg").await.unwrap().unwrap();
    let img = image::load_from_memory(&first).unwrap();
    assert!(img.width() <= 256 && img.height() <= 256 && img.width() > 0);
    let files: Vec<_> = std::fs::read_dir(&cache_dir).unwrap().flatten().collect();
    assert_eq!(files.len(), 1);

    // The same version is read from the disk: a mark written into the cached file comes back.
    std::fs::write(files[0].path(), b"from the cache").unwrap();
    let again = thumbnail(&f.conn, &cache, f.bucket, "g/photo.jpg").await.unwrap().unwrap();
    assert_eq!(again, b"from the cache");

    // A replaced object has another ETag, so its thumbnail is made again.
    f.put("g/photo.jpg", &bucketlens_demo::test_samples::png(), "image/png").await;
    let replaced = thumbnail(&f.conn, &cache, f.bucket, "g/photo.jpg").await.unwrap().unwrap();
    assert!(image::load_from_memory(&replaced).is_ok());
    assert_eq!(std::fs::read_dir(&cache_dir).unwrap().count(), 2);
}

#[tokio::test]
async fn large_corrupt_and_empty_objects_get_icons() {
    let f = common::fixture().await;
    let cache = ThumbCache::open(&f.dir.path().join("thumbs"), 50 * 1024 * 1024).unwrap();
    let big = vec![0xFFu8; MAX_SOURCE_BYTES as usize + 10 * 1024 * 1024]; // 60 MB
    f.put("g/huge.jpg", &big, "image/jpeg").await;
    f.put("g/broken.png", b"\x89PNG\r\n\x1a\nthen nothing useful", "image/png").await;
    f.put("g/empty.jpg", b"", "image/jpeg").await;
    for (key, want) in [
        ("g/huge.jpg", NoThumb::TooLarge),
        ("g/broken.png", NoThumb::Undecodable),
        ("g/empty.jpg", NoThumb::Empty),
    ] {
        assert_eq!(thumbnail(&f.conn, &cache, f.bucket, key).await.unwrap(), Err(want), "{key}");
    }
    let e = thumbnail(&f.conn, &cache, f.bucket, "g/missing.jpg").await.unwrap_err();
    assert_eq!(e.kind(), bucketlens_core::ErrorKind::NoSuchKey);
}
