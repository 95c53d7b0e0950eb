//! What the hostile suite judges output by: Unicode properties from Python's `unicodedata`
//! (a table generated when the tests run), not from the crate that the sanitizer uses, so a
//! class the sanitizer misses cannot also be missing from the judge. Python 3 is on every
//! developer machine and in CI; without it these tests fail rather than pass unjudged.
#![allow(dead_code)]

use std::process::Command;
use std::sync::OnceLock;

/// Code point ranges by general category, from Python.
pub struct Oracle {
    /// Python's Unicode version, for messages.
    pub version: String,
    /// Cc, Cf, Zl, Zp, plus the whole tag block (U+E0000–U+E007F): never written raw.
    forbidden: Vec<(u32, u32)>,
    /// Mn, Mc, Me.
    marks: Vec<(u32, u32)>,
    /// L*, N*, P*, S*, Zs: what a page is made of, never removed.
    visible: Vec<(u32, u32)>,
    /// Each forbidden code point's category, for messages.
    pub categories: Vec<(u32, u32, String)>,
}

const SCRIPT: &str = r#"
import sys, unicodedata
print(unicodedata.unidata_version)
start, cat = 0, unicodedata.category(chr(0))
for cp in range(1, 0x110001):
    c = unicodedata.category(chr(cp)) if cp < 0x110000 else None
    if c != cat:
        print(start, cp - 1, cat)
        start, cat = cp, c
"#;

fn in_ranges(ranges: &[(u32, u32)], c: char) -> bool {
    let c = c as u32;
    let i = ranges.partition_point(|&(_, end)| end < c);
    ranges.get(i).is_some_and(|&(start, _)| start <= c)
}

impl Oracle {
    pub fn get() -> &'static Oracle {
        static ORACLE: OnceLock<Oracle> = OnceLock::new();
        ORACLE.get_or_init(|| {
            let out = Command::new("python3")
                .args(["-c", SCRIPT])
                .output()
                .expect("python3 runs: the hostile suite's Unicode oracle needs it");
            assert!(out.status.success(), "python3 failed: {:?}", out);
            let text = String::from_utf8(out.stdout).unwrap();
            let mut lines = text.lines();
            let version = lines.next().unwrap().to_string();
            let mut oracle = Oracle {
                version,
                forbidden: Vec::new(),
                marks: Vec::new(),
                visible: Vec::new(),
                categories: Vec::new(),
            };
            for line in lines {
                let mut f = line.split(' ');
                let start: u32 = f.next().unwrap().parse().unwrap();
                let end: u32 = f.next().unwrap().parse().unwrap();
                let cat = f.next().unwrap();
                match cat {
                    "Cc" | "Cf" | "Zl" | "Zp" => {
                        oracle.forbidden.push((start, end));
                        oracle.categories.push((start, end, cat.to_string()));
                    }
                    "Mn" | "Mc" | "Me" => oracle.marks.push((start, end)),
                    c if c.starts_with(['L', 'N', 'P', 'S']) || c == "Zs" => {
                        oracle.visible.push((start, end))
                    }
                    _ => {}
                }
            }
            oracle.forbidden.push((0xE0000, 0xE007F));
            oracle.forbidden.sort();
            // Merge overlaps (the tag block holds Cf ranges), so the ends are in order too.
            let mut merged: Vec<(u32, u32)> = Vec::new();
            for (a, b) in std::mem::take(&mut oracle.forbidden) {
                match merged.last_mut() {
                    Some(last) if a <= last.1 + 1 => last.1 = last.1.max(b),
                    _ => merged.push((a, b)),
                }
            }
            oracle.forbidden = merged;
            oracle
        })
    }

    pub fn is_forbidden(&self, c: char) -> bool {
        in_ranges(&self.forbidden, c)
    }

    pub fn is_mark(&self, c: char) -> bool {
        in_ranges(&self.marks, c)
    }

    pub fn is_visible(&self, c: char) -> bool {
        in_ranges(&self.visible, c)
    }

    /// Every forbidden code point (about 250), in order.
    pub fn forbidden_chars(&self) -> Vec<char> {
        self.forbidden
            .iter()
            .flat_map(|&(a, b)| a..=b)
            .filter_map(char::from_u32)
            .collect()
    }

    /// Why `text` may not reach a terminal: the first forbidden character (line feeds are
    /// allowed) or a run of more than `max_marks` combining marks, with where it is.
    pub fn problem(&self, text: &str, max_marks: usize) -> Option<String> {
        let mut run = 0;
        for (i, c) in text.char_indices() {
            if c != '\n' && self.is_forbidden(c) {
                let ctx: String = text[i.saturating_sub(40)..].chars().take(60).collect();
                return Some(format!("U+{:04X} at byte {i}, in {ctx:?}", c as u32));
            }
            run = if self.is_mark(c) { run + 1 } else { 0 };
            if run > max_marks {
                return Some(format!("more than {max_marks} combining marks at byte {i}"));
            }
        }
        None
    }
}

/// Hostile text: every forbidden code point between letters, escape sequences that set the
/// title, clear the screen and write the clipboard, and a tower of combining marks. No NUL, so
/// it can be a command-line argument too.
pub fn hostile_text() -> String {
    let mut s = String::from("PWN\u{1b}]0;PWNED\u{7}\u{1b}[2J\u{9b}31m\u{1b}]52;c;ZWNobw==\u{7}");
    for c in Oracle::get().forbidden_chars() {
        if c != '\0' {
            s.push(c);
            s.push('x');
        }
    }
    s.push('Z');
    s.push_str(&"\u{0301}".repeat(5_000));
    s.push_str("\u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}end");
    s
}
