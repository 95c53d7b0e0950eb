//! Enter in the compare view: both sides of the selected line whole, in a text popup.

use super::compare::{CompareRow, CompareView, PermSection};
use super::popup::{Popup, Section};
use crate::risk::RiskTable;
use crate::tui::strings;

/// Both sides of the compare view's selected line whole, for a text popup over the view.
pub(super) fn row_popup(v: &CompareView, risk: &RiskTable) -> Option<Popup> {
    let rows = v.rows();
    let row = rows.get(v.scroll().selected).copied()?;
    let (a_name, b_name) = (&v.comparison.a.name, &v.comparison.b.name);
    let side = |name: &str, label: &str| format!("{label} · {name}");
    let section = |label: String, text: String, value| Section { label, text, value };
    let unanswered = |c: &crate::compare::Cell| {
        if c.value == crate::model::Answer::Unanswered {
            strings::UNANSWERED_MARK.to_string()
        } else {
            c.answer.clone()
        }
    };
    let (title, sections) = match row {
        CompareRow::Zone(i) => {
            let z = v.comparison.zones.get(v.tab)?;
            let r = z.rows.get(i)?;
            let mut out = Vec::new();
            for (label, name, cell) in [("A", a_name, &r.a), ("B", b_name, &r.b)] {
                match cell {
                    Some(c) => {
                        out.push(section(
                            format!("{} {label}", strings::QUESTION),
                            c.question.clone(),
                            None,
                        ));
                        out.push(section(side(name, label), unanswered(c), Some(c.value)));
                    }
                    None => {
                        let present = if label == "A" {
                            z.a_present
                        } else {
                            z.b_present
                        };
                        let text = if present {
                            strings::NOT_ASKED
                        } else {
                            strings::NOT_PROVIDED
                        };
                        out.push(section(side(name, label), text.to_string(), None))
                    }
                }
            }
            (
                format!(
                    "{} · {}",
                    z.title,
                    strings::diff_label(r.status, r.presence)
                ),
                out,
            )
        }
        CompareRow::Perm(s, i) => {
            let p = &v.comparison.permissions;
            let list = match s {
                PermSection::OnlyA => &p.only_a,
                PermSection::OnlyB => &p.only_b,
                PermSection::Both => &p.both,
            };
            let e = list.get(i)?;
            let rating = risk.rate(&e.name, e.kind);
            let held = format!(
                "{} · {} — {}",
                strings::kind(e.kind),
                rating.tier.as_str(),
                rating.why
            );
            let other = if e.other_kinds.is_empty() {
                "—".to_string()
            } else {
                let kinds: Vec<&str> = e.other_kinds.iter().map(|k| strings::kind(*k)).collect();
                format!("as {}", kinds.join(", "))
            };
            let (a, b) = match s {
                PermSection::OnlyA => (held, other),
                PermSection::OnlyB => (other, held),
                PermSection::Both => (held.clone(), held),
            };
            (
                e.name.clone(),
                vec![
                    section(side(a_name, "A"), a, None),
                    section(side(b_name, "B"), b, None),
                ],
            )
        }
        _ => return None,
    };
    Some(Popup::text(title, sections))
}
