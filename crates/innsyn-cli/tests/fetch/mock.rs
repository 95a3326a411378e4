//! A mock PxWebApi 2.0 on 127.0.0.1: one thread, a handler per request,
//! every request logged; it stops by itself after 30 s.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::API_PATH;

pub(crate) enum Reply {
    Answer(u16, &'static str, Vec<(&'static str, String)>, Vec<u8>),
    /// Accepts, reads the request, never answers.
    Stall,
}

pub(crate) fn ok(body: Vec<u8>) -> Reply {
    Reply::Answer(200, "application/json; charset=UTF-8", vec![], body)
}
pub(crate) fn problem(status: u16, body: Value) -> Reply {
    Reply::Answer(
        status,
        "application/problem+json",
        vec![],
        body.to_string().into_bytes(),
    )
}

type Handler = dyn Fn(&str, usize) -> Reply + Send + Sync;

pub(crate) struct Mock {
    port: u16,
    log: Arc<Mutex<Vec<String>>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Mock {
    /// `handler` gets the request's path and query and its number (from 0).
    pub(crate) fn start(handler: impl Fn(&str, usize) -> Reply + Send + Sync + 'static) -> Mock {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let port = listener.local_addr().unwrap().port();
        let log = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let handler: Arc<Handler> = Arc::new(handler);
        let (l, s) = (log.clone(), stop.clone());
        let thread = thread::spawn(move || {
            let deadline = Instant::now() + Duration::from_secs(30);
            while !s.load(Ordering::SeqCst) && Instant::now() < deadline {
                match listener.accept() {
                    Ok((conn, _)) => {
                        let (l, s, h) = (l.clone(), s.clone(), handler.clone());
                        thread::spawn(move || serve(conn, &l, &*h, &s));
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                        thread::sleep(Duration::from_millis(5))
                    }
                    Err(_) => break,
                }
            }
        });
        Mock {
            port,
            log,
            stop,
            thread: Some(thread),
        }
    }
    pub(crate) fn api(&self) -> String {
        format!("http://127.0.0.1:{}{API_PATH}", self.port)
    }
    pub(crate) fn requests(&self) -> Vec<String> {
        self.log.lock().unwrap().clone()
    }
}

impl Drop for Mock {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// One request per connection: the answer says `Connection: close`.
fn serve(mut conn: TcpStream, log: &Mutex<Vec<String>>, handler: &Handler, stop: &AtomicBool) {
    let _ = conn.set_nonblocking(false);
    let _ = conn.set_read_timeout(Some(Duration::from_secs(2)));
    let mut head = Vec::new();
    let mut chunk = [0u8; 4096];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        match conn.read(&mut chunk) {
            Ok(0) | Err(_) => return,
            Ok(n) => head.extend_from_slice(&chunk[..n]),
        }
        if head.len() > 65_536 {
            return;
        }
    }
    let text = String::from_utf8_lossy(&head);
    let target = text.split_whitespace().nth(1).unwrap_or("").to_string();
    let n = {
        let mut l = log.lock().unwrap();
        l.push(target.clone());
        l.len() - 1
    };
    match handler(&target, n) {
        Reply::Stall => {
            let until = Instant::now() + Duration::from_secs(4);
            while !stop.load(Ordering::SeqCst) && Instant::now() < until {
                thread::sleep(Duration::from_millis(20));
            }
        }
        Reply::Answer(status, kind, headers, body) => {
            let mut out = format!(
                "HTTP/1.1 {status} X\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n",
                body.len()
            );
            for (k, v) in headers {
                out.push_str(&format!("{k}: {v}\r\n"));
            }
            out.push_str("\r\n");
            let _ = conn.write_all(out.as_bytes());
            let _ = conn.write_all(&body);
            let _ = conn.flush();
        }
    }
}
