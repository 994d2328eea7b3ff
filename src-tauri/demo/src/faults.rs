//! A loopback proxy in front of the embedded S3 that breaks requests on purpose (feature `faults`, for the
//! upload tests): answer an error N times, let the server act and then answer an error or nothing at all,
//! reset a connection mid-body, damage a body, stall, run a hook first (a colleague's write), rewrite the
//! `Date` of answers. Requests pass with their own `Host` header, so signatures stay valid.

use bytes::Bytes;
use futures::future::BoxFuture;
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::{Request, Response};
use hyper_util::rt::{TokioExecutor, TokioIo};
use hyper_util::server::conn::auto::Builder as ConnBuilder;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::net::TcpListener;

/// Which S3 operation a request is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    PutObject,
    CreateMultipart,
    UploadPart,
    Complete,
    Abort,
    ListParts,
    Head,
    Get,
    Other,
}

fn op_of(method: &hyper::Method, query: &str) -> Op {
    let has = |k: &str| query.split('&').any(|p| p == k || p.starts_with(&format!("{k}=")));
    match method.as_str() {
        "PUT" if has("partNumber") => Op::UploadPart,
        "PUT" => Op::PutObject,
        "POST" if has("uploads") => Op::CreateMultipart,
        "POST" if has("uploadId") => Op::Complete,
        "DELETE" if has("uploadId") => Op::Abort,
        "GET" if has("uploadId") => Op::ListParts,
        "HEAD" => Op::Head,
        "GET" => Op::Get,
        _ => Op::Other,
    }
}

pub type Hook = Arc<dyn Fn() -> BoxFuture<'static, ()> + Send + Sync>;

/// What to do to a matching request.
#[derive(Clone)]
pub enum Fault {
    /// Forward unchanged (to let the first requests of a kind through before another rule applies).
    Pass,
    /// Answer this status and S3 error code without forwarding.
    Answer(u16, &'static str),
    /// Forward (the server acts), then answer this status and code instead of the server's answer.
    AnswerAfter(u16, &'static str),
    /// Forward, then close the connection without answering: the client never learns the outcome.
    DropAnswer,
    /// Read part of the body, then reset the connection; nothing reaches the server.
    ResetMidBody,
    /// Flip one byte in the middle of the body, then forward.
    Corrupt,
    /// Wait, then forward.
    Stall(Duration),
    /// Run the hook, then forward.
    Before(Hook),
    /// Forward, then answer with this `Date` header.
    Date(String),
    /// Answer 403 RequestTimeTooSkewed with this `Date`, as a server does whose clock differs from ours.
    Skewed(String),
}

struct Rule {
    op: Op,
    fault: Fault,
    left: usize,
}

#[derive(Default)]
struct State {
    rules: Vec<Rule>,
    seen: Vec<(Op, u16)>,
}

pub struct FaultProxy {
    pub endpoint: String,
    state: Arc<Mutex<State>>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for FaultProxy {
    fn drop(&mut self) {
        self.task.abort();
    }
}

fn answer(status: u16, code: &str) -> Response<Full<Bytes>> {
    let body = format!("<?xml version=\"1.0\"?><Error><Code>{code}</Code><Message>injected: {code}</Message></Error>");
    Response::builder()
        .status(status)
        .header("content-type", "application/xml")
        .body(Full::new(Bytes::from(body)))
        .expect("a valid response")
}

impl FaultProxy {
    /// Listens on loopback and forwards to `upstream` (`http://host:port`).
    pub async fn start(upstream: &str) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("a loopback port");
        let endpoint = format!("http://{}", listener.local_addr().expect("an address"));
        let state = Arc::new(Mutex::new(State::default()));
        let (upstream, shared) = (upstream.trim_end_matches('/').to_owned(), state.clone());
        let client = reqwest::Client::builder().no_proxy().build().expect("an HTTP client");
        let task = tokio::spawn(async move {
            loop {
                let Ok((socket, _)) = listener.accept().await else { continue };
                let (upstream, state, client) = (upstream.clone(), shared.clone(), client.clone());
                let service = hyper::service::service_fn(move |req| handle(req, upstream.clone(), state.clone(), client.clone()));
                tokio::spawn(async move {
                    let _ = ConnBuilder::new(TokioExecutor::new())
                        .serve_connection(TokioIo::new(socket), service)
                        .await;
                });
            }
        });
        Self { endpoint, state, task }
    }

    /// Applies `fault` to the next `times` requests of `op`.
    pub fn inject(&self, op: Op, fault: Fault, times: usize) {
        self.state.lock().unwrap().rules.push(Rule { op, fault, left: times });
    }

    /// How many requests of `op` arrived, and the statuses the client was given (0: no answer).
    pub fn seen(&self, op: Op) -> Vec<u16> {
        self.state
            .lock()
            .unwrap()
            .seen
            .iter()
            .filter(|(o, _)| *o == op)
            .map(|(_, s)| *s)
            .collect()
    }
}

type Answer = Result<Response<Full<Bytes>>, std::io::Error>;

async fn handle(req: Request<Incoming>, upstream: String, state: Arc<Mutex<State>>, client: reqwest::Client) -> Answer {
    let query = req.uri().query().unwrap_or("").to_owned();
    let op = op_of(req.method(), &query);
    let fault = {
        let mut s = state.lock().unwrap();
        let rule = s.rules.iter_mut().find(|r| r.op == op && r.left > 0);
        rule.map(|r| {
            r.left -= 1;
            r.fault.clone()
        })
    };
    let record = |status: u16| state.lock().unwrap().seen.push((op, status));
    let (parts, body) = req.into_parts();
    if let Some(Fault::ResetMidBody) = &fault {
        let mut body = body;
        let _ = body.frame().await; // take the first piece, then hang up
        record(0);
        return Err(std::io::Error::other("injected: connection reset mid-body"));
    }
    let mut bytes = body.collect().await.map_err(std::io::Error::other)?.to_bytes().to_vec();
    match &fault {
        Some(Fault::Answer(status, code)) => {
            record(*status);
            return Ok(answer(*status, code));
        }
        Some(Fault::Skewed(date)) => {
            record(403);
            let mut r = answer(403, "RequestTimeTooSkewed");
            r.headers_mut().insert("date", date.parse().map_err(std::io::Error::other)?);
            return Ok(r);
        }
        Some(Fault::Corrupt) if !bytes.is_empty() => {
            let mid = bytes.len() / 2;
            bytes[mid] ^= 0xff;
        }
        Some(Fault::Stall(d)) => tokio::time::sleep(*d).await,
        Some(Fault::Before(hook)) => hook().await,
        _ => {}
    }
    let path = parts.uri.path_and_query().map(|p| p.as_str()).unwrap_or("/");
    let mut out = client.request(parts.method.clone(), format!("{upstream}{path}"));
    for (name, value) in &parts.headers {
        out = out.header(name, value);
    }
    let resp = out.body(bytes).send().await.map_err(std::io::Error::other)?;
    let status = resp.status().as_u16();
    let headers = resp.headers().clone();
    let body = resp.bytes().await.map_err(std::io::Error::other)?;
    match &fault {
        Some(Fault::AnswerAfter(s, code)) => {
            record(*s);
            return Ok(answer(*s, code));
        }
        Some(Fault::DropAnswer) => {
            record(0);
            return Err(std::io::Error::other("injected: answer dropped"));
        }
        _ => {}
    }
    record(status);
    let mut r = Response::builder().status(status);
    for (name, value) in &headers {
        if matches!(name.as_str(), "transfer-encoding" | "connection" | "keep-alive") {
            continue;
        }
        if let Some(Fault::Date(d)) = &fault {
            if name == "date" {
                r = r.header(name, d.as_str());
                continue;
            }
        }
        r = r.header(name, value);
    }
    Ok(r.body(Full::new(body)).expect("a valid response"))
}
