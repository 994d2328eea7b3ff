//! Hands memory the allocator keeps after a burst of work back to the system: glibc holds freed blocks in each
//! thread's arena, where they stay resident however idle the app becomes.

/// Returns the free memory glibc holds in its arenas to the system. After start-up (the page's assets served,
/// settings, profiles and the first listing parsed) it held 1.6 MB of the idle app; a photo's bytes and decoded
/// buffers while making thumbnails, tens of MB (bench/gallery.mjs). Elsewhere the allocator returns memory by
/// itself.
pub fn give_back() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases free memory the allocator holds; it touches no live allocation.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Blocks of 256 KiB and more are mapped on their own and returned when freed. glibc raises that threshold after
/// freeing one large block and serves the next ones of that size from the arenas: 500 thumbnails left the app
/// 153 MiB larger. Set once, before the first picture is read.
pub fn map_large_blocks() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        static ONCE: std::sync::Once = std::sync::Once::new();
        // SAFETY: mallopt sets a global allocator parameter under the allocator's own lock.
        ONCE.call_once(|| unsafe {
            libc::mallopt(libc::M_MMAP_THRESHOLD, 256 * 1024);
        });
    }
}
