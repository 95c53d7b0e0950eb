use std::fmt::Write;

use super::Failure;
use super::args::Selection;
use crate::query::{QueryError, parse_filter};
use crate::workspace::Workspace;

/// Indices of the apps a command should print: `--search` and `--filter` applied (fuzzy rank
/// first), then sorted if asked.
pub fn select(ws: &Workspace, sel: &Selection) -> Result<Vec<usize>, Failure> {
    let filter = sel.filter.as_deref().unwrap_or("");
    let mut parsed = parse_filter(filter).map_err(|e| filter_failure(filter, &e))?;
    if parsed.uses_tenant() && ws.tenant.is_none() {
        return Err(Failure::bad_input(format!(
            "bad filter: `tenant:`, `granted:` and `undeclared:` need a tenant export: {}",
            super::tenant::NO_TENANT_HINT
        )));
    }
    // `--search` is plain fuzzy text, never terms.
    if let Some(search) = &sel.search {
        parsed.text = format!("{} {search}", parsed.text);
    }
    let mut picked = ws.select(&parsed);
    if let Some(key) = sel.sort {
        ws.sort(&mut picked, key);
    }
    if sel.reverse {
        picked.reverse();
    }
    Ok(picked)
}

/// A filter error with the query and a caret under the bad part, as a compiler would show it.
fn filter_failure(query: &str, e: &QueryError) -> Failure {
    let mut msg = format!("bad filter: {e}\n  {query}\n  ");
    // Measured on the sanitized prefix: the output layer removes what the terminal would not
    // show, so the caret must not count it either.
    let prefix: String = query.chars().take(e.position).collect();
    let offset = crate::text::display_width(&crate::text::sanitize(&prefix));
    let _ = write!(msg, "{}{}", " ".repeat(offset), "^".repeat(e.len.max(1)));
    Failure::bad_input(msg)
}
