//! The `?` overlay: its lines, built from the key table when it opens, and how far it is
//! scrolled. It starts with the keys of the view it was opened from, then what every mark and
//! marker means and the filter language in short, then the keys of the other views (each key
//! shown once: the moving keys are not repeated per view). `/` finds in it, `n`/`N` go on.

use super::{Context, Layer, Outcome, SearchTarget};
use crate::compare::{Presence, Status};
use crate::model::Certification;
use crate::review::Decision;
use crate::risk::Tier;
use crate::tui::action::Action;
use crate::tui::keymap::{Keymap, Mode};
use crate::tui::layout::ScreenLayout;
use crate::tui::state::find::Find;
use crate::tui::state::scroll::{Motion, scroll_text};
use crate::tui::strings;

/// A mark drawn in its own style by the help view (the theme knows the style, not the state).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Risk(Tier),
    Decision(Decision),
    Bookmark,
    Note,
    Marked,
    Certification(Certification),
    Diff(Status, Presence),
    Tier(Tier),
    Unanswered,
    /// An app that requests no permission.
    NoPermission,
    /// A decided app changed since its review.
    Changed,
    /// An app the tenant has.
    InTenant,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    Blank,
    Heading(String),
    Key {
        keys: String,
        help: String,
    },
    Mark {
        mark: Mark,
        glyph: String,
        text: String,
    },
    Text(String),
}

impl HelpLine {
    /// What `/` looks at.
    pub fn text(&self) -> String {
        match self {
            HelpLine::Blank => String::new(),
            HelpLine::Heading(t) | HelpLine::Text(t) => t.clone(),
            HelpLine::Key { keys, help } => format!("{keys} {help}"),
            HelpLine::Mark { glyph, text, .. } => format!("{glyph} {text}"),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Help {
    pub lines: Vec<HelpLine>,
    pub scroll: usize,
    pub find: Find,
    /// The line of the current match.
    pub current: Option<usize>,
}

impl Help {
    /// The help as seen from `mode`: its keys first.
    pub fn open(keymap: &Keymap, mode: Mode) -> Help {
        let mut lines = Vec::new();
        let mut shown: Vec<(String, String)> = Vec::new();
        let mut section = |lines: &mut Vec<HelpLine>, m: Mode, heading: String| {
            let entries: Vec<(String, String)> = keymap
                .help(m)
                .into_iter()
                .map(|(k, h)| (k, h.to_string()))
                .filter(|e| !shown.contains(e))
                .collect();
            if entries.is_empty() {
                return;
            }
            if !lines.is_empty() {
                lines.push(HelpLine::Blank);
            }
            lines.push(HelpLine::Heading(heading));
            for (keys, help) in entries {
                shown.push((keys.clone(), help.clone()));
                lines.push(HelpLine::Key { keys, help });
            }
        };
        let title = &keymap.mode_info(mode).title;
        section(&mut lines, mode, format!("{title} (here)"));
        lines.extend(marks(keymap));
        lines.extend(filter_language());
        for m in Mode::all().filter(|m| *m != mode) {
            section(&mut lines, m, keymap.mode_info(m).title.clone());
        }
        Help {
            lines,
            ..Help::default()
        }
    }

    fn hit(&self, i: usize) -> bool {
        let q = self.find.text_query();
        q.is_some_and(|q| self.lines.get(i).is_some_and(|l| q.hits(&l.text())))
    }

    /// Put the current match on screen (a third down, so what follows it shows too). Not
    /// bounded by the last draw's scroll limit: keys typed before the help was first drawn
    /// would find it 0; the next layout bounds it (`fit_layout`).
    fn show_current(&mut self, rows: usize) {
        let Some(c) = self.current else {
            return;
        };
        if c < self.scroll || c >= self.scroll + rows.max(1) {
            self.scroll = c.saturating_sub(rows / 3);
        }
    }

    pub(super) fn handle(&mut self, action: &Action, cx: &Context<'_>) -> Outcome {
        let (max, rows) = (cx.layout.help_scroll_max, cx.layout.help_rows);
        if let Some(m) = Motion::of(action) {
            return Outcome::changed(scroll_text(&mut self.scroll, m, max, rows));
        }
        if let Some(changed) = self.find.edit(action) {
            let len = self.lines.len();
            let from = self.current.unwrap_or(self.scroll);
            self.current = self.find.first_from(from, len, |i| self.hit(i));
            self.show_current(rows);
            return Outcome::changed(changed);
        }
        match action {
            Action::StartSearch => Outcome::Push(Layer::Search(SearchTarget::Help)),
            Action::NextMatch | Action::PreviousMatch => {
                let forward = *action == Action::NextMatch;
                let from = self.current.unwrap_or(self.scroll);
                let next = self
                    .find
                    .step(from, self.lines.len(), forward, |i| self.hit(i));
                let changed = next.is_some() && next != self.current;
                self.current = next.or(self.current);
                self.show_current(rows);
                Outcome::changed(changed)
            }
            Action::CloseOverlay => Outcome::Pop,
            _ => Outcome::Unchanged,
        }
    }

    pub(super) fn fit_layout(&mut self, layout: &ScreenLayout) -> bool {
        let before = self.scroll;
        self.scroll = self.scroll.min(layout.help_scroll_max);
        before != self.scroll
    }
}

/// One line per mark or marker the screens draw, in the words of the screens.
fn marks(keymap: &Keymap) -> Vec<HelpLine> {
    let mut out = vec![HelpLine::Blank, HelpLine::Heading("Marks".into())];
    let mut mark = |mark: Mark, glyph: &str, text: String| {
        out.push(HelpLine::Mark {
            mark,
            glyph: glyph.trim_end().to_string(),
            text,
        });
    };
    for t in Tier::ALL {
        let text = format!("worst permission of the app: {}", t.as_str());
        mark(Mark::Risk(t), strings::tier_letter(t), text);
    }
    mark(
        Mark::NoPermission,
        strings::NO_PERMISSION_MARK,
        format!("requests no permission ({})", crate::risk::NO_PERMISSION),
    );
    for d in Decision::ALL {
        let text = format!("your review: {}", strings::decision_label(d));
        mark(Mark::Decision(d), strings::decision_badge(d), text);
    }
    mark(
        Mark::Changed,
        strings::CHANGED_BADGE,
        strings::CHANGED_LABEL.to_string(),
    );
    mark(Mark::Bookmark, strings::BOOKMARK_BADGE, "bookmarked".into());
    mark(Mark::Note, strings::NOTE_BADGE, "has a note".into());
    mark(
        Mark::Marked,
        strings::MARK_GLYPH,
        "marked for comparison".into(),
    );
    for c in [Certification::Certified, Certification::Attested] {
        let text = match c {
            Certification::Certified => "Microsoft 365 certified",
            _ => "publisher attested (not certified)",
        };
        mark(
            Mark::Certification(c),
            strings::certification(c),
            text.into(),
        );
    }
    mark(
        Mark::Unanswered,
        strings::UNANSWERED_MARK,
        "not answered on the page".into(),
    );
    let diffs = [
        (Status::Same, Presence::Both),
        (Status::Different, Presence::Both),
        (Status::OnlyA, Presence::Both),
        (Status::OnlyB, Presence::Both),
        (Status::OnlyA, Presence::AOnly),
        (Status::OnlyB, Presence::BOnly),
    ];
    for (s, p) in diffs {
        let text = format!("compare: {}", strings::diff_label(s, p));
        mark(Mark::Diff(s, p), strings::diff_marker(s, p), text);
    }
    for t in [Tier::Critical, Tier::High] {
        let text = format!("compare: a {} permission", t.as_str());
        mark(Mark::Tier(t), strings::tier_marker(t), text);
    }
    mark(
        Mark::InTenant,
        strings::IN_TENANT_GLYPH,
        "in the tenant; colored by its worst undeclared grant".into(),
    );
    out.push(HelpLine::Text(format!(
        "Counts  N perms · M {}: M of N are application permissions",
        strings::APPLICATION_SHORT
    )));
    let explain = keymap
        .key_for(Mode::List, &Action::ExplainScore)
        .map(|k| format!("; {k} explains it"))
        .unwrap_or_default();
    out.push(HelpLine::Text(format!(
        "Score 0–10, higher is better{explain}"
    )));
    out
}

/// The list's filter language in short (the README has it whole).
fn filter_language() -> Vec<HelpLine> {
    let mut out = vec![
        HelpLine::Blank,
        HelpLine::Heading("Filter (/ in the list)".into()),
    ];
    out.extend(
        strings::FILTER_HELP
            .iter()
            .map(|l| HelpLine::Text(l.to_string())),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opens_on_the_keys_of_its_view_and_shows_each_key_once() {
        let km = Keymap::default();
        let help = Help::open(&km, Mode::Compare);
        assert_eq!(
            help.lines[0],
            HelpLine::Heading("Compare two apps (here)".into())
        );
        let keys: Vec<String> = help
            .lines
            .iter()
            .filter(|l| matches!(l, HelpLine::Key { .. }))
            .map(HelpLine::text)
            .collect();
        let mut unique = keys.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(keys.len(), unique.len());
        for glyph in ["=", "≠", "◀", "▶", "«", "»", "!!", "!"] {
            assert!(
                help.lines
                    .iter()
                    .any(|l| matches!(l, HelpLine::Mark { glyph: g, .. } if g == glyph)),
                "{glyph}"
            );
        }
    }
}
