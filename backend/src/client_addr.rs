//! Who is on the other end: the client's address and whether it reached us over HTTPS.
//!
//! Behind a reverse proxy the TCP peer is the proxy, and the client is named in
//! `X-Forwarded-For` / `X-Forwarded-Proto`. Anyone can send those headers, so they are believed
//! only when the peer is one of `KAKEHASHI_TRUSTED_PROXIES`; actix's `realip_remote_addr` and
//! `connection_info` believe them from anyone, which would let a client pick its own rate-limit
//! key or claim HTTPS, so they are not used.

use std::net::{IpAddr, Ipv4Addr};

use actix_web::{dev::Payload, web, FromRequest, HttpRequest};
use ipnet::IpNet;

use crate::config::Config;
use crate::error::ApiError;
use crate::state::AppState;

/// The client's address (`client_ip`), as an extractor for handlers that limit per address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientIp(pub IpAddr);

impl FromRequest for ClientIp {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(
            req.app_data::<web::Data<AppState>>()
                .map(|state| ClientIp(client_ip(req, &state.config)))
                .ok_or_else(|| ApiError::internal("app state missing")),
        )
    }
}

/// The client's address. From a trusted proxy: the right-most `X-Forwarded-For` entry that is
/// not itself a trusted proxy (entries to its left were written by the client and may be
/// forged). From anyone else: the TCP peer, whatever the headers say.
pub fn client_ip(req: &HttpRequest, config: &Config) -> IpAddr {
    // No peer address only happens on test requests built without one; they share one key.
    let peer = req
        .peer_addr()
        .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |a| a.ip());
    from_forwarded_for(peer, forwarded_for(req), &config.trusted_proxies)
}

/// Whether the client reached us over HTTPS: TLS on our own listener, or a trusted proxy's
/// `X-Forwarded-Proto: https` (the right-most value, the one the nearest proxy wrote).
pub fn is_https(req: &HttpRequest, config: &Config) -> bool {
    if req.app_config().secure() {
        return true;
    }
    let Some(peer) = req.peer_addr().map(|a| a.ip()) else {
        return false;
    };
    if !is_trusted(peer, &config.trusted_proxies) {
        return false;
    }
    req.headers()
        .get_all("x-forwarded-proto")
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .last()
        .is_some_and(|proto| proto.trim().eq_ignore_ascii_case("https"))
}

/// Parses `KAKEHASHI_TRUSTED_PROXIES`: comma-separated addresses (`10.0.0.5`, `::1`) or
/// networks (`10.0.0.0/8`).
pub fn parse_trusted_proxies(value: &str) -> Result<Vec<IpNet>, String> {
    value
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            s.parse::<IpNet>()
                .or_else(|_| s.parse::<IpAddr>().map(IpNet::from))
                .map_err(|_| {
                    format!("KAKEHASHI_TRUSTED_PROXIES: {s:?} is not an IP address or CIDR network")
                })
        })
        .collect()
}

fn is_trusted(ip: IpAddr, trusted: &[IpNet]) -> bool {
    // An IPv4 peer may show up as `::ffff:a.b.c.d` on a dual-stack listener.
    let ip = match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    };
    trusted.iter().any(|net| net.contains(&ip))
}

/// Every `X-Forwarded-For` entry in order (several headers count as one list).
fn forwarded_for(req: &HttpRequest) -> Vec<String> {
    req.headers()
        .get_all("x-forwarded-for")
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect()
}

/// Walks from the peer leftwards through the hops that trusted proxies vouch for. An entry that
/// is not an address stops the walk at the last hop known to be real.
fn from_forwarded_for(peer: IpAddr, entries: Vec<String>, trusted: &[IpNet]) -> IpAddr {
    let mut client = peer;
    for entry in entries.iter().rev() {
        if !is_trusted(client, trusted) {
            break;
        }
        match parse_entry(entry) {
            Some(ip) => client = ip,
            None => break,
        }
    }
    client
}

/// An `X-Forwarded-For` entry: an address, possibly with a port (`1.2.3.4:5678`,
/// `[2001:db8::1]:443`).
fn parse_entry(entry: &str) -> Option<IpAddr> {
    entry
        .parse::<IpAddr>()
        .ok()
        .or_else(|| entry.parse::<std::net::SocketAddr>().ok().map(|a| a.ip()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    fn list(entries: &[&str]) -> Vec<String> {
        entries.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn headers_from_an_untrusted_peer_are_ignored() {
        let trusted = parse_trusted_proxies("10.0.0.0/8").unwrap();
        let got = from_forwarded_for(ip("203.0.113.9"), list(&["1.2.3.4"]), &trusted);
        assert_eq!(got, ip("203.0.113.9"));
    }

    #[test]
    fn the_right_most_untrusted_entry_is_the_client() {
        let trusted = parse_trusted_proxies("10.0.0.1, 10.0.0.2").unwrap();
        // The client forged "6.6.6.6"; the first proxy appended the real 198.51.100.7.
        let entries = list(&["6.6.6.6", "198.51.100.7", "10.0.0.2"]);
        assert_eq!(
            from_forwarded_for(ip("10.0.0.1"), entries, &trusted),
            ip("198.51.100.7")
        );
    }

    #[test]
    fn junk_stops_at_the_last_real_hop() {
        let trusted = parse_trusted_proxies("10.0.0.1").unwrap();
        assert_eq!(
            from_forwarded_for(ip("10.0.0.1"), list(&["unknown"]), &trusted),
            ip("10.0.0.1")
        );
        assert_eq!(
            from_forwarded_for(ip("10.0.0.1"), list(&["[2001:db8::1]:443"]), &trusted),
            ip("2001:db8::1")
        );
        assert_eq!(
            from_forwarded_for(ip("10.0.0.1"), Vec::new(), &trusted),
            ip("10.0.0.1")
        );
    }

    #[test]
    fn mapped_ipv4_peers_match_ipv4_networks() {
        let trusted = parse_trusted_proxies("127.0.0.1").unwrap();
        assert!(is_trusted(ip("::ffff:127.0.0.1"), &trusted));
        assert!(!is_trusted(ip("::1"), &trusted));
    }

    #[test]
    fn bad_proxy_lists_are_refused() {
        assert!(parse_trusted_proxies("10.0.0.0/33").is_err());
        assert!(parse_trusted_proxies("proxy.internal").is_err());
        assert_eq!(parse_trusted_proxies(" ").unwrap(), Vec::<IpNet>::new());
    }
}
