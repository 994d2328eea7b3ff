//! The first page of the place a returning user will see, listed before the window asks for it.
//!
//! The app starts it as soon as the remembered profile is connected, while WebKit is still starting, and the
//! window's first listing of that same place (same connection, bucket and prefix, not too old) takes it instead
//! of waiting for a round trip to the bucket. Anything else (another place, a profile switched in between, an
//! error, a page older than `FRESH_FOR`) is dropped and listed as usual, so nothing stale or failed is shown.

use crate::client::Connection;
use crate::listing::{self, ListCursor, ListPage};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::oneshot;

/// How long a page listed ahead may be shown instead of a fresh one.
pub const FRESH_FOR: Duration = Duration::from_secs(20);

struct Pending {
    conn: Arc<Connection>,
    bucket: String,
    prefix: String,
    started: Instant,
    page: oneshot::Receiver<crate::Result<(ListPage, ListCursor)>>,
}

/// Holds at most one first page listed ahead.
#[derive(Default)]
pub struct ListingAhead {
    pending: Mutex<Option<Pending>>,
}

impl ListingAhead {
    /// Starts listing the first page of `prefix` in `bucket` on the runtime, replacing any earlier one.
    pub fn start(&self, conn: Arc<Connection>, bucket: &str, prefix: &str, page_size: i32) {
        let (tx, rx) = oneshot::channel();
        let (c, b, p) = (conn.clone(), bucket.to_owned(), prefix.to_owned());
        tokio::spawn(async move {
            let mut cursor = ListCursor::default();
            let page = listing::next_page(&c, &b, &p, page_size, &mut cursor).await;
            let _ = tx.send(page.map(|page| (page, cursor)));
        });
        *self.pending.lock().unwrap() = Some(Pending {
            conn,
            bucket: bucket.to_owned(),
            prefix: prefix.to_owned(),
            started: Instant::now(),
            page: rx,
        });
    }

    /// The page listed ahead for exactly this connection and place, once (whatever is held is given up by
    /// this call). `None` when there is none, it is for something else, too old, or its listing failed: the
    /// caller lists as usual, and reports the error from its own request.
    pub async fn take(&self, conn: &Arc<Connection>, bucket: &str, prefix: &str) -> Option<(ListPage, ListCursor)> {
        let held = self.pending.lock().unwrap().take()?;
        let fits = Arc::ptr_eq(&held.conn, conn) && held.bucket == bucket && held.prefix == prefix;
        if !fits || held.started.elapsed() > FRESH_FOR {
            return None;
        }
        let page = held.page.await.ok()?.ok()?;
        (held.started.elapsed() <= FRESH_FOR).then_some(page)
    }

    /// Whether a page is held (started and not yet taken or given up).
    pub fn is_held(&self) -> bool {
        self.pending.lock().unwrap().is_some()
    }
}
