//! One conditional GET of a language's archive, and every way it can fail said plainly.
//!
//! ureq reads the proxy from the environment when the agent is built: `ALL_PROXY`, then
//! `HTTPS_PROXY`, then `HTTP_PROXY` (each also in lower case; the first one set is used for
//! every request, whatever its scheme), and `NO_PROXY` (exact hosts, `.suffix`, `*.suffix`,
//! `*`) for the hosts to reach directly.

use std::time::Duration;

use super::config::TlsRoots;

/// What the server last said about an archive, sent back so an unchanged one is not sent again.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

impl Validators {
    pub fn is_empty(&self) -> bool {
        self.etag.is_none() && self.last_modified.is_none()
    }
}

pub enum Fetched {
    /// 304: the archive has not changed since the validators were given.
    NotModified,
    Body {
        body: ureq::BodyReader<'static>,
        validators: Validators,
        length: Option<u64>,
    },
}

#[derive(Debug, thiserror::Error)]
#[error("{url}: {what}")]
pub struct FetchError {
    /// The URL without any user name or password in it.
    pub url: String,
    pub what: String,
}

pub struct Fetcher {
    agent: ureq::Agent,
    /// The proxy the agent read from the environment, to name it when a request fails.
    proxy: Option<ureq::Proxy>,
}

impl Fetcher {
    /// An agent for `url_template`: https only (redirects included) unless the template is a
    /// plain-http loopback address, which tests use.
    pub fn new(url_template: &str, timeout: Duration, roots: TlsRoots) -> Fetcher {
        let loopback = is_loopback_http(url_template);
        let tls = ureq::tls::TlsConfig::builder()
            .root_certs(match roots {
                TlsRoots::Bundled => ureq::tls::RootCerts::WebPki,
                TlsRoots::Platform => ureq::tls::RootCerts::PlatformVerifier,
            })
            .build();
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .https_only(!loopback)
            .tls_config(tls)
            .timeout_connect(Some(timeout))
            .timeout_recv_response(Some(timeout))
            .timeout_per_read(Some(timeout))
            .user_agent(concat!("attest-tui/", env!("CARGO_PKG_VERSION")))
            .build();
        Fetcher {
            agent: config.into(),
            proxy: ureq::Proxy::try_from_env(),
        }
    }

    pub fn get(&self, url: &str, known: &Validators) -> Result<Fetched, FetchError> {
        let via = url
            .parse::<ureq::http::Uri>()
            .ok()
            .and_then(|uri| self.proxy.as_ref().filter(|p| !p.is_no_proxy(&uri)))
            .map(|p| {
                format!(
                    " (through the proxy {} from the environment)",
                    redact(&p.uri().to_string())
                )
            });
        let fail = |what: String| FetchError {
            url: redact(url),
            what: what + via.as_deref().unwrap_or(""),
        };
        let mut request = self.agent.get(url);
        if let Some(etag) = &known.etag {
            request = request.header("If-None-Match", etag);
        }
        if let Some(date) = &known.last_modified {
            request = request.header("If-Modified-Since", date);
        }
        let https = url.starts_with("https://");
        let response = request.call().map_err(|e| fail(describe(&e, https)))?;
        let status = response.status();
        if status == ureq::http::StatusCode::NOT_MODIFIED && !known.is_empty() {
            return Ok(Fetched::NotModified);
        }
        if status != ureq::http::StatusCode::OK {
            let reason = status.canonical_reason().unwrap_or("");
            let hint = if status == ureq::http::StatusCode::NOT_FOUND {
                " (no archive there: is the language published, and the URL right?)"
            } else {
                ""
            };
            return Err(fail(format!(
                "the server answered HTTP {} {reason}{hint}",
                status.as_u16()
            )));
        }
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let validators = Validators {
            etag: header("etag"),
            last_modified: header("last-modified"),
        };
        let length = header("content-length").and_then(|v| v.parse().ok());
        Ok(Fetched::Body {
            body: response.into_body().into_reader(),
            validators,
            length,
        })
    }
}

/// What went wrong, in the words an admin needs to fix it.
fn describe(e: &ureq::Error, https: bool) -> String {
    use ureq::Error as E;
    const RESIGNED: &str = "behind a proxy that re-signs TLS, set sync.tls_roots = \"platform\"";
    match e {
        E::HostNotFound => "cannot resolve the host name (no network, or DNS failed)".to_string(),
        // getaddrinfo's failures reach ureq as plain I/O errors.
        E::Io(io) if io.to_string().contains("lookup address") => {
            format!("cannot resolve the host name (no network, or DNS failed): {io}")
        }
        // rustls reports a failed handshake or certificate as invalid data on the stream.
        E::Io(io) if https && io.kind() == std::io::ErrorKind::InvalidData => {
            format!("TLS failed: {io} ({RESIGNED})")
        }
        E::Io(io) => match io.kind() {
            std::io::ErrorKind::ConnectionRefused => format!("cannot connect: {io}"),
            std::io::ErrorKind::TimedOut => {
                format!("timed out: {io} (raise sync.timeout_secs for a slow link)")
            }
            _ => format!("network error: {io}"),
        },
        E::Timeout(t) => {
            format!("timed out ({t}) — no answer in time (raise sync.timeout_secs for a slow link)")
        }
        E::Tls(m) => format!("TLS failed: {m}"),
        E::Rustls(r) => format!("TLS failed: {r} ({RESIGNED})"),
        E::RequireHttpsOnly(_) => {
            "refused: not https (plain http is allowed only for 127.0.0.1, ::1 and localhost)"
                .to_string()
        }
        E::BadUri(m) => format!("not a usable URL: {m}"),
        E::InvalidProxyUrl => {
            "the proxy in ALL_PROXY/HTTPS_PROXY/HTTP_PROXY is not a usable URL".to_string()
        }
        E::ConnectProxyFailed(m) => format!("the proxy refused the connection: {m}"),
        E::TooManyRedirects => "too many redirects".to_string(),
        other => format!("request failed: {other}"),
    }
}

/// `http://127.0.0.1…`, `http://[::1]…` or `http://localhost…`.
pub fn is_loopback_http(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("http://") else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or(host);
    let host = if host.starts_with('[') {
        host.split(']').next().map(|h| &h[1..]).unwrap_or("")
    } else {
        host.split(':').next().unwrap_or("")
    };
    host == "localhost"
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// The URL for messages: a user name or password in it is replaced by `***`.
pub fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    match rest[..authority_end].rfind('@') {
        Some(at) => format!("{scheme}://***@{}", &rest[at + 1..]),
        None => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_addresses_may_use_plain_http() {
        for url in [
            "http://127.0.0.1:8080/x/{lang}.tar.gz",
            "http://localhost/{lang}",
            "http://[::1]:9/{lang}",
        ] {
            assert!(is_loopback_http(url), "{url}");
        }
        for url in [
            "https://127.0.0.1/x",
            "http://example.com/{lang}",
            "http://127.0.0.1.evil.com/x",
            "http://localhost.evil.com/x",
            "http://user@example.com/x",
        ] {
            assert!(!is_loopback_http(url), "{url}");
        }
    }

    #[test]
    fn credentials_never_reach_a_message() {
        assert_eq!(
            redact("https://me:secret@mirror.example/{lang}"),
            "https://***@mirror.example/{lang}"
        );
        assert_eq!(redact("https://a.example/x@y"), "https://a.example/x@y");
    }
}
