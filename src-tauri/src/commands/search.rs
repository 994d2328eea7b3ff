//! Commands for finding objects: a search at every depth under a prefix, streamed, and Stop.

use crate::state::AppState;
use bucketlens_core::ipc::SearchRequest;
use bucketlens_core::search::{self, SearchPage};
use bucketlens_core::{Error, Result};
use std::sync::atomic::Ordering;
use tauri::ipc::Channel;
use tauri::State;

/// Streams each page's hits and the count of keys read over `channel`; a newer search or `stop_search` stops
/// this one. The limit is checked here: 1 to 10,000,000 keys, the search setting when none is given.
#[tauri::command]
pub async fn search_objects(state: State<'_, AppState>, request: SearchRequest, channel: Channel<SearchPage>) -> Result<SearchPage> {
    let limit = request.limit.unwrap_or(state.settings().search.scan_limit);
    if !(1..=search::MAX_SCAN_LIMIT).contains(&limit) {
        return Err(Error::invalid_input(format!(
            "a search reads 1 to {} keys, not {limit}",
            search::MAX_SCAN_LIMIT
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
