//! Every color and text attribute the TUI uses, keyed by what it means. `NO_COLOR` (any
//! non-empty value, see no-color.org) switches to a palette of attributes only.

use ratatui::style::{Color, Modifier, Style};

use crate::model::{Answer, Certification, PermissionKind};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub answer_yes: Style,
    pub answer_no: Style,
    pub answer_na: Style,
    pub answer_unanswered: Style,
    pub answer_text: Style,
    pub kind_application: Style,
    pub kind_delegated: Style,
    pub kind_both: Style,
    pub kind_unknown: Style,
    pub cert_certified: Style,
    pub cert_attested: Style,
    pub cert_none: Style,
    pub border: Style,
    pub border_focused: Style,
    pub title: Style,
    pub selected: Style,
    pub selected_unfocused: Style,
    pub match_highlight: Style,
    pub dim: Style,
    pub label: Style,
    pub column_header: Style,
    pub tab_active: Style,
    pub tab_inactive: Style,
    pub group_header: Style,
    pub note: Style,
    pub status: Style,
    pub key: Style,
    pub key_help: Style,
    pub input: Style,
    pub warning: Style,
    pub risk_critical: Style,
    pub risk_high: Style,
    pub risk_medium: Style,
    pub risk_low: Style,
    pub risk_unknown: Style,
    pub decision_approved: Style,
    pub decision_blocked: Style,
    pub decision_needs_review: Style,
    pub bookmark: Style,
    pub score: Style,
    pub message_info: Style,
    pub message_error: Style,
    pub query_error: Style,
    /// Compare view: a row the same on both sides, answered differently, answered (or present)
    /// on one side only, and the side where a row or zone is missing.
    pub diff_same: Style,
    pub diff_changed: Style,
    pub diff_only: Style,
    pub diff_missing: Style,
    /// The app marked for comparison.
    pub marked: Style,
}

impl Theme {
    pub fn color() -> Theme {
        let plain = Style::new();
        let bold = Modifier::BOLD;
        Theme {
            answer_yes: plain.fg(Color::Green),
            answer_no: plain.fg(Color::Red).add_modifier(bold),
            answer_na: plain.fg(Color::Blue),
            answer_unanswered: plain.fg(Color::DarkGray),
            answer_text: plain,
            kind_application: plain.fg(Color::Magenta).add_modifier(bold),
            kind_delegated: plain.fg(Color::Cyan),
            kind_both: plain
                .fg(Color::Magenta)
                .add_modifier(bold | Modifier::ITALIC),
            kind_unknown: plain.fg(Color::DarkGray),
            cert_certified: plain.fg(Color::Green).add_modifier(bold),
            cert_attested: plain.fg(Color::Cyan),
            cert_none: plain.fg(Color::DarkGray),
            border: plain.fg(Color::DarkGray),
            border_focused: plain.fg(Color::Cyan),
            title: plain.add_modifier(bold),
            selected: plain.bg(Color::DarkGray).add_modifier(bold),
            selected_unfocused: plain.add_modifier(Modifier::UNDERLINED),
            match_highlight: plain.fg(Color::Yellow).add_modifier(bold),
            dim: plain.fg(Color::DarkGray),
            label: plain.fg(Color::DarkGray),
            column_header: plain.fg(Color::DarkGray).add_modifier(bold),
            tab_active: plain.fg(Color::Black).bg(Color::Cyan).add_modifier(bold),
            tab_inactive: plain.fg(Color::Gray),
            group_header: plain.fg(Color::Yellow).add_modifier(bold),
            note: plain.add_modifier(Modifier::ITALIC),
            status: plain.fg(Color::Black).bg(Color::Gray),
            key: plain.fg(Color::Cyan).add_modifier(bold),
            key_help: plain.fg(Color::Gray),
            input: plain.fg(Color::Yellow),
            warning: plain.fg(Color::Yellow).add_modifier(bold),
            risk_critical: plain.fg(Color::LightRed).add_modifier(bold),
            risk_high: plain.fg(Color::Red),
            risk_medium: plain.fg(Color::Yellow),
            risk_low: plain.fg(Color::Green),
            risk_unknown: plain.fg(Color::DarkGray),
            decision_approved: plain.fg(Color::Green).add_modifier(bold),
            decision_blocked: plain.fg(Color::LightRed).add_modifier(bold),
            decision_needs_review: plain.fg(Color::Yellow).add_modifier(bold),
            bookmark: plain.fg(Color::Yellow),
            score: plain.fg(Color::Cyan),
            message_info: plain.fg(Color::Black).bg(Color::Cyan),
            message_error: plain.fg(Color::White).bg(Color::Red).add_modifier(bold),
            query_error: plain
                .fg(Color::LightRed)
                .add_modifier(Modifier::UNDERLINED | bold),
            diff_same: plain.fg(Color::DarkGray),
            diff_changed: plain.fg(Color::Yellow).add_modifier(bold),
            diff_only: plain.fg(Color::LightBlue).add_modifier(bold),
            diff_missing: plain.fg(Color::LightBlue).add_modifier(Modifier::ITALIC),
            marked: plain.fg(Color::Yellow).add_modifier(bold),
        }
    }

    /// Attributes only: bold, dim, underline, reverse and italic keep meanings apart.
    pub fn no_color() -> Theme {
        let plain = Style::new();
        let bold = plain.add_modifier(Modifier::BOLD);
        let dim = plain.add_modifier(Modifier::DIM);
        Theme {
            answer_yes: plain,
            answer_no: bold,
            answer_na: plain.add_modifier(Modifier::ITALIC),
            answer_unanswered: dim,
            answer_text: plain,
            kind_application: bold.add_modifier(Modifier::UNDERLINED),
            kind_delegated: plain,
            kind_both: bold.add_modifier(Modifier::ITALIC),
            kind_unknown: dim,
            cert_certified: bold,
            cert_attested: plain,
            cert_none: dim,
            border: plain,
            border_focused: bold,
            title: bold,
            selected: plain.add_modifier(Modifier::REVERSED),
            selected_unfocused: plain.add_modifier(Modifier::UNDERLINED),
            match_highlight: bold.add_modifier(Modifier::UNDERLINED),
            dim,
            label: dim,
            column_header: bold,
            tab_active: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            tab_inactive: plain,
            group_header: bold,
            note: plain.add_modifier(Modifier::ITALIC),
            status: plain.add_modifier(Modifier::REVERSED),
            key: bold,
            key_help: plain,
            input: bold,
            warning: bold,
            risk_critical: bold.add_modifier(Modifier::REVERSED),
            risk_high: bold.add_modifier(Modifier::UNDERLINED),
            risk_medium: plain,
            risk_low: dim,
            risk_unknown: dim,
            decision_approved: plain,
            decision_blocked: bold,
            decision_needs_review: plain.add_modifier(Modifier::ITALIC),
            bookmark: bold,
            score: plain,
            message_info: plain.add_modifier(Modifier::REVERSED),
            message_error: bold.add_modifier(Modifier::REVERSED),
            query_error: bold.add_modifier(Modifier::UNDERLINED),
            diff_same: dim,
            diff_changed: bold,
            diff_only: bold.add_modifier(Modifier::ITALIC),
            diff_missing: plain.add_modifier(Modifier::ITALIC),
            marked: bold,
        }
    }

    /// Colors for a light terminal background: darker foregrounds, light selection.
    pub fn light() -> Theme {
        let plain = Style::new();
        let bold = Modifier::BOLD;
        Theme {
            answer_yes: plain.fg(Color::Rgb(0, 110, 0)),
            answer_unanswered: plain.fg(Color::Rgb(120, 120, 120)),
            kind_delegated: plain.fg(Color::Rgb(0, 100, 140)),
            cert_certified: plain.fg(Color::Rgb(0, 110, 0)).add_modifier(bold),
            cert_attested: plain.fg(Color::Rgb(0, 100, 140)),
            cert_none: plain.fg(Color::Rgb(120, 120, 120)),
            border: plain.fg(Color::Rgb(160, 160, 160)),
            border_focused: plain.fg(Color::Blue),
            selected: plain.bg(Color::Rgb(210, 225, 245)).add_modifier(bold),
            match_highlight: plain.fg(Color::Rgb(170, 80, 0)).add_modifier(bold),
            dim: plain.fg(Color::Rgb(110, 110, 110)),
            label: plain.fg(Color::Rgb(110, 110, 110)),
            column_header: plain.fg(Color::Rgb(80, 80, 80)).add_modifier(bold),
            tab_active: plain.fg(Color::White).bg(Color::Blue).add_modifier(bold),
            tab_inactive: plain.fg(Color::Rgb(80, 80, 80)),
            group_header: plain.fg(Color::Rgb(150, 90, 0)).add_modifier(bold),
            status: plain.fg(Color::White).bg(Color::Rgb(70, 70, 70)),
            key: plain.fg(Color::Blue).add_modifier(bold),
            key_help: plain.fg(Color::Rgb(80, 80, 80)),
            input: plain.fg(Color::Rgb(150, 90, 0)),
            warning: plain.fg(Color::Rgb(170, 80, 0)).add_modifier(bold),
            risk_critical: plain.fg(Color::Rgb(190, 0, 0)).add_modifier(bold),
            risk_high: plain.fg(Color::Rgb(200, 70, 0)),
            risk_medium: plain.fg(Color::Rgb(150, 110, 0)),
            risk_low: plain.fg(Color::Rgb(0, 110, 0)),
            risk_unknown: plain.fg(Color::Rgb(120, 120, 120)),
            decision_approved: plain.fg(Color::Rgb(0, 110, 0)).add_modifier(bold),
            decision_blocked: plain.fg(Color::Rgb(190, 0, 0)).add_modifier(bold),
            decision_needs_review: plain.fg(Color::Rgb(150, 90, 0)).add_modifier(bold),
            bookmark: plain.fg(Color::Rgb(150, 90, 0)),
            score: plain.fg(Color::Blue),
            message_info: plain.fg(Color::White).bg(Color::Blue),
            query_error: plain
                .fg(Color::Rgb(190, 0, 0))
                .add_modifier(Modifier::UNDERLINED | bold),
            ..Theme::color()
        }
    }

    /// The theme named in the config; `NO_COLOR` wins over it.
    pub fn from_config(name: crate::config::ThemeName) -> Theme {
        use crate::config::ThemeName;
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        match name {
            _ if no_color => Theme::no_color(),
            ThemeName::Dark => Theme::color(),
            ThemeName::Light => Theme::light(),
            ThemeName::None => Theme::no_color(),
        }
    }

    pub fn risk(&self, tier: crate::risk::Tier) -> Style {
        use crate::risk::Tier;
        match tier {
            Tier::Critical => self.risk_critical,
            Tier::High => self.risk_high,
            Tier::Medium => self.risk_medium,
            Tier::Low => self.risk_low,
            Tier::Unknown => self.risk_unknown,
        }
    }

    pub fn decision(&self, decision: crate::review::Decision) -> Style {
        use crate::review::Decision;
        match decision {
            Decision::Approved => self.decision_approved,
            Decision::Blocked => self.decision_blocked,
            Decision::NeedsReview => self.decision_needs_review,
        }
    }

    pub fn answer(&self, value: Answer) -> Style {
        match value {
            Answer::Yes => self.answer_yes,
            Answer::No => self.answer_no,
            Answer::NotApplicable => self.answer_na,
            Answer::Unanswered | Answer::NotCopied => self.answer_unanswered,
            Answer::Text => self.answer_text,
        }
    }

    /// The style of an answer by what it means (`Row::judgement`): a good "no" looks good.
    pub fn judged(&self, judgement: crate::model::Judgement, value: Answer) -> Style {
        use crate::model::Judgement;
        match judgement {
            Judgement::Good => self.answer_yes,
            Judgement::Bad => self.answer_no,
            Judgement::Neutral if value == Answer::NotApplicable => self.answer_na,
            Judgement::Neutral => self.answer_text,
            Judgement::Unanswered | Judgement::NotCopied => self.answer_unanswered,
        }
    }

    pub fn kind(&self, kind: PermissionKind) -> Style {
        match kind {
            PermissionKind::Application => self.kind_application,
            PermissionKind::Delegated => self.kind_delegated,
            PermissionKind::Both => self.kind_both,
            PermissionKind::Unknown => self.kind_unknown,
        }
    }

    pub fn certification(&self, cert: Certification) -> Style {
        match cert {
            Certification::Certified => self.cert_certified,
            Certification::Attested => self.cert_attested,
            Certification::None => self.cert_none,
        }
    }
}

impl Theme {
    /// The style of a compare row by its status and which sides have it.
    pub fn diff(
        &self,
        status: crate::compare::Status,
        presence: crate::compare::Presence,
    ) -> Style {
        use crate::compare::{Presence, Status};
        match (status, presence) {
            (Status::Same, _) => self.diff_same,
            (Status::Different, _) => self.diff_changed,
            (_, Presence::Both) => self.diff_only,
            _ => self.diff_missing,
        }
    }

    /// Critical and high tiers stand out; the others keep `base`.
    pub fn tier(&self, tier: crate::risk::Tier, base: Style) -> Style {
        match tier {
            crate::risk::Tier::Critical => self.risk_critical,
            crate::risk::Tier::High => self.risk_high,
            _ => base,
        }
    }
}

impl Default for Theme {
    fn default() -> Theme {
        Theme::color()
    }
}
