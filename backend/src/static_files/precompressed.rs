//! The app's files compressed once at the highest brotli and gzip levels, next to the originals
//! (`app_bg.wasm.br`, `app_bg.wasm.gz`), and sent instead of them to browsers that accept it.
//! The Compress middleware compresses on the fly at fast levels; the wasm is most of the first
//! load, and brotli's level 11 sends it about a fifth smaller than its fast level.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use actix_files::NamedFile;
use actix_web::http::header::{self, ContentEncoding};
use actix_web::{HttpRequest, HttpResponse};

/// The files worth compressing ahead: what the first load fetches.
const EXTENSIONS: [&str; 3] = ["wasm", "js", "css"];

/// The encodings written ahead, in the order they are preferred.
const ENCODINGS: [(&str, &str, ContentEncoding); 2] = [
    ("br", "br", ContentEncoding::Brotli),
    ("gzip", "gz", ContentEncoding::Gzip),
];

/// The path pattern of the files served from here (one level, as the build writes them).
pub const ROUTE: &str = r"/{name:[A-Za-z0-9_.-]+\.(?:wasm|js|css)}";

/// Writes the compressed copies that are missing or older than their original; run once at
/// start-up, beside the server. Answers how many it wrote (a new build writes them all, once).
pub fn prepare(dir: &Path) -> io::Result<usize> {
    let mut written = 0;
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        let wanted = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| EXTENSIONS.contains(&e));
        if !wanted || !path.is_file() {
            continue;
        }
        for (_, suffix, _) in ENCODINGS {
            let target = sibling(&path, suffix);
            if is_fresh(&target, &path) {
                continue;
            }
            let input = fs::read(&path)?;
            let output = if suffix == "br" {
                brotli(&input)?
            } else {
                gzip(&input)?
            };
            // Written aside and renamed, so a server never sends half a file.
            let partial = sibling(&path, &format!("{suffix}.partial"));
            fs::write(&partial, output)?;
            fs::rename(&partial, &target)?;
            written += 1;
        }
    }
    Ok(written)
}

/// `GET /{name}` for the app's files: the best compressed copy the browser accepts, else the
/// original (which the Compress middleware may still compress).
pub async fn serve(req: HttpRequest, dir: PathBuf) -> actix_web::Result<HttpResponse> {
    let name = req.match_info().query("name").to_owned();
    let original = dir.join(&name);
    let extension = original
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_owned();
    for (token, suffix, encoding) in ENCODINGS {
        let copy = sibling(&original, suffix);
        if accepts(&req, token) && is_fresh(&copy, &original) {
            let file = NamedFile::open_async(&copy)
                .await?
                .set_content_type(actix_files::file_extension_to_mime(&extension))
                .set_content_encoding(encoding);
            let mut response = file.into_response(&req);
            response.headers_mut().insert(
                header::VARY,
                header::HeaderValue::from_static("accept-encoding"),
            );
            return Ok(response);
        }
    }
    Ok(NamedFile::open_async(&original).await?.into_response(&req))
}

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}

/// Whether `copy` exists and was written after `original` last changed.
fn is_fresh(copy: &Path, original: &Path) -> bool {
    let modified = |p: &Path| fs::metadata(p).and_then(|m| m.modified()).ok();
    matches!((modified(copy), modified(original)), (Some(c), Some(o)) if c >= o)
}

/// Whether `Accept-Encoding` lists `token` without refusing it (`;q=0`).
fn accepts(req: &HttpRequest, token: &str) -> bool {
    req.headers()
        .get_all(header::ACCEPT_ENCODING)
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|item| {
            let mut parts = item.split(';').map(str::trim);
            let name_matches = parts.next().is_some_and(|n| n.eq_ignore_ascii_case(token));
            let refused = parts.any(|p| {
                p.strip_prefix("q=")
                    .and_then(|q| q.parse::<f32>().ok())
                    .is_some_and(|q| q <= 0.0)
            });
            name_matches && !refused
        })
}

fn brotli(input: &[u8]) -> io::Result<Vec<u8>> {
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    let mut out = Vec::with_capacity(input.len() / 3);
    brotli::BrotliCompress(&mut &input[..], &mut out, &params)?;
    Ok(out)
}

fn gzip(input: &[u8]) -> io::Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(
        Vec::with_capacity(input.len() / 3),
        flate2::Compression::best(),
    );
    encoder.write_all(input)?;
    encoder.finish()
}
