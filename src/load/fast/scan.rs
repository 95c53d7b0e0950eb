//! A structural scanner: where a JSON value ends, without parsing it.

/// Deeper values are left to the slow path: the parser recurses per level, and real catalogs
/// nest six levels at most (app, zones, zone, blocks, table, rows).
const MAX_DEPTH: usize = 32;

pub(super) enum Scan {
    Done(usize),
    NeedMore,
    Bad,
}

/// Length of the JSON value at the start of `s` (after no whitespace): strings, objects and
/// arrays by their closing character, scalars up to the next delimiter. Only the structure is
/// checked; serde_json checks the rest when it parses the span.
pub(super) fn scan_value(s: &[u8], eof: bool) -> Scan {
    let need_more = || if eof { Scan::Bad } else { Scan::NeedMore };
    let Some(&first) = s.first() else {
        return need_more();
    };
    match first {
        b'"' => match string_end(s, 1) {
            Some(end) => Scan::Done(end),
            None => need_more(),
        },
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut i = 0;
            while i < s.len() {
                match s[i] {
                    b'"' => match string_end(s, i + 1) {
                        Some(end) => {
                            i = end;
                            continue;
                        }
                        None => return need_more(),
                    },
                    b'{' | b'[' => {
                        depth += 1;
                        if depth > MAX_DEPTH {
                            return Scan::Bad;
                        }
                    }
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Scan::Done(i + 1);
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            need_more()
        }
        _ => match s
            .iter()
            .position(|b| matches!(b, b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t'))
        {
            Some(0) => Scan::Bad,
            Some(n) => Scan::Done(n),
            None if eof => Scan::Done(s.len()),
            None => Scan::NeedMore,
        },
    }
}

/// Index just past the closing quote of the string whose body starts at `from`.
fn string_end(s: &[u8], mut from: usize) -> Option<usize> {
    loop {
        let k = memchr::memchr2(b'"', b'\\', &s[from..])?;
        let i = from + k;
        if s[i] == b'"' {
            return Some(i + 1);
        }
        from = i + 2; // skip the escaped character
        if from > s.len() {
            return None;
        }
    }
}
