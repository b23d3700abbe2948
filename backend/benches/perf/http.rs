//! The HTTP load test: `kakehashi serve` (release) on the bench data, then the bare actix-web
//! baseline answering a body of the same size, each driven alone by the same wrk settings
//! (one wrk thread: on two cores the load generator must leave the server room).

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::bare;
use crate::queries::TYPICAL;
use crate::results::{HttpFigures, Wrk};
use crate::settings::Settings;

/// A server process, ended when dropped (also on an error path).
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_addr() -> Result<String, String> {
    let listener = TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    Ok(addr.to_string())
}

/// One `GET` over a fresh connection: the status and the body (chunked bodies decoded).
fn get(addr: &str, path: &str) -> Result<(u16, Vec<u8>), String> {
    let mut stream = TcpStream::connect(addr).map_err(|e| e.to_string())?;
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .map_err(|e| e.to_string())?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .map_err(|e| e.to_string())?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).map_err(|e| e.to_string())?;
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or("no HTTP header in the answer")?;
    let head = String::from_utf8_lossy(&raw[..end]).to_ascii_lowercase();
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or("no HTTP status")?;
    let body = raw[end + 4..].to_vec();
    if head.contains("transfer-encoding: chunked") {
        return Ok((status, dechunk(&body)));
    }
    Ok((status, body))
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(eol) = data.windows(2).position(|w| w == b"\r\n") {
        let size = std::str::from_utf8(&data[..eol])
            .ok()
            .and_then(|s| usize::from_str_radix(s.split(';').next().unwrap_or("").trim(), 16).ok())
            .unwrap_or(0);
        if size == 0 || data.len() < eol + 2 + size {
            break;
        }
        out.extend_from_slice(&data[eol + 2..eol + 2 + size]);
        data = &data[(eol + 4 + size).min(data.len())..];
    }
    out
}

/// Waits until `path` answers 200 (the app answers only once its index is built).
fn wait_ready(server: &mut Server, addr: &str, path: &str, log: &Path) -> Result<(), String> {
    let started = Instant::now();
    loop {
        if let Ok((200, _)) = get(addr, path) {
            return Ok(());
        }
        if let Ok(Some(status)) = server.0.try_wait() {
            return Err(format!(
                "the server exited ({status}) before answering; see {}",
                log.display()
            ));
        }
        if started.elapsed() > Duration::from_secs(1_800) {
            return Err(format!("no answer on {addr}{path} after 30 minutes"));
        }
        std::thread::sleep(Duration::from_millis(250));
    }
}

/// `512.00us`, `2.10ms`, `1.02s`, `1.00m` → milliseconds.
fn millis(value: &str) -> Option<f64> {
    let split = value.find(|c: char| c.is_ascii_alphabetic())?;
    let (n, unit) = value.split_at(split);
    let n: f64 = n.parse().ok()?;
    Some(match unit {
        "us" => n / 1e3,
        "ms" => n,
        "s" => n * 1e3,
        "m" => n * 60e3,
        _ => return None,
    })
}

fn parse_wrk(out: &str) -> Result<Wrk, String> {
    let mut w = Wrk::default();
    for line in out.lines().map(str::trim) {
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.as_slice() {
            ["Requests/sec:", n] => w.rps = n.parse().unwrap_or(0.0),
            ["50%", v] => w.p50_ms = millis(v).unwrap_or(f64::NAN),
            ["99%", v] => w.p99_ms = millis(v).unwrap_or(f64::NAN),
            [n, "requests", "in", ..] => w.requests = n.parse().unwrap_or(0),
            ["Non-2xx", "or", "3xx", "responses:", n] => w.errors += n.parse().unwrap_or(0),
            ["Socket", "errors:", rest @ ..] => {
                w.errors += rest
                    .iter()
                    .filter_map(|t| t.trim_end_matches(',').parse::<u64>().ok())
                    .sum::<u64>()
            }
            _ => {}
        }
    }
    if w.requests == 0 {
        return Err(format!("wrk measured nothing:\n{out}"));
    }
    Ok(w)
}

fn wrk(s: &Settings, url: &str, time: Duration) -> Result<Wrk, String> {
    let out = Command::new("wrk")
        .args(["-t1", &format!("-c{}", s.http_connections)])
        .args([&format!("-d{}s", time.as_secs().max(1)), "--latency"])
        .args(["--timeout", "10s", url])
        .output()
        .map_err(|e| format!("wrk: {e}"))?;
    parse_wrk(&String::from_utf8_lossy(&out.stdout))
}

/// Warms up, then measures.
fn load(s: &Settings, url: &str) -> Result<Wrk, String> {
    wrk(s, url, Duration::from_secs(3))?;
    let w = wrk(s, url, s.http_time)?;
    println!(
        "{url}: {:.0} requests/s, p50 {:.2} ms, p99 {:.2} ms, {} errors",
        w.rps, w.p50_ms, w.p99_ms, w.errors
    );
    Ok(w)
}

pub fn wrk_available() -> bool {
    Command::new("wrk")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
}

fn rss_bytes(pid: u32) -> Option<u64> {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()?
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next()?.parse::<u64>().ok())
        .map(|kib| kib * 1024)
}

/// The `ms` of the server's "search index built" log line (the server logs JSON here).
fn build_ms(log: &Path) -> Option<u64> {
    let text = std::fs::read_to_string(log).ok()?;
    text.lines()
        .filter(|l| l.contains("search index built"))
        .find_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())?["fields"]["ms"]
        .as_u64()
}

/// Starts `kakehashi serve` on the data, loads it, stops it: (figures, the answer's body,
/// resident memory once the index is built).
fn app_run(
    s: &Settings,
    db: &Path,
    path: &str,
    log_path: &Path,
    cache: bool,
) -> Result<(Wrk, Vec<u8>, Option<u64>), String> {
    let log = std::fs::File::create(log_path).map_err(|e| e.to_string())?;
    let addr = free_addr()?;
    println!(
        "starting kakehashi serve on {addr}, search cache {} (builds its index first; log in {})",
        if cache { "on" } else { "off" },
        log_path.display()
    );
    let mut app = Server(
        Command::new(s.server_binary())
            .arg("serve")
            .env("DATABASE_URL", format!("sqlite://{}", db.display()))
            .env("KAKEHASHI_ADDR", &addr)
            .env("KAKEHASHI_WORKERS", s.workers.to_string())
            .env("KAKEHASHI_LOG_FORMAT", "json")
            .env("KAKEHASHI_SEARCH_CACHE", if cache { "on" } else { "off" })
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .map_err(|e| format!("{}: {e}", s.server_binary().display()))?,
    );
    wait_ready(&mut app, &addr, "/api/health", log_path)?;
    let rss = rss_bytes(app.0.id());
    let (status, body) = get(&addr, path)?;
    if status != 200 {
        return Err(format!(
            "GET {path} answered {status}: {}",
            String::from_utf8_lossy(&body)
        ));
    }
    let figures = load(s, &format!("http://{addr}{path}"))?;
    Ok((figures, body, rss))
}

pub fn measure(s: &Settings, db_path: &Path) -> Result<HttpFigures, String> {
    let path = format!("/api/v1/projects?{}", TYPICAL.url_query());
    let log_path = s.results_dir().join("serve.log");
    let db = std::fs::canonicalize(db_path).map_err(|e| e.to_string())?;
    // The app as deployed (a repeated search is answered from its cache), then with the cache
    // off: what every search costs when it is not a repeat.
    let (app_figures, body, server_rss_bytes) = app_run(s, &db, &path, &log_path, true)?;
    let (uncached, _, _) = app_run(s, &db, &path, &log_path, false)?;

    // Measured alone, after the app stopped: the two never share the cores.
    let addr = free_addr()?;
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let mut bare_server = Server(
        Command::new(exe)
            .env("KAKEHASHI_BENCH_ROLE", bare::ROLE)
            .env("BARE_ADDR", &addr)
            .env("BARE_WORKERS", s.workers.to_string())
            .env("BARE_BODY_BYTES", body.len().to_string())
            .stdout(Stdio::null())
            .spawn()
            .map_err(|e| e.to_string())?,
    );
    wait_ready(&mut bare_server, &addr, &path, &log_path)?;
    let (_, bare_body) = get(&addr, &path)?;
    if bare_body.len() != body.len() {
        return Err(format!(
            "bare body is {} bytes, the app's {}",
            bare_body.len(),
            body.len()
        ));
    }
    let bare_figures = load(s, &format!("http://{addr}{path}"))?;
    drop(bare_server);

    Ok(HttpFigures {
        // Readable in the report; wrk sent it percent-encoded.
        path: format!("/api/v1/projects?{}", TYPICAL.label().replace(", ", "&")),
        body_bytes: body.len(),
        workers: s.workers,
        connections: s.http_connections,
        secs: s.http_time.as_secs(),
        app: app_figures,
        app_uncached: Some(uncached),
        bare: bare_figures,
        server_build_ms: build_ms(&log_path),
        server_rss_bytes,
    })
}
