//! Snapshots of the views moving around changed, at 80×24 and 200×50: a stale list under a
//! filter with an error, the links popup and the header's links line, the log.

use attest_tui::tui::{Action, State};
use insta::assert_snapshot;

use crate::support::tui::{apply, draw, screen, state, type_text};

fn with_links() -> State {
    let mut s = state();
    let links = &mut s.workspace.catalog.apps[0].links;
    links.appsource = Some("https://appsource.microsoft.com/product/office/WA200001428".into());
    links.privacy = Some("https://landis.example/privacy".into());
    s
}

#[test]
fn a_stale_list_under_an_invalid_filter() {
    let mut s = state();
    s.update(Action::StartSearch);
    type_text(&mut s, "cert:attested risk:extreme");
    s.update(Action::SearchAccept);
    let small = screen(&draw(&mut s, 80, 24));
    // The last query that parsed, `cert:attested risk`, has `risk` as a fuzzy word.
    assert!(small.contains("Apps 0/4 stale"), "{small}");
    assert_snapshot!("stale_filter_80x24", small);
    let big = screen(&draw(&mut s, 200, 50));
    assert!(big.contains("`extreme` is not a risk tier"), "{big}");
    assert_snapshot!("stale_filter_200x50", big);
}

#[test]
fn links_in_the_header_and_whole_in_a_popup() {
    let mut s = with_links();
    s.update(Action::Right);
    let small = screen(&draw(&mut s, 80, 24));
    assert!(
        !small.contains("Links"),
        "no links line at 24 rows: {small}"
    );
    let mid = screen(&draw(&mut s, 100, 30));
    assert!(
        mid.contains("Links AppSource · privacy · O shows them"),
        "{mid}"
    );
    let big = screen(&draw(&mut s, 200, 50));
    assert!(
        big.contains("Links AppSource https://appsource.microsoft.com/product/office/WA200001428"),
        "addresses where they fit: {big}"
    );
    assert_snapshot!("links_header_200x50", big);
    s.update(Action::ShowLinks);
    let small = screen(&draw(&mut s, 80, 24));
    assert!(small.contains("https://landis.example/privacy"), "{small}");
    assert_snapshot!("links_popup_80x24", small);
    assert_snapshot!("links_popup_200x50", screen(&draw(&mut s, 200, 50)));
}

#[test]
fn a_link_that_could_not_be_opened() {
    let mut s = with_links();
    let url = s.workspace.catalog.apps[0].links.appsource.clone().unwrap();
    s.update(Action::LinkNotOpened {
        url: url.clone(),
        why: "no display to open a browser on".into(),
    });
    let small = screen(&draw(&mut s, 80, 24));
    assert!(small.contains("Not opened"), "{small}");
    assert!(small.contains(&url), "{small}");
    assert!(
        small.contains("whole in L"),
        "the status line points to the log: {small}"
    );
    assert_snapshot!("link_not_opened_80x24", small);
}

#[test]
fn the_log_popup() {
    let mut s = state();
    apply(
        &mut s,
        [
            Action::ShowMessage {
                text: "Contoso Notes: approved".into(),
                error: false,
            },
            Action::ShowMessage {
                text: "cannot save the review state: disk full".into(),
                error: true,
            },
            Action::OpenLog,
        ],
    );
    assert_snapshot!("log_80x24", screen(&draw(&mut s, 80, 24)));
    assert_snapshot!("log_200x50", screen(&draw(&mut s, 200, 50)));
}
