//! The compare view: two apps side by side, and the picker that chooses the other app.
//!
//! The comparison itself (alignment, statuses, permission sets) comes from `crate::compare`;
//! this file only keeps which apps are compared, which tab is shown, the shared scroll of both
//! columns, and whether rows that are the same are hidden. `State::update` calls
//! [`State::compare_update`] first, which takes every action while the compare view or its
//! picker is on top.

use crate::compare::{Comparison, Status, compare_apps};
use crate::query::AppMatch;
use crate::risk::Tier;
use crate::tui::action::Action;

use super::State;
use super::popup::Overlay;
use super::scroll::{Motion, Scroll};

/// What the compare keys ask for (one `Action::Compare` each).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareAction {
    /// Mark the selected app for comparison, or unmark it.
    ToggleMark,
    /// Compare the marked app with the selected one; with nothing else marked, pick the other.
    Open,
    /// Swap the two sides.
    Swap,
    /// Choose another app for one side through the picker.
    Replace(Side),
    /// Hide or show rows that are the same on both sides.
    ToggleOnlyDifferences,
    NextDifference,
    PreviousDifference,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    A,
    B,
}

/// What the picked app becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickFor {
    /// Side B of a new comparison with `a` on side A.
    Open { a: usize },
    /// This side of the compare view under the picker.
    Replace(Side),
}

/// A small fuzzy search over the apps, without the app that stays on the other side.
#[derive(Debug, Clone, PartialEq)]
pub struct Picker {
    pub purpose: PickFor,
    /// The app that cannot be picked (it is the other side).
    pub exclude: usize,
    pub query: String,
    pub matches: Vec<AppMatch>,
    pub list: Scroll,
}

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
}

impl CompareView {
    pub fn new(state: &State, a: usize, b: usize) -> CompareView {
        let comparison = compare_apps(&state.catalog.apps[a], &state.catalog.apps[b]);
        let tabs = comparison.zones.len() + 1;
        let p = &comparison.permissions;
        let perm_order = [&p.only_a, &p.only_b, &p.both].map(|list| {
            let rank = |i: &usize| {
                let e = &list[*i];
                let tier = state.triage.risk.rate(&e.name, e.kind).tier;
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
    fn recompare(&mut self, state: &State) {
        let pivot = self.comparison.zones.get(self.tab).map(|z| z.pivot.clone());
        let only = self.only_differences;
        *self = CompareView::new(state, self.a, self.b);
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

impl State {
    /// The compare view on top of the overlays, if any.
    pub fn compare_view(&self) -> Option<&CompareView> {
        self.overlays.iter().rev().find_map(|o| match o {
            Overlay::Compare(v) => Some(v.as_ref()),
            _ => None,
        })
    }

    /// Handle an action when it is a compare action or the compare view or picker is on top;
    /// `None` leaves it to the rest of `update`.
    pub(super) fn compare_update(&mut self, action: &Action) -> Option<bool> {
        if let Action::Compare(ca) = action {
            return Some(self.compare_action(*ca));
        }
        match self.overlays.last() {
            Some(Overlay::Picker(_)) => self.picker_update(action),
            Some(Overlay::Compare(_)) => self.compare_view_update(action),
            _ => None,
        }
    }

    fn compare_action(&mut self, action: CompareAction) -> bool {
        let rows = self.layout.compare_rows;
        match action {
            CompareAction::ToggleMark => {
                let Some(cur) = self.current_app_index() else {
                    return false;
                };
                self.marked = if self.marked == Some(cur) {
                    None
                } else {
                    Some(cur)
                };
                true
            }
            CompareAction::Open => {
                let Some(cur) = self.current_app_index() else {
                    return false;
                };
                match self.marked {
                    Some(m) if m != cur && m < self.catalog.apps.len() => {
                        let view = CompareView::new(self, m, cur);
                        self.overlays.push(Overlay::Compare(Box::new(view)));
                    }
                    _ => self.open_picker(PickFor::Open { a: cur }, cur),
                }
                true
            }
            CompareAction::Replace(side) => {
                let Some(v) = self.compare_view() else {
                    return false;
                };
                let stays = match side {
                    Side::A => v.b,
                    Side::B => v.a,
                };
                self.open_picker(PickFor::Replace(side), stays);
                true
            }
            CompareAction::Swap => {
                let Some(mut v) = self.take_compare_view() else {
                    return false;
                };
                std::mem::swap(&mut v.a, &mut v.b);
                v.recompare(self);
                self.overlays.push(Overlay::Compare(v));
                true
            }
            CompareAction::ToggleOnlyDifferences => self.with_compare_view(|v| {
                v.toggle_only_differences();
                true
            }),
            CompareAction::NextDifference | CompareAction::PreviousDifference => {
                let forward = action == CompareAction::NextDifference;
                self.with_compare_view(|v| match v.difference_from(forward) {
                    Some(pos) => v.move_cursor(Motion::To(pos), rows),
                    None => false,
                })
            }
        }
    }

    /// Change the compare view when it is on top.
    fn with_compare_view(&mut self, f: impl FnOnce(&mut CompareView) -> bool) -> bool {
        match self.overlays.last_mut() {
            Some(Overlay::Compare(v)) => f(v),
            _ => false,
        }
    }

    fn take_compare_view(&mut self) -> Option<Box<CompareView>> {
        match self.overlays.last() {
            Some(Overlay::Compare(_)) => match self.overlays.pop() {
                Some(Overlay::Compare(v)) => Some(v),
                _ => None,
            },
            _ => None,
        }
    }

    fn open_picker(&mut self, purpose: PickFor, exclude: usize) {
        let mut picker = Picker {
            purpose,
            exclude,
            query: String::new(),
            matches: Vec::new(),
            list: Scroll::default(),
        };
        self.refilter_picker(&mut picker);
        self.overlays.push(Overlay::Picker(picker));
    }

    fn refilter_picker(&self, picker: &mut Picker) {
        picker.matches = self
            .searcher
            .search_ranked(&picker.query)
            .into_iter()
            .filter(|m| m.index != picker.exclude)
            .collect();
        picker.list = Scroll::default();
    }

    fn picker_update(&mut self, action: &Action) -> Option<bool> {
        let rows = self.layout.picker_rows;
        let Some(Overlay::Picker(picker)) = self.overlays.last_mut() else {
            return None;
        };
        let motion = |m: Motion, p: &mut Picker| {
            let len = p.matches.len();
            p.list.apply(m, len, rows)
        };
        let changed = match action {
            Action::SearchInput(c) => {
                let mut p = picker.clone();
                p.query.push(*c);
                self.refilter_picker(&mut p);
                self.overlays.pop();
                self.overlays.push(Overlay::Picker(p));
                true
            }
            Action::SearchBackspace | Action::SearchClear => {
                let mut p = picker.clone();
                if matches!(action, Action::SearchClear) {
                    p.query.clear();
                } else {
                    p.query.pop();
                }
                if p.query == picker.query {
                    return Some(false);
                }
                self.refilter_picker(&mut p);
                self.overlays.pop();
                self.overlays.push(Overlay::Picker(p));
                true
            }
            Action::MoveUp => motion(Motion::Up, picker),
            Action::MoveDown => motion(Motion::Down, picker),
            Action::PageUp => motion(Motion::PageUp, picker),
            Action::PageDown => motion(Motion::PageDown, picker),
            Action::Top => motion(Motion::Top, picker),
            Action::Bottom => motion(Motion::Bottom, picker),
            Action::ClickPopupRow(pos) => motion(Motion::To(*pos), picker),
            Action::SearchAccept | Action::Activate => self.accept_picker(),
            Action::SearchCancel | Action::CloseOverlay | Action::Back => {
                self.overlays.pop();
                true
            }
            Action::Quit | Action::Resize | Action::Layout(_) => return None,
            _ => false,
        };
        Some(changed)
    }

    /// Put the picked app where the picker was opened for.
    fn accept_picker(&mut self) -> bool {
        let Some(Overlay::Picker(p)) = self.overlays.last() else {
            return false;
        };
        let Some(picked) = p.matches.get(p.list.selected).map(|m| m.index) else {
            return false;
        };
        let purpose = p.purpose;
        self.overlays.pop();
        match purpose {
            PickFor::Open { a } => {
                let view = CompareView::new(self, a, picked);
                self.overlays.push(Overlay::Compare(Box::new(view)));
            }
            PickFor::Replace(side) => {
                let Some(mut v) = self.take_compare_view() else {
                    return true;
                };
                match side {
                    Side::A => v.a = picked,
                    Side::B => v.b = picked,
                }
                v.recompare(self);
                self.overlays.push(Overlay::Compare(v));
            }
        }
        true
    }

    fn compare_view_update(&mut self, action: &Action) -> Option<bool> {
        if *action == Action::Activate {
            return Some(self.open_compare_row());
        }
        let rows = self.layout.compare_rows;
        let Some(Overlay::Compare(v)) = self.overlays.last_mut() else {
            return None;
        };
        let n = v.tab_count();
        let changed = match action {
            Action::MoveUp => v.move_cursor(Motion::Up, rows),
            Action::MoveDown => v.move_cursor(Motion::Down, rows),
            Action::PageUp => v.move_cursor(Motion::PageUp, rows),
            Action::PageDown => v.move_cursor(Motion::PageDown, rows),
            Action::HalfPageUp => v.move_cursor(Motion::HalfUp, rows),
            Action::HalfPageDown => v.move_cursor(Motion::HalfDown, rows),
            Action::Top => v.move_cursor(Motion::Top, rows),
            Action::Bottom => v.move_cursor(Motion::Bottom, rows),
            Action::ScrollDetail(d) => v.move_cursor(Motion::By(*d), rows),
            Action::ClickRow(pos) => v.move_cursor(Motion::To(*pos), rows),
            Action::NextTab => v.select_tab((v.tab + 1) % n),
            Action::PrevTab => v.select_tab((v.tab + n - 1) % n),
            Action::Right => v.select_tab(v.tab + 1),
            Action::Left => v.tab > 0 && v.select_tab(v.tab - 1),
            Action::SelectTab(i) | Action::ClickTab(i) => v.select_tab(*i),
            Action::Back | Action::CloseOverlay => {
                self.overlays.pop();
                true
            }
            Action::Quit | Action::Resize | Action::Layout(_) | Action::OpenHelp => return None,
            _ => false,
        };
        Some(changed)
    }
}
