//! Thumbnails from real encodings: EXIF orientation, WebP, transparency, corrupt bytes; the cache's hits,
//! icons and least-recently-used eviction.

use super::*;
use image::{GenericImageView, ImageFormat, Rgba, RgbaImage};

fn encoded(img: &RgbaImage, format: ImageFormat) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    let dynamic = DynamicImage::ImageRgba8(img.clone());
    let dynamic = if format == ImageFormat::Jpeg {
        DynamicImage::ImageRgb8(dynamic.to_rgb8())
    } else {
        dynamic
    };
    dynamic.write_to(&mut out, format).unwrap();
    out.into_inner()
}

/// A landscape picture: red on the left half, blue on the right.
fn landscape(w: u32, h: u32) -> RgbaImage {
    RgbaImage::from_fn(w, h, |x, _| {
        if x < w / 2 {
            Rgba([220, 20, 20, 255])
        } else {
            Rgba([20, 20, 220, 255])
        }
    })
}

/// `jpeg` with an EXIF block saying "rotate 90° clockwise to show" (orientation 6), as phones write it.
fn with_orientation_6(jpeg: &[u8]) -> Vec<u8> {
    let mut tiff = b"II*\0\x08\0\0\0".to_vec(); // little-endian TIFF, first IFD at 8
    tiff.extend([1, 0]); // one entry
    tiff.extend([0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0]); // Orientation, SHORT, 1, value 6
    tiff.extend([0, 0, 0, 0]); // no next IFD
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend(tiff);
    let len = (app1.len() + 2) as u16;
    let mut out = vec![0xFF, 0xD8, 0xFF, 0xE1];
    out.extend(len.to_be_bytes());
    out.extend(app1);
    out.extend(&jpeg[2..]);
    out
}

fn decoded(thumb: &[u8]) -> DynamicImage {
    image::load_from_memory_with_format(thumb, ImageFormat::Jpeg).expect("a JPEG")
}

#[test]
fn exif_orientation_turns_the_thumbnail_upright() {
    let jpeg = encoded(&landscape(800, 400), ImageFormat::Jpeg);
    let plain = decoded(&render(&jpeg).unwrap());
    assert_eq!(plain.dimensions(), (256, 128));
    let turned = decoded(&render(&with_orientation_6(&jpeg)).unwrap());
    assert_eq!(turned.dimensions(), (128, 256), "a phone's portrait photo stays portrait");
    // Turned clockwise, the left (red) half is on top.
    let top = turned.get_pixel(64, 20);
    let bottom = turned.get_pixel(64, 236);
    assert!(top[0] > 150 && top[2] < 100, "top {top:?}");
    assert!(bottom[2] > 150 && bottom[0] < 100, "bottom {bottom:?}");
}

#[test]
fn webp_gif_and_transparent_png_make_thumbnails() {
    for format in [ImageFormat::WebP, ImageFormat::Gif, ImageFormat::Png] {
        let t = decoded(&render(&encoded(&landscape(300, 600), format)).unwrap());
        assert_eq!(t.dimensions(), (128, 256), "{format:?}");
    }
    let clear = RgbaImage::from_pixel(64, 64, Rgba([0, 0, 0, 0]));
    let t = decoded(&render(&encoded(&clear, ImageFormat::Png)).unwrap());
    assert_eq!(t.dimensions(), (64, 64), "a small picture is not enlarged");
    assert!(t.get_pixel(32, 32)[0] > 240, "transparent is laid on white");
}

#[test]
fn corrupt_and_unknown_bytes_get_an_icon() {
    let jpeg = encoded(&landscape(200, 100), ImageFormat::Jpeg);
    assert_eq!(render(&jpeg[..jpeg.len() / 3]), Err(NoThumb::Undecodable), "a truncated photo");
    assert_eq!(render(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"), Err(NoThumb::Undecodable));
    assert_eq!(render(b""), Err(NoThumb::Undecodable));
    // A header claiming 100,000 × 100,000 pixels is refused before anything is allocated.
    let mut huge = encoded(&landscape(16, 16), ImageFormat::Png);
    huge[16..20].copy_from_slice(&100_000u32.to_be_bytes());
    huge[20..24].copy_from_slice(&100_000u32.to_be_bytes());
    assert_eq!(render(&huge), Err(NoThumb::Undecodable));
}

#[test]
fn the_cache_keeps_hits_and_icons_and_evicts_the_least_recently_used() {
    let dir = tempfile::tempdir().unwrap();
    let cache = ThumbCache::open(dir.path(), 10_000).unwrap();
    let ids: Vec<String> = (0..4).map(|i| ThumbCache::id("b", &format!("k{i}"), "\"e\"", 1)).collect();
    assert_ne!(ids[0], ThumbCache::id("b", "k0", "\"other\"", 1), "a new ETag is a new entry");
    cache.put(&ids[0], &Ok(vec![1; 4000]));
    std::thread::sleep(std::time::Duration::from_millis(20));
    cache.put(&ids[1], &Ok(vec![2; 4000]));
    std::thread::sleep(std::time::Duration::from_millis(20));
    assert_eq!(cache.get(&ids[0]), Some(Ok(vec![1; 4000])), "k0 is used again");
    std::thread::sleep(std::time::Duration::from_millis(20));
    cache.put(&ids[2], &Ok(vec![3; 4000])); // 12,000 > 10,000: the least recently used (k1) goes
    assert_eq!(cache.get(&ids[1]), None);
    assert!(cache.get(&ids[0]).is_some() && cache.get(&ids[2]).is_some());
    assert!(cache.total() <= 10_000, "{}", cache.total());
    std::thread::sleep(std::time::Duration::from_millis(20));
    cache.put(&ids[3], &Err(NoThumb::TooLarge));
    assert_eq!(cache.get(&ids[3]), Some(Err(NoThumb::TooLarge)));

    // Reopened, the order and the cap still hold; a temporary file left by a crash is removed.
    std::fs::write(dir.path().join(".x.1.tmp"), b"partial").unwrap();
    drop(cache);
    let cache = ThumbCache::open(dir.path(), 10_000).unwrap();
    assert!(!dir.path().join(".x.1.tmp").exists());
    assert_eq!(cache.total(), 8000 + 512);
    cache.set_cap(5000);
    assert!(cache.total() <= 4500, "{}", cache.total());
    assert_eq!(cache.get(&ids[3]), Some(Err(NoThumb::TooLarge)), "the newest stays");
}
