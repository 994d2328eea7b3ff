//! Asks the window for MFA codes: a question goes over the channel the window registered (`watch_mfa`) and
//! waits for `answer_mfa`. Questions asked before the window listens wait for it; none waits past 5 minutes.

use bucketlens_core::mfa::{MfaPrompt, MfaRequest};
use futures::future::BoxFuture;
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;
use tauri::ipc::Channel;
use tokio::sync::oneshot;

/// How long a question waits for its answer before it counts as cancelled.
const PATIENCE: Duration = Duration::from_secs(300);

/// Open questions by id, with the question (sent again when the window listens anew) and its answer's way back.
type Pending = std::sync::Arc<Mutex<HashMap<String, (MfaRequest, oneshot::Sender<Option<String>>)>>>;

#[derive(Default)]
pub struct WindowPrompt {
    channel: Mutex<Option<Channel<MfaRequest>>>,
    pending: Pending,
}

impl std::fmt::Debug for WindowPrompt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("WindowPrompt")
    }
}

impl WindowPrompt {
    /// The window listens (again, after a reload): open questions are sent to it.
    pub fn watch(&self, channel: Channel<MfaRequest>) {
        for (request, _) in self.pending.lock().unwrap().values() {
            let _ = channel.send(request.clone());
        }
        *self.channel.lock().unwrap() = Some(channel);
    }

    /// The window's answer; `false` when no such question is open (answered, timed out, or never asked).
    pub fn answer(&self, id: &str, code: Option<String>) -> bool {
        match self.pending.lock().unwrap().remove(id) {
            Some((_, tx)) => tx.send(code).is_ok(),
            None => false,
        }
    }
}

impl MfaPrompt for WindowPrompt {
    fn ask(&self, request: MfaRequest) -> BoxFuture<'static, Option<String>> {
        let (tx, rx) = oneshot::channel();
        let id = request.id.clone();
        if let Some(c) = self.channel.lock().unwrap().as_ref() {
            let _ = c.send(request.clone());
        }
        self.pending.lock().unwrap().insert(id.clone(), (request, tx));
        let pending = self.pending.clone();
        Box::pin(async move {
            let answer = tokio::time::timeout(PATIENCE, rx).await.ok().and_then(Result::ok).flatten();
            pending.lock().unwrap().remove(&id);
            answer
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn question(id: &str) -> MfaRequest {
        MfaRequest {
            id: id.into(),
            profile: "admin".into(),
            serial: "arn:aws:iam::1:mfa/a".into(),
            role_arn: "arn:aws:iam::1:role/A".into(),
        }
    }

    #[tokio::test]
    async fn a_question_asked_before_the_window_listens_reaches_it_and_gets_its_answer() {
        let prompt = WindowPrompt::default();
        let asked = prompt.ask(question("q1"));
        let got: Arc<Mutex<Vec<String>>> = Arc::default();
        let sink = got.clone();
        prompt.watch(Channel::new(move |body| {
            if let tauri::ipc::InvokeResponseBody::Json(j) = body {
                sink.lock().unwrap().push(j);
            }
            Ok(())
        }));
        assert_eq!(got.lock().unwrap().len(), 1);
        assert!(got.lock().unwrap()[0].contains("\"id\":\"q1\""));
        assert!(!prompt.answer("other", Some("123456".into())), "an unknown question is refused");
        assert!(prompt.answer("q1", Some("123456".into())));
        assert_eq!(asked.await.as_deref(), Some("123456"));
        assert!(!prompt.answer("q1", Some("123456".into())), "answered once");
        assert!(prompt.pending.lock().unwrap().is_empty());
    }
}
