//! The log of this run and the status line that points to it when a message does not fit.

use attest_tui::tui::state::Popup;
use attest_tui::tui::{Action, State};

use crate::support::tui::{draw, screen, state};

fn log_text(s: &State) -> String {
    match s.popup() {
        Some(Popup::Text { sections, .. }) => sections
            .iter()
            .map(|x| format!("{}: {}", x.label, x.text))
            .collect::<Vec<_>>()
            .join("\n"),
        other => panic!("expected the log popup, got {other:?}"),
    }
}

#[test]
fn every_message_goes_to_the_log_and_l_opens_it() {
    let mut s = state();
    s.update(Action::OpenLog);
    assert!(log_text(&s).contains("Nothing yet"));
    s.update(Action::CloseOverlay);
    // The answer of an effect (saving a decision) and a message of update itself.
    s.update(Action::ShowMessage {
        text: "Contoso Notes: approved".into(),
        error: false,
    });
    s.update(Action::GoBack);
    s.update(Action::OpenLog);
    let text = log_text(&s);
    assert!(text.contains(": approved"), "{text}");
    assert!(text.contains("note: nothing to go back to"), "{text}");
    assert!(
        text.find("approved") < text.find("nothing to go back"),
        "oldest first: {text}"
    );
}

#[test]
fn a_message_too_long_for_the_status_line_points_to_the_log() {
    let mut s = state();
    let long = format!("cannot open the link: {}", "x".repeat(150));
    s.update(Action::ShowMessage {
        text: long.clone(),
        error: true,
    });
    let text = screen(&draw(&mut s, 80, 24));
    let status = text.lines().nth(22).unwrap();
    assert!(status.contains("…"), "{status}");
    assert!(status.contains("whole in L"), "{status}");
    s.update(Action::OpenLog);
    assert!(log_text(&s).contains(&long), "the log has it whole");
    // A message that fits has no pointer.
    let mut s = state();
    s.update(Action::ShowMessage {
        text: "short".into(),
        error: false,
    });
    let text = screen(&draw(&mut s, 80, 24));
    assert!(!text.contains("whole in"), "{text}");
}
