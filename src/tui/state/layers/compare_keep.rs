//! Swapping the compare view's sides keeps the cursor on the line it was on: the line is
//! found again by what it shows (its questions, its permission, its registrations) with A and
//! B exchanged, and it keeps its place on the screen.

use super::compare::{CompareRow, CompareView, PermSection};
use crate::model::PermissionKind;
use crate::tui::state::workspace::Workspace;

/// What a compare line shows, as A and B see it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum LineKey {
    Zone(Option<String>, Option<String>),
    PermHeader(PermSection),
    Perm(PermSection, String, PermissionKind),
    RegHeader,
    Reg(Option<String>, Option<String>),
}

impl LineKey {
    /// The same line with the sides exchanged.
    fn swapped(self) -> LineKey {
        let flip = |s: PermSection| match s {
            PermSection::OnlyA => PermSection::OnlyB,
            PermSection::OnlyB => PermSection::OnlyA,
            PermSection::Both => PermSection::Both,
        };
        match self {
            LineKey::Zone(a, b) => LineKey::Zone(b, a),
            LineKey::PermHeader(s) => LineKey::PermHeader(flip(s)),
            LineKey::Perm(s, name, kind) => LineKey::Perm(flip(s), name, kind),
            LineKey::RegHeader => LineKey::RegHeader,
            LineKey::Reg(a, b) => LineKey::Reg(b, a),
        }
    }
}

impl CompareView {
    fn line_key(&self, row: CompareRow) -> Option<LineKey> {
        Some(match row {
            CompareRow::Zone(i) => {
                let r = self.comparison.zones.get(self.tab)?.rows.get(i)?;
                let q = |c: &Option<crate::compare::Cell>| c.as_ref().map(|c| c.question.clone());
                LineKey::Zone(q(&r.a), q(&r.b))
            }
            CompareRow::PermHeader(s) => LineKey::PermHeader(s),
            CompareRow::Perm(s, i) => {
                let p = &self.comparison.permissions;
                let list = match s {
                    PermSection::OnlyA => &p.only_a,
                    PermSection::OnlyB => &p.only_b,
                    PermSection::Both => &p.both,
                };
                let e = list.get(i)?;
                LineKey::Perm(s, e.name.clone(), e.kind)
            }
            CompareRow::RegHeader => LineKey::RegHeader,
            CompareRow::Reg(i) => {
                let regs = self.registrations();
                let (a, b) = regs.get(i)?;
                LineKey::Reg(a.map(str::to_string), b.map(str::to_string))
            }
        })
    }

    /// `s`: exchange A and B, the cursor staying on the same line at the same height.
    pub(super) fn swap_sides(&mut self, ws: &Workspace) {
        let rows = self.rows();
        let before = self.scroll();
        let key = rows
            .get(before.selected)
            .and_then(|r| self.line_key(*r))
            .map(LineKey::swapped);
        std::mem::swap(&mut self.a, &mut self.b);
        std::mem::swap(&mut self.a_version, &mut self.b_version);
        self.recompare(ws);
        let rows = self.rows();
        let pos = key
            .and_then(|k| {
                rows.iter()
                    .position(|r| self.line_key(*r).as_ref() == Some(&k))
            })
            .unwrap_or(before.selected.min(rows.len().saturating_sub(1)));
        if let Some(s) = self.scrolls.get_mut(self.tab) {
            let height = before.selected.saturating_sub(before.offset);
            s.selected = pos;
            s.offset = pos.saturating_sub(height);
        }
    }
}
