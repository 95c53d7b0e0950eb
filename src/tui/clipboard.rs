//! Effects `State::update` asks for and the event loop performs: copying through the terminal
//! (OSC 52, so it works over ssh) and opening a link with the system opener in the background.

use std::io::Write;
use std::process::{Command, Stdio};

use super::state::Effect;

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with padding.
pub fn base64(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(B64[((n >> (18 - 6 * k)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The OSC 52 sequence that puts `text` on the clipboard. The text is sanitized first (no
/// control characters can reach the terminal) and travels base64-encoded.
pub fn osc52(text: &str) -> String {
    let clean = crate::text::sanitize(text);
    format!("\x1b]52;c;{}\x07", base64(clean.as_bytes()))
}

/// The program that opens a link on this system.
fn opener() -> &'static str {
    if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    }
}

/// Perform one effect; an error is a message for the status line.
pub fn perform(effect: Effect, out: &mut impl Write) -> Result<(), String> {
    match effect {
        Effect::Copy(text) => out
            .write_all(osc52(&text).as_bytes())
            .and_then(|()| out.flush())
            .map_err(|e| format!("cannot copy: {e}")),
        Effect::Open(url) => {
            let lower = url.to_ascii_lowercase();
            if !(lower.starts_with("https://") || lower.starts_with("http://")) {
                return Err("only http and https links are opened".into());
            }
            // What is opened must be what was shown: a link with characters the sanitizer
            // removes (bidi overrides, zero-width or tag characters) is refused, not altered.
            if url
                .chars()
                .any(|c| crate::text::is_unsafe_char(c) || c.is_whitespace())
            {
                return Err("not opening a link with invisible or control characters".into());
            }
            let child = Command::new(opener())
                .arg(&url)
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .map_err(|e| format!("cannot open the link with {}: {e}", opener()))?;
            // Reap it in the background; the UI never waits for the browser.
            let mut child = child;
            std::thread::spawn(move || {
                let _ = child.wait();
            });
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_rfc_vectors() {
        for (plain, enc) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), enc);
        }
    }

    #[test]
    fn osc52_strips_escapes_before_encoding() {
        let seq = osc52("id\x1b]0;evil\x07");
        assert!(seq.starts_with("\x1b]52;c;") && seq.ends_with('\x07'));
        let body = &seq[7..seq.len() - 1];
        assert!(!body.contains('\x1b'));
        assert_eq!(
            body,
            base64(crate::text::sanitize("id\x1b]0;evil\x07").as_bytes())
        );
    }

    #[test]
    fn a_link_with_hidden_characters_is_refused() {
        let mut sink = Vec::new();
        for url in [
            "https://good.example/\u{202e}moc.live",
            "https://a.example/\u{e0041}",
            "https://a.example/\u{0600}x",
        ] {
            let err = perform(Effect::Open(url.into()), &mut sink).unwrap_err();
            assert!(err.contains("invisible"), "{err}");
        }
    }

    #[test]
    fn a_non_http_link_is_refused() {
        let mut sink = Vec::new();
        let err = perform(Effect::Open("file:///etc/passwd".into()), &mut sink).unwrap_err();
        assert!(err.contains("http"), "{err}");
    }
}
