//! The output layer: the only way bytes leave attest-tui for stdout or stderr outside the TUI's
//! screen (whose views sanitize each piece of text they draw).
//!
//! - Standard output takes a [`SafeText`], which can only be made by sanitizing
//!   ([`SafeText::new`]) or by encoding JSON with every character a terminal could act on
//!   escaped ([`SafeText::json`], [`SafeText::from_json_text`]). So a command cannot print
//!   catalog text raw: it has no `String` writer to print it with.
//! - Standard error takes any `Display` and sanitizes it on the way out: [`error`],
//!   [`warning`], [`note`], [`info`]. Errors and notes quote catalog and config text (an
//!   unknown variant, a duplicate id, a bad key binding), and paths from a folder.
//! - A panic message is printed the same way ([`install_panic_hook`]): a slicing panic quotes
//!   the string it was slicing.
//!
//! The crate denies `clippy::print_stdout` and `clippy::print_stderr` everywhere but here, and
//! `tests/hostile_output.rs` runs every command and message kind with hostile text in every
//! field and reads the bytes.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::fmt::{Display, Write as _};
use std::io::{self, Write};

use unicode_segmentation::UnicodeSegmentation;

use super::sanitize::{
    MAX_CLUSTER_CHARS, MAX_MARKS, has_unsafe_beyond_ascii, is_mark, is_unsafe_char, needs_cap,
    sanitize_multiline,
};

/// Text that is safe to write to a terminal: no control, format or invisible character
/// (line breaks excepted), combining marks capped.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SafeText(String);

impl SafeText {
    /// Sanitize text of any number of lines (line breaks are kept).
    pub fn new(text: &str) -> SafeText {
        SafeText(sanitize_multiline(text).into_owned())
    }

    /// As [`SafeText::new`], without copying text that is already clean.
    pub fn from_string(text: String) -> SafeText {
        match sanitize_multiline(&text) {
            std::borrow::Cow::Borrowed(_) => SafeText(text),
            std::borrow::Cow::Owned(clean) => SafeText(clean),
        }
    }

    /// Pretty-printed JSON ending in a newline. The data stays exact: what a terminal would
    /// act on or hide is written as a `\u` escape, which every JSON reader turns back into the
    /// same character.
    pub fn json<T: serde::Serialize + ?Sized>(value: &T) -> serde_json::Result<SafeText> {
        let text = serde_json::to_string_pretty(value)?;
        Ok(SafeText::from_json_string(text))
    }

    /// JSON text made by serde_json (whose own escapes cover the ASCII controls), with the
    /// rest of what [`SafeText::new`] would remove escaped instead, and a final newline.
    /// Outside its strings, JSON text is ASCII, so every character escaped here is inside a
    /// string, where a `\u` escape means the same character.
    pub fn from_json_text(json: &str) -> SafeText {
        let mut out = String::with_capacity(json.len() + 1);
        if json_is_clean(json) {
            out.push_str(json);
        } else {
            escape_json(json, &mut out);
        }
        SafeText::with_final_newline(out)
    }

    /// As [`SafeText::from_json_text`], keeping the string when nothing needs escaping (a
    /// catalog's JSON is megabytes).
    fn from_json_string(json: String) -> SafeText {
        if json_is_clean(&json) {
            return SafeText::with_final_newline(json);
        }
        let mut out = String::with_capacity(json.len() + 1);
        escape_json(&json, &mut out);
        SafeText::with_final_newline(out)
    }

    fn with_final_newline(mut text: String) -> SafeText {
        if !text.ends_with('\n') {
            text.push('\n');
        }
        SafeText(text)
    }

    /// Tab-separated values, one row a line: each cell sanitized as one line of text (a tab or
    /// line break inside a cell becomes spaces, so it cannot shift a column), cells joined by
    /// tabs, white space around a cell trimmed. The tabs between cells are the only control
    /// characters this layer writes.
    pub fn tab_separated<R, C, S>(rows: R) -> SafeText
    where
        R: IntoIterator<Item = C>,
        C: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut out = String::new();
        for row in rows {
            for (i, cell) in row.into_iter().enumerate() {
                if i > 0 {
                    out.push('\t');
                }
                out.push_str(super::sanitize::sanitize(cell.as_ref()).trim());
            }
            out.push('\n');
        }
        SafeText(out)
    }

    /// Text whose lines end in CRLF, as RFC 4180 has CSV records end: each CRLF is kept and
    /// what lies between is sanitized as by [`SafeText::new`] (where a lone CR or LF becomes a
    /// line break).
    pub fn from_crlf_text(text: &str) -> SafeText {
        let pieces: Vec<_> = text.split("\r\n").map(sanitize_multiline).collect();
        SafeText(pieces.join("\r\n"))
    }

    /// With a byte-order mark in front, for CSV that spreadsheets must read as UTF-8: the one
    /// invisible character this layer writes, and only at the very start.
    pub fn with_bom(self) -> SafeText {
        SafeText(format!("\u{feff}{}", self.0))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Display for SafeText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Whether JSON text made by serde_json (whose own escapes cover the ASCII controls) has nothing
/// [`SafeText::new`] would remove: serde_json writes DEL and everything above ASCII raw. One
/// cheap pass decides; the grapheme pass of [`escape_json`] runs only for text that needs it.
fn json_is_clean(json: &str) -> bool {
    memchr::memchr(0x7f, json.as_bytes()).is_none()
        && !has_unsafe_beyond_ascii(json)
        && !needs_cap(json)
}

fn escape_json(json: &str, out: &mut String) {
    for cluster in json.graphemes(true) {
        if cluster.is_ascii() && !cluster.contains('\u{7f}') {
            out.push_str(cluster);
            continue;
        }
        let (mut marks, mut kept) = (0usize, 0usize);
        for c in cluster.chars() {
            let mark = is_mark(c);
            marks = if mark { marks + 1 } else { 0 };
            // ASCII other than DEL is JSON syntax, white space between tokens, or already
            // escaped by serde_json; DEL and the rest only occur inside strings.
            let raw = (c.is_ascii() && c != '\u{7f}')
                || (!is_unsafe_char(c)
                    && (!mark || marks <= MAX_MARKS)
                    && kept < MAX_CLUSTER_CHARS);
            if raw {
                out.push(c);
                kept += 1;
            } else {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    let _ = write!(out, "\\u{unit:04x}");
                }
            }
        }
    }
}

/// Whether standard output is a terminal: a table may cut cells to fit one, never a pipe or a
/// file, whose reader needs every character.
pub fn stdout_is_terminal() -> bool {
    use std::io::IsTerminal;
    io::stdout().is_terminal()
}

/// Write command output to stdout; a reader that went away is not an error.
pub fn print(text: &SafeText) -> io::Result<()> {
    let mut out = io::stdout().lock();
    match out
        .write_all(text.as_str().as_bytes())
        .and_then(|()| out.flush())
    {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

fn to_stderr(prefix: &str, message: &dyn Display) {
    let text = message.to_string();
    let clean = sanitize_multiline(&text);
    let mut err = io::stderr().lock();
    // Nothing sensible is left to do when stderr itself cannot be written.
    let _ = writeln!(err, "{prefix}{}", clean.trim_end_matches('\n'));
}

/// `error: …` on stderr.
pub fn error(message: impl Display) {
    to_stderr("error: ", &message);
}

/// `warning: …` on stderr.
pub fn warning(message: impl Display) {
    to_stderr("warning: ", &message);
}

static QUIET: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// `--quiet`: notes are not printed from now on. Warnings and errors still are.
pub fn set_quiet(quiet: bool) {
    QUIET.store(quiet, std::sync::atomic::Ordering::Relaxed);
}

/// `note: …` on stderr, unless `--quiet` silenced notes.
pub fn note(message: impl Display) {
    if !QUIET.load(std::sync::atomic::Ordering::Relaxed) {
        to_stderr("note: ", &message);
    }
}

/// A line (or lines) of progress or summary on stderr, with no prefix.
pub fn info(message: impl Display) {
    to_stderr("", &message);
}

/// Where progress bars draw: stderr when it is a terminal, nowhere otherwise. Bars are drawn
/// by indicatif from templates of ours; what they show must be numbers and text already
/// validated (a language tag), never catalog text.
pub fn progress_target() -> indicatif::ProgressDrawTarget {
    use std::io::IsTerminal;
    if io::stderr().is_terminal() {
        indicatif::ProgressDrawTarget::stderr()
    } else {
        indicatif::ProgressDrawTarget::hidden()
    }
}

/// Print panics as `error: internal error: …` through the sanitizer instead of the default
/// hook's raw message. Set `RUST_BACKTRACE=1` for a backtrace.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|panic| {
        let payload = panic
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| panic.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "(no message)".to_string());
        let at = panic
            .location()
            .map_or(String::new(), |l| format!(" at {}:{}", l.file(), l.line()));
        error(format_args!(
            "internal error (a bug in attest-tui, please report it): {payload}{at}"
        ));
        let trace = std::backtrace::Backtrace::capture();
        if trace.status() == std::backtrace::BacktraceStatus::Captured {
            info(trace);
        }
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_text_removes_escapes_and_keeps_lines() {
        let t = SafeText::new("id\u{1b}]0;PWNED\u{7}\nnext\u{202e} line\n");
        assert_eq!(t.as_str(), "id]0;PWNED\nnext line\n");
    }

    #[test]
    fn json_escapes_what_a_terminal_would_act_on_and_round_trips() {
        let hostile = format!(
            "a\u{1b}]0;t\u{7}\u{7f}\u{9b}2J\u{202e}\u{200b}\u{0600}\u{e0041}x{}",
            "\u{0301}".repeat(50)
        );
        let t = SafeText::json(&serde_json::json!({ "name": hostile })).unwrap();
        for c in t.as_str().chars() {
            assert!(c == '\n' || !is_unsafe_char(c), "{c:?} raw in {t}");
        }
        assert!(!t.as_str().contains(&"\u{0301}".repeat(MAX_MARKS + 1)));
        let back: serde_json::Value = serde_json::from_str(t.as_str()).unwrap();
        assert_eq!(back["name"], hostile);
    }

    #[test]
    fn json_escapes_characters_beyond_the_plane_as_surrogate_pairs() {
        let t = SafeText::from_json_text("\"\u{e0041}\"");
        assert_eq!(t.as_str(), "\"\\udb40\\udc41\"\n");
    }

    #[test]
    fn clean_json_is_unchanged() {
        let t = SafeText::json(&serde_json::json!({ "name": "联系人中心 Tiếng Việt" })).unwrap();
        assert_eq!(t.as_str(), "{\n  \"name\": \"联系人中心 Tiếng Việt\"\n}\n");
    }
}
