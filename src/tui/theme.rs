//! Every color and text attribute the TUI uses, keyed by what it means. `NO_COLOR` (any
//! non-empty value, see no-color.org) switches to a palette of attributes only.

use ratatui::style::{Color, Modifier, Style};

use crate::model::{Answer, Certification, PermissionKind};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    /// Painted over the whole screen first: the theme's own text and background colors, so
    /// that its contrast does not depend on the terminal's (empty for the no-color theme).
    pub base: Style,
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
    pub message_warning: Style,
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
    /// For dark backgrounds, and painting its own (black, text light grey) so that what it
    /// promises holds whatever the terminal's background. Colors are among the 16 every
    /// terminal has (a terminal or tmux with 8 colors shows the bright ones as bold), chosen so
    /// that each text style keeps a WCAG contrast of 4.5:1 on the xterm default palette, also
    /// where xterm shows bold as bright; the selection is reverse video, which keeps each
    /// pair's contrast. `tests/render/contrast.rs` checks every pair.
    pub fn color() -> Theme {
        let plain = Style::new();
        let bold = Modifier::BOLD;
        let grey = plain.fg(Color::DarkGray);
        Theme {
            base: plain.fg(Color::Gray).bg(Color::Black),
            answer_yes: plain.fg(Color::Green),
            answer_no: plain.fg(Color::LightRed).add_modifier(bold),
            answer_na: plain.fg(Color::Gray).add_modifier(Modifier::ITALIC),
            answer_unanswered: grey,
            answer_text: plain,
            kind_application: plain.fg(Color::LightMagenta).add_modifier(bold),
            kind_delegated: plain.fg(Color::Cyan),
            kind_both: plain
                .fg(Color::LightMagenta)
                .add_modifier(bold | Modifier::ITALIC),
            kind_unknown: grey,
            cert_certified: plain.fg(Color::Green).add_modifier(bold),
            cert_attested: plain.fg(Color::Cyan),
            cert_none: grey,
            border: grey,
            border_focused: plain.fg(Color::Cyan),
            title: plain.add_modifier(bold),
            selected: plain.add_modifier(Modifier::REVERSED | bold),
            selected_unfocused: plain.add_modifier(Modifier::UNDERLINED),
            match_highlight: plain.fg(Color::Yellow).add_modifier(bold),
            dim: grey,
            label: grey,
            column_header: grey.add_modifier(bold),
            tab_active: plain.fg(Color::Black).bg(Color::Cyan),
            tab_inactive: plain.fg(Color::Gray),
            group_header: plain.fg(Color::Yellow).add_modifier(bold),
            note: plain.add_modifier(Modifier::ITALIC),
            status: plain.fg(Color::Black).bg(Color::Gray),
            key: plain.fg(Color::Cyan).add_modifier(bold),
            key_help: plain.fg(Color::Gray),
            input: plain.fg(Color::Yellow),
            warning: plain.fg(Color::Yellow).add_modifier(bold),
            risk_critical: plain.fg(Color::White).bg(Color::Red).add_modifier(bold),
            risk_high: plain.fg(Color::LightRed).add_modifier(bold),
            risk_medium: plain.fg(Color::Yellow),
            risk_low: plain.fg(Color::Green),
            risk_unknown: grey,
            decision_approved: plain.fg(Color::Green).add_modifier(bold),
            decision_blocked: plain.fg(Color::LightRed).add_modifier(bold),
            decision_needs_review: plain.fg(Color::Yellow).add_modifier(bold),
            bookmark: plain.fg(Color::Yellow),
            score: plain.fg(Color::Cyan),
            message_info: plain.fg(Color::Black).bg(Color::Cyan),
            message_warning: plain.fg(Color::Black).bg(Color::Yellow),
            message_error: plain.fg(Color::White).bg(Color::Red).add_modifier(bold),
            query_error: plain
                .fg(Color::LightRed)
                .add_modifier(Modifier::UNDERLINED | bold),
            diff_same: grey,
            diff_changed: plain.fg(Color::Yellow).add_modifier(bold),
            diff_only: plain.fg(Color::LightCyan).add_modifier(bold),
            diff_missing: plain.fg(Color::LightCyan).add_modifier(Modifier::ITALIC),
            marked: plain.fg(Color::Yellow).add_modifier(bold),
        }
    }

    /// Attributes only: bold, underline, reverse and italic keep meanings apart, on the
    /// terminal's own colors. (No faint: xterm draws it halfway to the background, below 4.5:1
    /// on a white one.)
    pub fn no_color() -> Theme {
        let plain = Style::new();
        let bold = plain.add_modifier(Modifier::BOLD);
        let italic = plain.add_modifier(Modifier::ITALIC);
        Theme {
            base: plain,
            answer_yes: plain,
            answer_no: bold,
            answer_na: italic,
            answer_unanswered: italic,
            answer_text: plain,
            kind_application: bold.add_modifier(Modifier::UNDERLINED),
            kind_delegated: plain,
            kind_both: bold.add_modifier(Modifier::ITALIC),
            kind_unknown: italic,
            cert_certified: bold,
            cert_attested: plain,
            cert_none: italic,
            border: plain,
            border_focused: bold,
            title: bold,
            selected: plain.add_modifier(Modifier::REVERSED),
            selected_unfocused: plain.add_modifier(Modifier::UNDERLINED),
            match_highlight: bold.add_modifier(Modifier::UNDERLINED),
            dim: plain,
            label: plain,
            column_header: bold,
            tab_active: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            tab_inactive: plain,
            group_header: bold,
            note: italic,
            status: plain.add_modifier(Modifier::REVERSED),
            key: bold,
            key_help: plain,
            input: bold,
            warning: bold,
            risk_critical: bold.add_modifier(Modifier::REVERSED),
            risk_high: bold.add_modifier(Modifier::UNDERLINED),
            risk_medium: plain,
            risk_low: italic,
            risk_unknown: italic,
            decision_approved: plain,
            decision_blocked: bold,
            decision_needs_review: italic,
            bookmark: bold,
            score: plain,
            message_info: plain.add_modifier(Modifier::REVERSED),
            message_warning: bold.add_modifier(Modifier::REVERSED),
            message_error: bold.add_modifier(Modifier::REVERSED),
            query_error: bold.add_modifier(Modifier::UNDERLINED),
            diff_same: plain,
            diff_changed: bold,
            diff_only: bold.add_modifier(Modifier::ITALIC),
            diff_missing: italic,
            marked: bold,
        }
    }

    /// For light backgrounds, painting its own (white, text black): dark foregrounds (as RGB,
    /// since the 16 colors have no dark green or grey that reads on white), reverse video for
    /// the selection.
    pub fn light() -> Theme {
        let plain = Style::new();
        let bold = Modifier::BOLD;
        let green = Color::Rgb(0, 110, 0);
        let red = Color::Rgb(180, 0, 0);
        let amber = Color::Rgb(140, 80, 0);
        let teal = Color::Rgb(0, 95, 135);
        let blue = Color::Rgb(0, 60, 190);
        let purple = Color::Rgb(130, 0, 140);
        let grey = plain.fg(Color::Rgb(100, 100, 100));
        Theme {
            base: plain.fg(Color::Rgb(0, 0, 0)).bg(Color::Rgb(255, 255, 255)),
            answer_yes: plain.fg(green),
            answer_no: plain.fg(red).add_modifier(bold),
            answer_na: plain.fg(teal).add_modifier(Modifier::ITALIC),
            answer_unanswered: grey,
            answer_text: plain,
            kind_application: plain.fg(purple).add_modifier(bold),
            kind_delegated: plain.fg(teal),
            kind_both: plain.fg(purple).add_modifier(bold | Modifier::ITALIC),
            kind_unknown: grey,
            cert_certified: plain.fg(green).add_modifier(bold),
            cert_attested: plain.fg(teal),
            cert_none: grey,
            border: plain.fg(Color::Rgb(110, 110, 110)),
            border_focused: plain.fg(blue),
            title: plain.add_modifier(bold),
            selected: plain.add_modifier(Modifier::REVERSED | bold),
            selected_unfocused: plain.add_modifier(Modifier::UNDERLINED),
            match_highlight: plain.fg(amber).add_modifier(bold | Modifier::UNDERLINED),
            dim: grey,
            label: grey,
            column_header: plain.fg(Color::Rgb(70, 70, 70)).add_modifier(bold),
            tab_active: plain.fg(Color::White).bg(blue).add_modifier(bold),
            tab_inactive: plain.fg(Color::Rgb(70, 70, 70)),
            group_header: plain.fg(amber).add_modifier(bold),
            note: plain.add_modifier(Modifier::ITALIC),
            status: plain.fg(Color::White).bg(Color::Rgb(60, 60, 60)),
            key: plain.fg(blue).add_modifier(bold),
            key_help: plain.fg(Color::Rgb(60, 60, 60)),
            input: plain.fg(amber),
            warning: plain.fg(amber).add_modifier(bold),
            risk_critical: plain.fg(Color::White).bg(red).add_modifier(bold),
            risk_high: plain.fg(red).add_modifier(bold),
            risk_medium: plain.fg(amber),
            risk_low: plain.fg(green),
            risk_unknown: grey,
            decision_approved: plain.fg(green).add_modifier(bold),
            decision_blocked: plain.fg(red).add_modifier(bold),
            decision_needs_review: plain.fg(amber).add_modifier(bold),
            bookmark: plain.fg(amber),
            score: plain.fg(blue),
            message_info: plain.fg(Color::White).bg(blue),
            message_warning: plain.fg(Color::White).bg(amber),
            message_error: plain.fg(Color::White).bg(red).add_modifier(bold),
            query_error: plain.fg(red).add_modifier(Modifier::UNDERLINED | bold),
            diff_same: grey,
            diff_changed: plain.fg(amber).add_modifier(bold),
            diff_only: plain.fg(blue).add_modifier(bold),
            diff_missing: plain.fg(blue).add_modifier(Modifier::ITALIC),
            marked: plain.fg(amber).add_modifier(bold),
        }
    }

    /// Every style of the theme by name, for the contrast test. The destructuring names every
    /// field, so a new style does not compile until it is listed here.
    pub fn styles(&self) -> Vec<(&'static str, Style)> {
        // One list of names: the destructuring has no `..`, so it stays exhaustive.
        macro_rules! named {
            ($theme:expr; $($f:ident),* $(,)?) => {{
                let Theme { $($f),* } = $theme;
                vec![$((stringify!($f), *$f)),*]
            }};
        }
        named!(
            self;
            base,
            answer_yes,
            answer_no,
            answer_na,
            answer_unanswered,
            answer_text,
            kind_application,
            kind_delegated,
            kind_both,
            kind_unknown,
            cert_certified,
            cert_attested,
            cert_none,
            border,
            border_focused,
            title,
            selected,
            selected_unfocused,
            match_highlight,
            dim,
            label,
            column_header,
            tab_active,
            tab_inactive,
            group_header,
            note,
            status,
            key,
            key_help,
            input,
            warning,
            risk_critical,
            risk_high,
            risk_medium,
            risk_low,
            risk_unknown,
            decision_approved,
            decision_blocked,
            decision_needs_review,
            bookmark,
            score,
            message_info,
            message_warning,
            message_error,
            query_error,
            diff_same,
            diff_changed,
            diff_only,
            diff_missing,
            marked,
        )
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
