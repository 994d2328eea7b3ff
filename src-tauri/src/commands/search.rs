//! Commands for finding objects: a search at every depth under a prefix, streamed, and Stop.

use crate::state::AppState;
use bucketlens_core::ipc::SearchRequest;
use bucketlens_core::search::{self, SearchPage};
use bucketlens_core::{Error, Result};
use std::sync::atomic::Ordering;
use tauri::ipc::Channel;
use tauri::State;

/// The most keys one search may read, whatever the window asks.
const MAX_SCAN_LIMIT: u64 = 10_000_000;

/// Streams each page's hits and the count of keys read over `channel`; a newer search or `stop_search` stops
/// this one. The limit is checked here: 1 to 10,000,000 keys, the core's default when none is given.
#[tauri::command]
pub async fn search_objects(state: State<'_, AppState>, request: SearchRequest, channel: Channel<SearchPage>) -> Result<SearchPage> {
    let limit = request.limit.unwrap_or(search::DEFAULT_SCAN_LIMIT);
    if !(1..=MAX_SCAN_LIMIT).contains(&limit) {
        return Err(Error::invalid_input(format!(
            "a search reads 1 to {MAX_SCAN_LIMIT} keys, not {limit}"
        )));
    }
    let conn = state.session.active()?;
    let generation = state.search_generation.fetch_add(1, Ordering::SeqCst) + 1;
    let current = &state.search_generation;
    search::search(&conn, &request.bucket, &request.prefix, &request.query, limit, |page| {
        current.load(Ordering::SeqCst) == generation && channel.send(page).is_ok()
    })
    .await
}

/// Stops the running search (it returns what it had found).
#[tauri::command]
pub fn stop_search(state: State<'_, AppState>) {
    state.search_generation.fetch_add(1, Ordering::SeqCst);
}
