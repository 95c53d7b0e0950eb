//! What `State::update` asks for and cannot do itself, because it touches a file, the terminal
//! or another program: saving reviews, writing an export, copying, opening a link. The event
//! loop hands each effect to [`perform`], and the answer comes back to `update` as an action
//! (a status-line message), so `update` itself never does I/O.

use std::io::Write;
use std::path::PathBuf;

use crossterm::clipboard::CopyToClipboard;

use super::action::Action;
use crate::review::ReviewStore;
use crate::text::{sanitize, truncate_to_width};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write the review changes made in memory to the review file; `done` says what changed.
    SaveReviews { done: String },
    /// Read the review file again if another program replaced it.
    CheckReviewFile,
    /// Write this CSV text (`apps` apps) to a new timestamped file in the export folder.
    ExportCsv { csv: String, apps: usize },
    /// Put this text on the clipboard with OSC 52 (it works over ssh).
    Copy(String),
    /// Open this http(s) address with the system's opener, without waiting for it.
    Open(String),
    /// The user asked to quit with review changes unsaved: try to save them once more; the
    /// answer is [`Action::QuitChecked`].
    CheckQuit,
}

/// What effects work on: the review store, the terminal, the export folder.
pub struct Io<'a, W: Write> {
    pub reviews: &'a mut ReviewStore,
    pub terminal: &'a mut W,
    pub export_dir: PathBuf,
}

/// Whether `url` is a link the TUI opens: http or https, nothing a shell or terminal could read
/// as more than one argument.
pub fn is_web_link(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        // What is opened must be what was shown: a link with characters the sanitizer removes
        // (bidi overrides, zero-width or tag characters) is refused, not altered.
        && !url
            .chars()
            .any(|c| crate::text::is_unsafe_char(c) || c.is_whitespace())
}

/// Whether a browser started here would be seen: not over SSH (it would open on the remote
/// machine), and on Linux and the BSDs only with a display to open on.
fn browser_here() -> Result<(), String> {
    let set = |k: &str| std::env::var_os(k).is_some_and(|v| !v.is_empty());
    if set("SSH_CONNECTION") || set("SSH_TTY") {
        return Err("over SSH a browser would start on the remote machine".into());
    }
    if cfg!(all(unix, not(target_os = "macos"))) && !set("DISPLAY") && !set("WAYLAND_DISPLAY") {
        return Err(
            "no display to open a browser on (DISPLAY and WAYLAND_DISPLAY are unset)".into(),
        );
    }
    Ok(())
}

/// Perform one effect; the answer is the message for the status line.
pub fn perform<W: Write>(effect: Effect, io: &mut Io<'_, W>) -> Action {
    let (text, error) = match effect {
        Effect::SaveReviews { done } => match io.reviews.save() {
            Ok(()) => return read_answer(io.reviews, Some(done)),
            Err(e) => (
                format!("{e}; kept in memory, retried with the next change and at quit"),
                true,
            ),
        },
        Effect::CheckQuit => return Action::QuitChecked(io.reviews.check_quit()),
        Effect::CheckReviewFile => match io.reviews.refresh() {
            Ok(_) => return read_answer(io.reviews, None),
            Err(e) => (e, true),
        },
        Effect::ExportCsv { csv, apps } => {
            let name = format!("attest-tui-export-{}.csv", crate::export::timestamp_now());
            let path = io.export_dir.join(name);
            match crate::review::write_atomic(&path, csv.as_bytes()) {
                Ok(()) => (format!("exported {apps} apps to {}", path.display()), false),
                Err(e) => (format!("cannot export to {}: {e}", path.display()), true),
            }
        }
        Effect::Copy(text) => {
            // Sanitized again here, whoever built the effect: nothing but text reaches the
            // terminal inside the sequence.
            let clean = sanitize(&text);
            match crossterm::execute!(io.terminal, CopyToClipboard::to_clipboard_from(&*clean)) {
                Ok(()) => (format!("copied: {}", truncate_to_width(&clean, 40)), false),
                Err(e) => (format!("cannot copy: {e}"), true),
            }
        }
        Effect::Open(url) if !is_web_link(&url) => (
            format!(
                "not opening {:?}: only http and https links are opened",
                sanitize(&url)
            ),
            true,
        ),
        Effect::Open(url) => {
            let tried = match browser_here() {
                Err(why) => Err(why),
                Ok(()) => open::that_detached(&url)
                    .map_err(|e| format!("no browser could be started: {e}")),
            };
            match tried {
                Ok(()) => (format!("opening {}", sanitize(&url)), false),
                Err(why) => {
                    // Copied the same way `y` copies, so the link still reaches the user.
                    let clean = sanitize(&url);
                    let _ = crossterm::execute!(
                        io.terminal,
                        CopyToClipboard::to_clipboard_from(&*clean)
                    );
                    return Action::LinkNotOpened { url, why };
                }
            }
        }
    };
    Action::ShowMessage { text, error }
}

/// What a save or a check learnt from the review file.
fn read_answer(reviews: &mut ReviewStore, saved: Option<String>) -> Action {
    Action::ReviewFileRead {
        saved,
        elsewhere: reviews.take_changed_elsewhere().into_iter().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn io<'a>(reviews: &'a mut ReviewStore, out: &'a mut Vec<u8>) -> Io<'a, Vec<u8>> {
        Io {
            reviews,
            terminal: out,
            export_dir: PathBuf::from("/nonexistent-attest-tui-export"),
        }
    }

    #[test]
    fn copy_writes_osc52_of_the_sanitized_text() {
        let (mut reviews, mut out) = (ReviewStore::detached(), Vec::new());
        let answer = perform(
            Effect::Copy("id\x1b]0;evil\x07".into()),
            &mut io(&mut reviews, &mut out),
        );
        let seq = String::from_utf8(out).unwrap();
        // base64("id]0;evil"): the escape and the bell are gone before encoding.
        assert_eq!(seq, "\x1b]52;c;aWRdMDtldmls\x1b\\");
        assert_eq!(
            answer,
            Action::ShowMessage {
                text: "copied: id]0;evil".into(),
                error: false
            }
        );
    }

    #[test]
    fn a_non_http_link_is_refused_and_nothing_is_written() {
        let (mut reviews, mut out) = (ReviewStore::detached(), Vec::new());
        let answer = perform(
            Effect::Open("file:///etc/passwd".into()),
            &mut io(&mut reviews, &mut out),
        );
        assert!(
            matches!(answer, Action::ShowMessage { error: true, ref text } if text.contains("http"))
        );
        assert!(out.is_empty());
        assert!(!is_web_link("https://a.example/x y"));
        assert!(is_web_link(
            "HTTPS://appsource.microsoft.com/product/office/WA1"
        ));
    }

    #[test]
    fn an_export_that_cannot_be_written_says_where() {
        let (mut reviews, mut out) = (ReviewStore::detached(), Vec::new());
        let answer = perform(
            Effect::ExportCsv {
                csv: "id\n".into(),
                apps: 1,
            },
            &mut io(&mut reviews, &mut out),
        );
        assert!(
            matches!(answer, Action::ShowMessage { error: true, ref text } if text.contains("/nonexistent-attest-tui-export/attest-tui-export-")),
            "{answer:?}"
        );
    }

    #[test]
    fn an_export_is_written_where_asked() {
        let dir = tempfile::tempdir().unwrap();
        let (mut reviews, mut out) = (ReviewStore::detached(), Vec::new());
        let mut io = io(&mut reviews, &mut out);
        io.export_dir = dir.path().to_path_buf();
        let answer = perform(
            Effect::ExportCsv {
                csv: "id\nWA1\n".into(),
                apps: 1,
            },
            &mut io,
        );
        assert!(matches!(answer, Action::ShowMessage { error: false, .. }));
        let files: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().collect();
        assert_eq!(files.len(), 1);
        assert_eq!(
            std::fs::read_to_string(files[0].path()).unwrap(),
            "id\nWA1\n"
        );
    }
}
