//! Gallery thumbnails made here, never in the window: the object is fetched (up to 50 MB), decoded by the
//! `image` crate (JPEG, PNG, WebP, GIF), turned as its EXIF orientation says, scaled to fit 256 px and kept
//! as a JPEG in an LRU disk cache keyed by bucket, key and ETag. Anything else gets an icon, with the reason.

pub mod cache;

use crate::client::Connection;
use crate::error::{Error, Result};
use crate::objects;
use image::{DynamicImage, ImageDecoder, ImageReader, Limits};
use std::io::Cursor;

pub use cache::ThumbCache;

/// The longest side of a thumbnail, in pixels.
pub const THUMB_SIZE: u32 = 256;
/// Objects larger than this get an icon instead of a thumbnail.
pub const MAX_SOURCE_BYTES: i64 = 50 * 1024 * 1024;
/// The largest picture decoded, in pixels per side (a larger one gets an icon, not a huge allocation).
pub const MAX_SIDE: u32 = 20_000;

/// Why an object has an icon instead of a thumbnail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoThumb {
    /// Larger than `MAX_SOURCE_BYTES`.
    TooLarge,
    /// Not a picture this build decodes (HEIC, a PDF, a corrupt file).
    Undecodable,
    /// No bytes.
    Empty,
    /// A PDF: the window draws its first page (pdf.js) and hands it back with `keep_drawn`. Never cached.
    Pdf,
}

impl NoThumb {
    pub fn as_str(self) -> &'static str {
        match self {
            NoThumb::TooLarge => "too-large",
            NoThumb::Undecodable => "undecodable",
            NoThumb::Empty => "empty",
            NoThumb::Pdf => "pdf",
        }
    }
}

/// A thumbnail (JPEG bytes), or why there is none.
pub type Thumb = std::result::Result<Vec<u8>, NoThumb>;

/// Decodes `bytes`, applies the EXIF orientation, scales to fit `THUMB_SIZE` and encodes a JPEG. CPU-bound:
/// call it off the async runtime.
pub fn render(bytes: &[u8]) -> Thumb {
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(1024 * 1024 * 1024);
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|_| NoThumb::Undecodable)?;
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(|_| NoThumb::Undecodable)?;
    let orientation = decoder.orientation().unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut img = DynamicImage::from_decoder(decoder).map_err(|_| NoThumb::Undecodable)?;
    img.apply_orientation(orientation);
    let small = if img.width() > THUMB_SIZE || img.height() > THUMB_SIZE {
        img.thumbnail(THUMB_SIZE, THUMB_SIZE)
    } else {
        img
    };
    // JPEG has no transparency: a transparent PNG is laid on white, as it looks on most pages.
    let rgb = if small.color().has_alpha() {
        let rgba = small.to_rgba8();
        let mut out = image::RgbImage::new(rgba.width(), rgba.height());
        for (o, p) in out.pixels_mut().zip(rgba.pixels()) {
            let a = u16::from(p[3]);
            let blend = |c: u8| ((u16::from(c) * a + 255 * (255 - a)) / 255) as u8;
            *o = image::Rgb([blend(p[0]), blend(p[1]), blend(p[2])]);
        }
        out
    } else {
        small.to_rgb8()
    };
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 82)
        .encode_image(&rgb)
        .map_err(|_| NoThumb::Undecodable)?;
    Ok(out)
}

/// The thumbnail of `bucket`/`key`: from the cache when its ETag is known there, else fetched, made and kept
/// (an icon's reason is kept too, so a corrupt 40 MB file is not fetched again).
pub async fn thumbnail(conn: &Connection, cache: &ThumbCache, bucket: &str, key: &str) -> Result<Thumb> {
    let meta = objects::head_object(conn, bucket, key).await?;
    let id = ThumbCache::id(bucket, key, meta.etag.as_deref().unwrap_or(""), meta.size);
    if let Some(hit) = cache.get(&id) {
        return Ok(hit);
    }
    if meta.size == 0 {
        return Ok(Err(NoThumb::Empty));
    }
    if is_pdf(&meta) {
        return Ok(Err(NoThumb::Pdf));
    }
    if meta.size > MAX_SOURCE_BYTES {
        cache.put(&id, &Err(NoThumb::TooLarge));
        return Ok(Err(NoThumb::TooLarge));
    }
    crate::memory::map_large_blocks();
    // At most one byte over the cap is read: an object replaced by a larger one since the HEAD stops there.
    let body = objects::read_head(conn, bucket, key, MAX_SOURCE_BYTES as usize + 1).await?;
    if body.len() as i64 > MAX_SOURCE_BYTES {
        cache.put(&id, &Err(NoThumb::TooLarge));
        return Ok(Err(NoThumb::TooLarge));
    }
    let thumb = tokio::task::spawn_blocking(move || {
        let thumb = render(&body);
        drop(body);
        crate::memory::give_back();
        thumb
    })
    .await
    .map_err(|e| Error::internal(e.to_string()))?;
    cache.put(&id, &thumb);
    Ok(thumb)
}

fn is_pdf(meta: &crate::listing::ObjectMeta) -> bool {
    crate::preview::decide(meta.content_type.as_deref(), &meta.key, None, false) == Some("application/pdf")
}

/// The most a drawn page handed back by the window may weigh.
pub const MAX_DRAWN_BYTES: usize = 1024 * 1024;

/// Keeps a PDF's first page as the window drew it, for the object's current version: only for an object the
/// preview serves as a PDF, only a picture that decodes, and made again here (scaled, re-encoded) so the cache
/// holds only what this module writes.
pub async fn keep_drawn(conn: &Connection, cache: &ThumbCache, bucket: &str, key: &str, base64_image: &str) -> Result<()> {
    use base64::Engine;
    if base64_image.len() > MAX_DRAWN_BYTES * 4 / 3 + 4 {
        return Err(Error::invalid_input("The drawn page is larger than 1 MB."));
    }
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(base64_image)
        .map_err(|_| Error::invalid_input("The drawn page is not base64."))?;
    let meta = objects::head_object(conn, bucket, key).await?;
    if !is_pdf(&meta) {
        return Err(Error::invalid_input("Only a PDF's page is drawn by the window."));
    }
    let thumb = tokio::task::spawn_blocking(move || render(&bytes))
        .await
        .map_err(|e| Error::internal(e.to_string()))?
        .map_err(|_| Error::invalid_input("The drawn page is not a picture."))?;
    let id = ThumbCache::id(bucket, key, meta.etag.as_deref().unwrap_or(""), meta.size);
    cache.put(&id, &Ok(thumb));
    Ok(())
}

#[cfg(test)]
mod tests;
