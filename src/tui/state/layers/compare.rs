//! The compare view: two apps side by side.
//!
//! The comparison itself (alignment, statuses, permission sets) comes from `crate::compare`;
//! this file only keeps which apps are compared, which tab is shown, the shared scroll of both
//! columns, and whether rows that are the same are hidden.

use super::picker::{PickFor, Picker};
use super::popup::{Popup, Section};
use super::{Context, Help, Layer, Outcome};
use crate::compare::{Comparison, Status, compare_apps};
use crate::model::{App, Catalog};
use crate::risk::{RiskTable, Tier};
use crate::tui::action::{Action, Side};
use crate::tui::state::scroll::{Motion, Scroll};
use crate::tui::state::workspace::Workspace;
use crate::tui::strings;

/// Which section of the permissions tab a permission line belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PermSection {
    OnlyA = 0,
    OnlyB = 1,
    Both = 2,
}

/// One line of a compare tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareRow {
    /// A row of the zone: index into `ZoneComparison::rows`.
    Zone(usize),
    /// The title of a permission section.
    PermHeader(PermSection),
    /// A permission: its section and index in that section's list.
    Perm(PermSection, usize),
    RegHeader,
    /// A registration line: index into [`CompareView::registrations`].
    Reg(usize),
}

/// Two apps side by side. One scroll per tab moves both columns together.
#[derive(Debug, Clone, PartialEq)]
pub struct CompareView {
    pub a: usize,
    pub b: usize,
    pub comparison: Comparison,
    pub only_differences: bool,
    pub tab: usize,
    pub scrolls: Vec<Scroll>,
    /// Each permission section's entries, most dangerous tier first (then by name): indices
    /// into `only_a`, `only_b` and `both`.
    pub perm_order: [Vec<usize>; 3],
    /// A version of side A's app that is not in the catalog (the one its decision was made
    /// on), shown instead of the catalog's; it goes with the app when the sides swap.
    pub a_version: Option<Box<App>>,
    pub b_version: Option<Box<App>>,
}

impl CompareView {
    /// Compare catalog apps `a` and `b` (indices), permissions rated by `risk`.
    pub fn new(catalog: &Catalog, risk: &RiskTable, a: usize, b: usize) -> CompareView {
        CompareView::versions(risk, (a, &catalog.apps[a]), (b, &catalog.apps[b]))
    }

    /// Compare app `i` as its decision was made on (left) with the catalog's (right).
    pub fn since_review(catalog: &Catalog, risk: &RiskTable, i: usize, then: App) -> CompareView {
        let mut view = CompareView::versions(risk, (i, &then), (i, &catalog.apps[i]));
        view.a_version = Some(Box::new(then));
        view
    }

    /// Compare two versions of apps, each with the catalog index of its app.
    fn versions(
        risk: &RiskTable,
        (a, app_a): (usize, &App),
        (b, app_b): (usize, &App),
    ) -> CompareView {
        let comparison = compare_apps(app_a, app_b);
        let tabs = comparison.zones.len() + 1;
        let p = &comparison.permissions;
        let perm_order = [&p.only_a, &p.only_b, &p.both].map(|list| {
            let rank = |i: &usize| {
                let e = &list[*i];
                let tier = risk.rate(&e.name, e.kind).tier;
                Tier::ALL
                    .iter()
                    .position(|t| *t == tier)
                    .unwrap_or(Tier::ALL.len())
            };
            let mut order: Vec<usize> = (0..list.len()).collect();
            order.sort_by_key(rank);
            order
        });
        CompareView {
            a,
            b,
            comparison,
            only_differences: false,
            tab: 0,
            scrolls: vec![Scroll::default(); tabs],
            perm_order,
            a_version: None,
            b_version: None,
        }
    }

    /// Zone tabs (the union of both apps' zones), then Permissions.
    pub fn tab_count(&self) -> usize {
        self.comparison.zones.len() + 1
    }

    pub fn is_permissions_tab(&self) -> bool {
        self.tab >= self.comparison.zones.len()
    }

    pub fn scroll(&self) -> Scroll {
        self.scrolls.get(self.tab).copied().unwrap_or_default()
    }

    /// Differences on a tab, for its badge.
    pub fn tab_differences(&self, tab: usize) -> usize {
        match self.comparison.zones.get(tab) {
            Some(z) => z.counts.differences(),
            None => {
                let p = &self.comparison.permissions;
                p.only_a.len() + p.only_b.len()
            }
        }
    }

    /// Registration lines: shared ones on both sides, then A's own, then B's own.
    pub fn registrations(&self) -> Vec<(Option<&str>, Option<&str>)> {
        let p = &self.comparison.permissions;
        let mut out: Vec<(Option<&str>, Option<&str>)> = p
            .registrations_shared
            .iter()
            .map(|r| (Some(r.as_str()), Some(r.as_str())))
            .collect();
        for r in &p.registrations_a {
            if !p.registrations_shared.contains(r) {
                out.push((Some(r.as_str()), None));
            }
        }
        for r in &p.registrations_b {
            if !p.registrations_shared.contains(r) {
                out.push((None, Some(r.as_str())));
            }
        }
        out
    }

    /// The lines of the current tab, without same rows when only differences are shown.
    pub fn rows(&self) -> Vec<CompareRow> {
        if let Some(z) = self.comparison.zones.get(self.tab) {
            return z
                .rows
                .iter()
                .enumerate()
                .filter(|(_, r)| !self.only_differences || r.status != Status::Same)
                .map(|(i, _)| CompareRow::Zone(i))
                .collect();
        }
        let p = &self.comparison.permissions;
        let mut out = Vec::new();
        let mut section = |s: PermSection, n: usize| {
            if n > 0 {
                out.push(CompareRow::PermHeader(s));
                out.extend(
                    self.perm_order[s as usize]
                        .iter()
                        .map(|&i| CompareRow::Perm(s, i)),
                );
            }
        };
        section(PermSection::OnlyA, p.only_a.len());
        section(PermSection::OnlyB, p.only_b.len());
        if !self.only_differences {
            section(PermSection::Both, p.both.len());
        }
        let regs = self.registrations();
        let shown: Vec<usize> = (0..regs.len())
            .filter(|&i| !self.only_differences || regs[i].0 != regs[i].1)
            .collect();
        if !shown.is_empty() {
            out.push(CompareRow::RegHeader);
            out.extend(shown.into_iter().map(CompareRow::Reg));
        }
        out
    }

    /// Whether a line shows something that differs between the two apps.
    pub fn is_difference(&self, row: CompareRow) -> bool {
        match row {
            CompareRow::Zone(i) => self
                .comparison
                .zones
                .get(self.tab)
                .and_then(|z| z.rows.get(i))
                .is_some_and(|r| r.status != Status::Same),
            CompareRow::Perm(s, _) => s != PermSection::Both,
            CompareRow::Reg(i) => self.registrations().get(i).is_some_and(|(a, b)| a != b),
            CompareRow::PermHeader(_) | CompareRow::RegHeader => false,
        }
    }

    /// Position of the next (or previous) differing line from the cursor.
    fn difference_from(&self, forward: bool) -> Option<usize> {
        let rows = self.rows();
        let cur = self.scroll().selected.min(rows.len().saturating_sub(1));
        if let Some(z) = self.comparison.zones.get(self.tab) {
            // Zone rows: ask the comparison, then find that row among the shown lines.
            let at = match rows.get(cur) {
                Some(CompareRow::Zone(i)) => Some(*i),
                _ => None,
            };
            let target = if forward {
                z.next_difference(at)
            } else {
                z.previous_difference(at)
            }?;
            return rows.iter().position(|r| *r == CompareRow::Zone(target));
        }
        if forward {
            (cur + 1..rows.len()).find(|&i| self.is_difference(rows[i]))
        } else {
            (0..cur).rev().find(|&i| self.is_difference(rows[i]))
        }
    }

    fn move_cursor(&mut self, m: Motion, height: usize) -> bool {
        let len = self.rows().len();
        match self.scrolls.get_mut(self.tab) {
            Some(s) => s.apply(m, len, height),
            None => false,
        }
    }

    fn select_tab(&mut self, i: usize) -> bool {
        if i >= self.tab_count() || i == self.tab {
            return false;
        }
        self.tab = i;
        true
    }

    /// Recompare after a side changed, keeping the tab of the same zone when there is one.
    pub(super) fn recompare(&mut self, ws: &Workspace) {
        let pivot = self.comparison.zones.get(self.tab).map(|z| z.pivot.clone());
        let only = self.only_differences;
        let (a_version, b_version) = (self.a_version.take(), self.b_version.take());
        let app_a = a_version.as_deref().unwrap_or(&ws.catalog.apps[self.a]);
        let app_b = b_version.as_deref().unwrap_or(&ws.catalog.apps[self.b]);
        *self = CompareView::versions(&ws.risk, (self.a, app_a), (self.b, app_b));
        self.a_version = a_version;
        self.b_version = b_version;
        self.only_differences = only;
        self.tab = match pivot {
            Some(p) => self
                .comparison
                .zones
                .iter()
                .position(|z| z.pivot == p)
                .unwrap_or(0),
            None => self.comparison.zones.len(),
        };
    }

    fn toggle_only_differences(&mut self) {
        let rows = self.rows();
        let keep = rows.get(self.scroll().selected).copied();
        self.only_differences = !self.only_differences;
        let rows = self.rows();
        let pos = keep
            .and_then(|k| rows.iter().position(|r| *r == k))
            .or_else(|| match keep {
                // The row was hidden: land on the next shown one below it.
                Some(CompareRow::Zone(i)) => rows
                    .iter()
                    .position(|r| matches!(r, CompareRow::Zone(j) if *j >= i)),
                _ => None,
            })
            .unwrap_or(0);
        for s in &mut self.scrolls {
            *s = Scroll::default();
        }
        if let Some(s) = self.scrolls.get_mut(self.tab) {
            s.selected = pos;
        }
    }
}

impl CompareView {
    pub(super) fn handle(&mut self, action: &Action, cx: &Context<'_>) -> Outcome {
        let rows = cx.layout.compare_rows;
        if let Some(m) = Motion::of(action) {
            return Outcome::changed(self.move_cursor(m, rows));
        }
        let n = self.tab_count();
        let changed = match action {
            Action::ScrollDetail(d) => self.move_cursor(Motion::By(*d), rows),
            Action::ClickRow(pos) => self.move_cursor(Motion::To(*pos), rows),
            Action::NextTab => self.select_tab((self.tab + 1) % n),
            Action::PrevTab => self.select_tab((self.tab + n - 1) % n),
            Action::Right => self.select_tab(self.tab + 1),
            Action::Left => self.tab > 0 && self.select_tab(self.tab - 1),
            Action::SelectTab(i) | Action::ClickTab(i) => self.select_tab(*i),
            Action::OnlyDifferences => {
                self.toggle_only_differences();
                true
            }
            Action::NextDifference | Action::PreviousDifference => {
                let forward = *action == Action::NextDifference;
                match self.difference_from(forward) {
                    Some(pos) => self.move_cursor(Motion::To(pos), rows),
                    None => false,
                }
            }
            Action::Swap => {
                self.swap_sides(cx.workspace);
                true
            }
            Action::PutOnSide { side, app } => {
                match side {
                    Side::A => (self.a, self.a_version) = (*app, None),
                    Side::B => (self.b, self.b_version) = (*app, None),
                }
                self.recompare(cx.workspace);
                true
            }
            Action::ReplaceLeft | Action::ReplaceRight => {
                let (side, stays) = match action {
                    Action::ReplaceLeft => (Side::A, self.b),
                    _ => (Side::B, self.a),
                };
                let picker = Picker::new(&cx.workspace.searcher, PickFor::Replace(side), stays);
                return Outcome::Push(Layer::Picker(picker));
            }
            Action::Activate => {
                return match self.row_popup(&cx.workspace.risk) {
                    Some(p) => Outcome::Push(Layer::Popup(p)),
                    None => Outcome::Unchanged,
                };
            }
            Action::OpenHelp => {
                let help = Help::open(cx.keymap, crate::tui::keymap::Mode::Compare);
                return Outcome::Push(Layer::Help(help));
            }
            Action::OpenAppA | Action::OpenAppB => {
                let app = if *action == Action::OpenAppA {
                    self.a
                } else {
                    self.b
                };
                return Outcome::Jump {
                    app,
                    to: super::JumpTo::App,
                };
            }
            Action::Back | Action::CloseOverlay => return Outcome::Pop,
            // The question column's labels are the panes' setting; the view draws with it.
            Action::EnglishLabels => return Outcome::Pass,
            _ => false,
        };
        Outcome::changed(changed)
    }
}

/// Both sides of the compare view's selected line whole, for a text popup over the view.
impl CompareView {
    /// Enter on a line: both sides of it whole, for a text popup over the view.
    fn row_popup(&self, risk: &RiskTable) -> Option<Popup> {
        let v = self;
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
                    let kinds: Vec<&str> =
                        e.other_kinds.iter().map(|k| strings::kind(*k)).collect();
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
}
