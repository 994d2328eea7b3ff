//! The first page of the place a returning user will see, listed before the window asks for it.
//!
//! The app starts it as soon as the remembered profile is connected, while WebKit is still starting. The
//! window's first question (`bootstrap`) carries the page when it is ready, so the first frame that shows the
//! app already shows its rows; the window's listing then goes on after it. If the window lists before taking
//! it, its first listing of that same place starts from it. Only the same connection, bucket and prefix, not
//! older than `FRESH_FOR`, are served this way; anything else (another place, a profile switched in between, an
//! error) is dropped and listed as usual, so nothing stale or failed is shown.

use crate::client::Connection;
use crate::listing::{self, ListCursor, ListPage};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::oneshot;

/// How long a page listed ahead may be shown instead of a fresh one.
pub const FRESH_FOR: Duration = Duration::from_secs(20);

type Listed = crate::Result<(ListPage, ListCursor)>;

enum Held {
    /// The first page is being listed (or is ready in the channel).
    Listing(oneshot::Receiver<Listed>),
    /// The first page went to the window with `bootstrap`; the listing goes on from here.
    After(ListCursor),
}

struct Slot {
    conn: Arc<Connection>,
    bucket: String,
    prefix: String,
    started: Instant,
    held: Held,
}

impl Slot {
    fn fits(&self, conn: &Arc<Connection>, bucket: &str, prefix: &str) -> bool {
        Arc::ptr_eq(&self.conn, conn) && self.bucket == bucket && self.prefix == prefix && self.started.elapsed() <= FRESH_FOR
    }
}

/// What a listing of the remembered place can start from.
#[derive(Debug)]
pub enum Start {
    /// The first page, listed ahead, and where the listing goes on after it.
    First(ListPage, ListCursor),
    /// The window holds the first page already (from `bootstrap`): go on from here.
    After(ListCursor),
}

/// Holds at most one listing started ahead.
#[derive(Default)]
pub struct ListingAhead {
    slot: Mutex<Option<Slot>>,
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
        *self.slot.lock().unwrap() = Some(Slot {
            conn,
            bucket: bucket.to_owned(),
            prefix: prefix.to_owned(),
            started: Instant::now(),
            held: Held::Listing(rx),
        });
    }

    /// For the window's first question: the first page of exactly this place if it is ready within `wait`.
    /// What follows it stays here for the window's listing (`Start::After`). Not ready in time: it stays
    /// here as it is, for the window's first listing.
    pub async fn first_page(&self, conn: &Arc<Connection>, bucket: &str, prefix: &str, wait: Duration) -> Option<ListPage> {
        let mut slot = self.slot.lock().unwrap().take().filter(|s| s.fits(conn, bucket, prefix))?;
        let Held::Listing(rx) = &mut slot.held else { return None };
        let (page, cursor) = match tokio::time::timeout(wait, rx).await {
            Err(_) => {
                self.slot.lock().unwrap().get_or_insert(slot);
                return None;
            }
            Ok(listed) => listed.ok()?.ok()?,
        };
        if !page.is_last {
            slot.held = Held::After(cursor);
            self.slot.lock().unwrap().get_or_insert(slot);
        }
        Some(page)
    }

    /// For a listing of this place: what it can start from, once (whatever is held is given up by this
    /// call). `None` when nothing is held, it is for something else, too old, or its listing failed: the
    /// caller lists from the start, and reports the error from its own request.
    pub async fn take(&self, conn: &Arc<Connection>, bucket: &str, prefix: &str) -> Option<Start> {
        let slot = self.slot.lock().unwrap().take().filter(|s| s.fits(conn, bucket, prefix))?;
        match slot.held {
            Held::After(cursor) => Some(Start::After(cursor)),
            Held::Listing(rx) => {
                let (page, cursor) = rx.await.ok()?.ok()?;
                (slot.started.elapsed() <= FRESH_FOR).then_some(Start::First(page, cursor))
            }
        }
    }

    /// Whether anything is held (started and not yet taken or given up).
    pub fn is_held(&self) -> bool {
        self.slot.lock().unwrap().is_some()
    }
}
