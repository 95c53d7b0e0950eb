//! `::: zone pivot="…"` … `::: zone-end` sections: each pivot becomes one tab of the app.

/// One zone as written: its pivot and the lines between its markers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZoneSpan {
    pub pivot: String,
    /// 0-based index of the `::: zone pivot` line.
    pub marker: usize,
    /// Content lines are `start..end`.
    pub start: usize,
    pub end: usize,
}

/// Something about the markers a reader would want to know; the split goes on regardless.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZoneIssue {
    /// 0-based line index.
    pub line: usize,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ZoneSplit {
    pub zones: Vec<ZoneSpan>,
    pub issues: Vec<ZoneIssue>,
}

impl ZoneSplit {
    /// Index of the first zone marker, if any.
    pub fn first_marker(&self) -> Option<usize> {
        self.zones.first().map(|z| z.marker)
    }
}

enum Marker {
    Start(String),
    End,
}

fn marker(line: &str) -> Option<Marker> {
    let rest = line.trim().strip_prefix(":::")?.trim_start();
    let rest = rest.strip_prefix("zone")?;
    if rest.trim_start().starts_with("-end") || rest.starts_with("-end") {
        return Some(Marker::End);
    }
    let value = rest.trim_start().strip_prefix("pivot")?.trim_start();
    let value = value.strip_prefix('=')?.trim();
    let value = value
        .trim_start_matches(['"', '\''])
        .split(['"', '\''])
        .next()
        .unwrap_or("")
        .trim();
    Some(Marker::Start(value.to_string()))
}

/// Split `lines[from..]` into zones. A zone still open at the next `::: zone pivot` or at the end
/// of the page is closed there, with an issue recorded.
pub fn split(lines: &[&str], from: usize) -> ZoneSplit {
    let mut out = ZoneSplit::default();
    let mut open: Option<(String, usize)> = None;
    for (i, line) in lines.iter().enumerate().skip(from) {
        match marker(line) {
            Some(Marker::Start(pivot)) => {
                if let Some((prev, at)) = open.take() {
                    out.issues.push(ZoneIssue {
                        line: at,
                        message: format!(
                            "zone \"{prev}\" is not closed by `::: zone-end` before the next zone"
                        ),
                    });
                    out.zones.push(span(prev, at, i));
                }
                if pivot.is_empty() {
                    out.issues.push(ZoneIssue {
                        line: i,
                        message: "expected `pivot=\"name\"` after `::: zone`".to_string(),
                    });
                }
                open = Some((pivot, i));
            }
            Some(Marker::End) => match open.take() {
                Some((pivot, at)) => out.zones.push(span(pivot, at, i)),
                None => out.issues.push(ZoneIssue {
                    line: i,
                    message: "`::: zone-end` without an open zone".to_string(),
                }),
            },
            None => {}
        }
    }
    if let Some((pivot, at)) = open {
        out.issues.push(ZoneIssue {
            line: at,
            message: format!("unterminated zone \"{pivot}\": expected `::: zone-end`"),
        });
        out.zones.push(span(pivot, at, lines.len()));
    }
    out
}

fn span(pivot: String, marker: usize, end: usize) -> ZoneSpan {
    ZoneSpan {
        pivot,
        marker,
        start: marker + 1,
        end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zones_are_split_in_page_order() {
        let lines = [
            "# T",
            "::: zone pivot=\"general\"",
            "a",
            "::: zone-end",
            "",
            ":::zone pivot='data'",
            "b",
            "c",
            ":::zone-end",
        ];
        let s = split(&lines, 0);
        assert!(s.issues.is_empty(), "{:?}", s.issues);
        let pivots: Vec<&str> = s.zones.iter().map(|z| z.pivot.as_str()).collect();
        assert_eq!(pivots, ["general", "data"]);
        assert_eq!((s.zones[1].start, s.zones[1].end), (6, 8));
        assert_eq!(s.first_marker(), Some(1));
    }

    #[test]
    fn unterminated_zone_runs_to_the_end_with_an_issue() {
        let lines = ["::: zone pivot=\"general\"", "a", "b"];
        let s = split(&lines, 0);
        assert_eq!(s.zones.len(), 1);
        assert_eq!(s.zones[0].end, 3);
        assert_eq!(s.issues.len(), 1);
        assert!(s.issues[0].message.contains("unterminated zone"));
    }

    #[test]
    fn a_zone_opened_inside_another_closes_it() {
        let lines = [
            "::: zone pivot=\"general\"",
            "a",
            "::: zone pivot=\"data\"",
            "b",
            "::: zone-end",
            "::: zone-end",
        ];
        let s = split(&lines, 0);
        assert_eq!(s.zones.len(), 2);
        assert_eq!(s.zones[0].end, 2);
        assert_eq!(s.issues.len(), 2, "{:?}", s.issues);
    }
}
