//! Markdown for a ticket: a header table, a table per zone, and permission lists.
//!
//! Catalog text is sanitized and every character Markdown would read as syntax is escaped: a
//! `|` in an answer must not split a table cell, and `<`, `*`, `[` must not turn an answer into
//! HTML, emphasis or a link in someone else's ticket.

use super::types::{
    Cell, Comparison, Fallback, PermissionEntry, RowComparison, SideSummary, Status, ZoneComparison,
};
use crate::model::Answer;
use crate::text::sanitize;

/// The comparison as GitHub-flavoured Markdown; with `only_diff`, rows and permissions that are
/// the same are left out.
pub fn render_markdown(c: &Comparison, only_diff: bool) -> String {
    let filtered;
    let c = if only_diff && !c.only_differences {
        filtered = c.only_differences();
        &filtered
    } else {
        c
    };
    let mut out = String::new();
    header(&mut out, c);
    for z in &c.zones {
        zone(&mut out, z);
    }
    permissions(&mut out, c);
    out
}

/// Sanitized, trimmed, with Markdown syntax characters backslash-escaped. Never empty, so a
/// table cell keeps its place.
pub fn escape(text: &str) -> String {
    let clean = sanitize(text);
    let mut out = String::with_capacity(clean.len());
    for c in clean.trim().chars() {
        if matches!(
            c,
            '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '~' | '&'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    if out.is_empty() {
        out.push(' ');
    }
    out
}

fn table_row(out: &mut String, cells: &[String]) {
    out.push('|');
    for c in cells {
        out.push(' ');
        out.push_str(c);
        out.push_str(" |");
    }
    out.push('\n');
}

/// One header line's value for one side.
type Field = fn(&SideSummary) -> String;

fn header(out: &mut String, c: &Comparison) {
    out.push_str(&format!(
        "# Comparison: {} / {}\n\n",
        escape(&c.a.name),
        escape(&c.b.name)
    ));
    table_row(out, &[" ".into(), "A".into(), "B".into()]);
    table_row(out, &["---".into(), "---".into(), "---".into()]);
    let fields: [(&str, Field); 10] = [
        ("Name", |s| escape(&s.name)),
        ("ID", |s| escape(&s.id)),
        ("Publisher", |s| escape(&s.publisher)),
        ("Certification", |s| escape(&s.certification)),
        ("Last updated", |s| {
            escape(s.updated.as_deref().unwrap_or(&s.updated_raw))
        }),
        ("Language", |s| escape(&s.language)),
        ("Permissions", |s| s.permission_count.to_string()),
        ("Application permissions", |s| {
            s.application_permission_count.to_string()
        }),
        ("Unanswered questions", |s| s.unanswered_count.to_string()),
        ("Registrations", |s| {
            let regs: Vec<String> = s.registrations.iter().map(|r| escape(r)).collect();
            if regs.is_empty() {
                " ".into()
            } else {
                regs.join("<br>")
            }
        }),
    ];
    for (label, f) in fields {
        table_row(out, &[label.into(), f(&c.a), f(&c.b)]);
    }
    out.push('\n');
    if !c.languages_match {
        out.push_str(&format!(
            "> The pages are in different languages ({} / {}): rows are paired by position, not by question.\n\n",
            escape(&c.a.language),
            escape(&c.b.language)
        ));
    }
    if c.only_differences {
        let hidden: usize = c.zones.iter().map(|z| z.counts.same).sum();
        out.push_str(&format!(
            "> Only differences are shown ({hidden} same {} hidden).\n\n",
            if hidden == 1 { "row" } else { "rows" }
        ));
    }
}

fn zone(out: &mut String, z: &ZoneComparison) {
    out.push_str(&format!(
        "## {} ({})\n\n",
        escape(&z.title),
        escape(&z.pivot)
    ));
    let n = z.counts;
    out.push_str(&format!(
        "{} different · {} only in A · {} only in B · {} same\n\n",
        n.different, n.only_a, n.only_b, n.same
    ));
    if let Some(f) = z.fallback {
        let why = match f {
            Fallback::LanguagesDiffer => "the languages differ",
            Fallback::NoCommonQuestions => "no question matches",
        };
        out.push_str(&format!("*Rows paired by position: {why}.*\n\n"));
    }
    if !z.a_present {
        out.push_str("*Not provided by A.*\n\n");
    }
    if !z.b_present {
        out.push_str("*Not provided by B.*\n\n");
    }
    if z.rows.is_empty() {
        return;
    }
    table_row(
        out,
        &["Status".into(), "Question".into(), "A".into(), "B".into()],
    );
    table_row(
        out,
        &["---".into(), "---".into(), "---".into(), "---".into()],
    );
    for r in &z.rows {
        table_row(
            out,
            &[
                status(r.status).into(),
                question(r),
                answer(r.a.as_ref()),
                answer(r.b.as_ref()),
            ],
        );
    }
    out.push('\n');
}

fn status(s: Status) -> &'static str {
    match s {
        Status::Same => "same",
        Status::Different => "**different**",
        Status::OnlyA => "only A",
        Status::OnlyB => "only B",
    }
}

fn question(r: &RowComparison) -> String {
    let nested = if r.level() > 0 { "↳ " } else { "" };
    match (&r.a, &r.b) {
        (Some(a), Some(b)) if !r.same_question() => format!(
            "{nested}A: {}<br>B: {}",
            escape(&a.question),
            escape(&b.question)
        ),
        _ => format!("{nested}{}", escape(r.question())),
    }
}

fn answer(cell: Option<&Cell>) -> String {
    match cell {
        None => "*(no such question)*".into(),
        Some(c) if c.value == Answer::Unanswered => "*(unanswered)*".into(),
        Some(c) => escape(&c.answer),
    }
}

fn permissions(out: &mut String, c: &Comparison) {
    let p = &c.permissions;
    out.push_str("## Permissions\n\n");
    out.push_str(
        "Compared as (name, kind). **APP** marks an application permission: usable without a signed-in user.\n\n",
    );
    let mut lists = vec![("Only in A", "B", &p.only_a), ("Only in B", "A", &p.only_b)];
    if !c.only_differences {
        lists.push(("In both", "", &p.both));
    }
    for (title, other, list) in lists {
        out.push_str(&format!("**{title} ({})**\n\n", list.len()));
        if list.is_empty() {
            out.push_str("- none\n");
        }
        for e in list.iter() {
            out.push_str(&format!("- {}\n", permission(e, other)));
        }
        out.push('\n');
    }
    let regs = |own: &[String]| {
        if own.is_empty() {
            return "none".to_string();
        }
        own.iter()
            .map(|r| {
                let shared = p.registrations_shared.contains(r);
                format!("{}{}", escape(r), if shared { " (shared)" } else { "" })
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    out.push_str(&format!(
        "**Registrations of A:** {}\n\n",
        regs(&p.registrations_a)
    ));
    out.push_str(&format!(
        "**Registrations of B:** {}\n",
        regs(&p.registrations_b)
    ));
}

fn permission(e: &PermissionEntry, other: &str) -> String {
    let mut s = format!("{} ({})", escape(&e.name), e.kind.as_str());
    if e.application {
        s.push_str(" **APP**");
    }
    if !e.other_kinds.is_empty() {
        let kinds: Vec<&str> = e.other_kinds.iter().map(|k| k.as_str()).collect();
        s.push_str(&format!(" — {other} has it as {}", kinds.join(", ")));
    }
    s
}
