//! Plain text, two columns: A on the left, B on the right, for a terminal or a ticket.
//!
//! Every line is exactly `width` display columns, so the columns stay straight whatever mix of
//! Latin and CJK text fills them. Only ASCII is used for markers and rules: box-drawing
//! characters, `≠` and `…` are East Asian "ambiguous" width and take two columns in many CJK
//! terminals, which would shift the right column. Text is wrapped, never cut: a reviewer must
//! see every answer in full.

use super::types::{
    Cell, Comparison, Fallback, PermissionEntry, RowComparison, SideSummary, Status, ZoneComparison,
};
use crate::model::Answer;
use crate::text::{pad_to_width, sanitize, wrap};

pub const DEFAULT_WIDTH: usize = 100;
/// Narrower than this and a column cannot hold a GUID's worth of text in a few lines.
pub const MIN_WIDTH: usize = 40;

/// Marker column: two characters and a space.
const MARK: usize = 3;
const SEP: &str = " | ";

/// The comparison as text `width` columns wide (at least [`MIN_WIDTH`]); with `only_diff`, rows
/// and permissions that are the same are left out.
pub fn render_text(c: &Comparison, width: usize, only_diff: bool) -> String {
    let filtered;
    let c = if only_diff && !c.only_differences {
        filtered = c.only_differences();
        &filtered
    } else {
        c
    };
    let mut out = Layout::new(width.max(MIN_WIDTH));
    header(&mut out, c);
    for zone in &c.zones {
        zone_section(&mut out, zone);
    }
    permissions(&mut out, c);
    out.finish()
}

struct Layout {
    width: usize,
    left: usize,
    right: usize,
    lines: Vec<String>,
}

impl Layout {
    fn new(width: usize) -> Layout {
        let columns = width - MARK - SEP.len();
        Layout {
            width,
            left: columns / 2,
            right: columns - columns / 2,
            lines: Vec::new(),
        }
    }

    /// Text across both columns, wrapped; the marker goes on the first line.
    fn full(&mut self, marker: &str, text: &str) {
        for (n, line) in wrap(text, self.width - MARK).into_iter().enumerate() {
            let m = if n == 0 { marker } else { "" };
            self.push(m, &pad_to_width(&line, self.width - MARK));
        }
    }

    /// Two cells side by side, each already wrapped to its column.
    fn columns(&mut self, marker: &str, left: &[String], right: &[String]) {
        for n in 0..left.len().max(right.len()).max(1) {
            let m = if n == 0 { marker } else { "" };
            let l = left.get(n).map_or("", String::as_str);
            let r = right.get(n).map_or("", String::as_str);
            let text = format!(
                "{}{SEP}{}",
                pad_to_width(l, self.left),
                pad_to_width(r, self.right)
            );
            self.push(m, &text);
        }
    }

    /// Two texts side by side, wrapped to their columns.
    fn pair(&mut self, marker: &str, left: &str, right: &str) {
        let l = wrap(left, self.left);
        let r = wrap(right, self.right);
        self.columns(marker, &l, &r);
    }

    fn blank(&mut self) {
        self.push("", "");
    }

    fn rule(&mut self) {
        self.lines.push("-".repeat(self.width));
    }

    fn push(&mut self, marker: &str, text: &str) {
        let line = format!("{}{}", pad_to_width(marker, MARK), text);
        self.lines.push(pad_to_width(&line, self.width));
    }

    fn finish(self) -> String {
        let mut s = self.lines.join("\n");
        s.push('\n');
        s
    }
}

fn clean(text: &str) -> String {
    sanitize(text).trim().to_string()
}

/// The header lines of one side, in the order both sides show them.
fn header_fields(s: &SideSummary) -> Vec<String> {
    let raw = clean(&s.updated_raw);
    let updated = match &s.updated {
        Some(d) => d.clone(),
        None if raw.is_empty() => "unknown".to_string(),
        None => raw,
    };
    let lang = clean(&s.language);
    vec![
        format!("{} [{}]", clean(&s.name), clean(&s.id)),
        format!("Publisher: {}", clean(&s.publisher)),
        format!("Certification: {}", s.certification),
        format!("Last updated: {updated}"),
        format!(
            "Language: {}",
            if lang.is_empty() { "unknown" } else { &lang }
        ),
        format!(
            "Permissions: {} ({} application)",
            s.permission_count, s.application_permission_count
        ),
        format!("Unanswered questions: {}", s.unanswered_count),
    ]
}

fn header(out: &mut Layout, c: &Comparison) {
    out.pair("", "A", "B");
    for (l, r) in header_fields(&c.a).iter().zip(header_fields(&c.b).iter()) {
        out.pair("", l, r);
    }
    out.rule();
    if !c.languages_match {
        out.full(
            "",
            &format!(
                "The pages are in different languages ({} / {}): rows are paired by position, not by question.",
                clean(&c.a.language),
                clean(&c.b.language)
            ),
        );
    }
    if c.only_differences {
        let hidden: usize = c.zones.iter().map(|z| z.counts.same).sum();
        out.full(
            "",
            &format!(
                "Only differences are shown ({hidden} same {} hidden).",
                if hidden == 1 { "row" } else { "rows" }
            ),
        );
    }
    out.full(
        "",
        "Marks: = same, != different, < answered only by A, > answered only by B",
    );
}

fn marker(status: Status) -> &'static str {
    match status {
        Status::Same => "=",
        Status::Different => "!=",
        Status::OnlyA => "<",
        Status::OnlyB => ">",
    }
}

fn zone_section(out: &mut Layout, z: &ZoneComparison) {
    out.blank();
    out.full("", &format!("## {} [{}]", clean(&z.title), clean(&z.pivot)));
    let n = z.counts;
    out.full(
        "",
        &format!(
            "{} different, {} only A, {} only B, {} same",
            n.different, n.only_a, n.only_b, n.same
        ),
    );
    if let Some(f) = z.fallback {
        let why = match f {
            Fallback::LanguagesDiffer => "the languages differ",
            Fallback::NoCommonQuestions => "no question matches",
        };
        out.full("", &format!("Rows paired by position: {why}."));
    }
    if z.a_present != z.b_present {
        let np = "(not provided)";
        let (l, r) = if z.a_present { ("", np) } else { (np, "") };
        out.pair("", l, r);
    }
    for row in &z.rows {
        row_lines(out, row);
    }
}

fn row_lines(out: &mut Layout, row: &RowComparison) {
    let m = marker(row.status);
    let indent = "  ".repeat(usize::from(row.level()));
    if row.same_question() {
        out.full(m, &format!("{indent}{}", clean(row.question())));
        let l = answer_lines(row.a.as_ref(), out.left);
        let r = answer_lines(row.b.as_ref(), out.right);
        out.columns("", &l, &r);
    } else {
        let l = cell_lines(row.a.as_ref(), &indent, out.left);
        let r = cell_lines(row.b.as_ref(), &indent, out.right);
        out.columns(m, &l, &r);
    }
}

fn cell_lines(cell: Option<&Cell>, indent: &str, width: usize) -> Vec<String> {
    let Some(c) = cell else {
        return Vec::new();
    };
    let mut lines = wrap(&format!("{indent}{}", clean(&c.question)), width);
    lines.extend(answer_lines(Some(c), width));
    lines
}

/// Answers sit two columns in from their question.
fn answer_lines(cell: Option<&Cell>, width: usize) -> Vec<String> {
    let Some(c) = cell else {
        return Vec::new();
    };
    let text = if c.value == Answer::Unanswered {
        "(unanswered)".to_string()
    } else {
        clean(&c.answer)
    };
    wrap(&text, width - 2)
        .into_iter()
        .map(|l| format!("  {l}"))
        .collect()
}

fn permissions(out: &mut Layout, c: &Comparison) {
    let p = &c.permissions;
    out.blank();
    out.full("", "## Permissions");
    out.full(
        "",
        "Compared as (name, kind). [APP] = application permission, usable without a signed-in user.",
    );
    let mut lists = vec![
        ("Only in A", "<", "B", &p.only_a),
        ("Only in B", ">", "A", &p.only_b),
    ];
    if !c.only_differences {
        lists.push(("In both", "=", "", &p.both));
    }
    for (title, m, other, list) in lists {
        out.full("", &format!("{title} ({}):", list.len()));
        for e in list.iter() {
            out.full(m, &permission_line(e, other));
        }
    }
    out.blank();
    let regs = |own: &[String], width: usize| -> Vec<String> {
        let mut lines = Vec::new();
        for r in own {
            let shared = p.registrations_shared.contains(r);
            let text = format!("{}{}", clean(r), if shared { " (shared)" } else { "" });
            lines.extend(wrap(&text, width));
        }
        if lines.is_empty() {
            lines.push("(none)".to_string());
        }
        lines
    };
    out.pair("", "Registrations of A:", "Registrations of B:");
    let l = regs(&p.registrations_a, out.left);
    let r = regs(&p.registrations_b, out.right);
    out.columns("", &l, &r);
}

fn permission_line(e: &PermissionEntry, other: &str) -> String {
    let mut s = format!("{} ({})", clean(&e.name), e.kind.as_str());
    if e.application {
        s.push_str(" [APP]");
    }
    if !e.other_kinds.is_empty() {
        let kinds: Vec<&str> = e.other_kinds.iter().map(|k| k.as_str()).collect();
        s.push_str(&format!(" ({other} has it as {})", kinds.join(", ")));
    }
    s
}
